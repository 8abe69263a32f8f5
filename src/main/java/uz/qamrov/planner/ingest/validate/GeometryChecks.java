package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Geometry helpers of validation: 2D flattening, coordinate sanity (finite, lon/lat range) and polygon collection.
 * Every geometry that reaches the repository went through {@link #problem}, so a NaN vertex or a projected
 * coordinate is a row error here and never a database error later.
 */
public final class GeometryChecks {

    /** EPSG:4326; every geometry is in it by the time it is validated. */
    public static final int WGS84_SRID = 4326;
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private GeometryChecks() {
    }

    /** What is wrong with the coordinates of a geometry, or null: non-finite values or values outside lon/lat. */
    public static String problem(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return "a vertex is not a finite number (NaN or infinite coordinate)";
            }
        }
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            return "coordinates out of range for WGS84 lon/lat (projected data without a CRS?)";
        }
        return null;
    }

    /** Drops Z (and M): everything is stored 2D; also removes consecutive repeated points. */
    public static Coordinate[] flat(Coordinate[] cs) {
        List<Coordinate> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            Coordinate xy = new Coordinate(c.x, c.y);
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(xy)) {
                out.add(xy);
            }
        }
        return out.toArray(Coordinate[]::new);
    }

    static Polygon flatPolygon(Polygon p) {
        LinearRing shell = WGS84.createLinearRing(flat(p.getExteriorRing().getCoordinates()));
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = WGS84.createLinearRing(flat(p.getInteriorRingN(i).getCoordinates()));
        }
        return WGS84.createPolygon(shell, holes);
    }

    static void collectPolygons(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p && !p.isEmpty()) {
            out.add(p);
        } else if (g instanceof GeometryCollection gc) {
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                collectPolygons(gc.getGeometryN(i), out);
            }
        }
    }
}
