package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Shapefile parts → JTS lines and polygons; an unusable part is a {@link ShapefileReader.BadShape} (a row error). */
final class ShapeGeometries {

    private ShapeGeometries() {
    }

    static Geometry lines(GeometryFactory gf, List<Coordinate[]> parts) {
        LineString[] ls = new LineString[parts.size()];
        for (int i = 0; i < ls.length; i++) {
            if (parts.get(i).length < 2) {
                throw new ShapefileReader.BadShape("line part " + (i + 1) + " has fewer than 2 points");
            }
            ls[i] = gf.createLineString(parts.get(i));
        }
        return ls.length == 1 ? ls[0] : gf.createMultiLineString(ls);
    }

    /**
     * Shapefile outer rings are clockwise, holes counter-clockwise; each hole goes to the shell that covers it (a
     * hole touching its shell at its first vertex is still found), and a hole no shell covers becomes a shell.
     */
    static Geometry polygon(GeometryFactory gf, List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            Coordinate[] r = rings.get(i);
            if (r.length < 4 || !r[0].equals2D(r[r.length - 1])) {
                throw new ShapefileReader.BadShape("ring " + (i + 1) + " is not closed or has fewer than 4 points");
            }
            LinearRing ring = gf.createLinearRing(r);
            (Orientation.isCCW(r) ? holes : shells).add(ring);
        }
        if (shells.isEmpty()) { // some writers get the orientation wrong: treat every ring as a shell
            shells.addAll(holes);
            holes.clear();
        }
        List<Polygon> shellPolygons = shells.stream().map(gf::createPolygon).toList();
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (LinearRing h : holes) {
            int owner = -1;
            for (int i = 0; i < shellPolygons.size() && owner < 0; i++) {
                if (shellPolygons.get(i).getEnvelopeInternal().covers(h.getEnvelopeInternal()) && covers(shellPolygons.get(i), h)) {
                    owner = i;
                }
            }
            if (owner < 0) {
                shells.add(h);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(owner).add(h);
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polys[i] = gf.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return polys.length == 1 ? polys[0] : gf.createMultiPolygon(polys);
    }

    /** An invalid shell (left for the validator to report) may make the exact predicate fail: fall back to a vertex. */
    private static boolean covers(Polygon shell, LinearRing hole) {
        try {
            return shell.covers(hole);
        } catch (RuntimeException e) {
            return shell.contains(hole.getPointN(1));
        }
    }
}
