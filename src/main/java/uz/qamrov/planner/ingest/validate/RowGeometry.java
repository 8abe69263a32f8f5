package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.SourceFeature;

/** {@link RowFields} plus the row's geometry: point (or lon/lat columns), line(s), polygons; each checked. */
class RowGeometry extends RowFields {

    RowGeometry(SourceFeature f, Map<String, String> a, Findings findings, ValidationContext ctx) {
        super(f, a, findings, ctx);
    }

    /** The row's point: its geometry, or the lon/lat columns. Range and swap checks; country check comes later. */
    Point point() {
        if (f.geometry() != null) {
            Geometry g = f.geometry();
            if (g instanceof MultiPoint mp && mp.getNumGeometries() == 1) {
                g = mp.getGeometryN(0);
            }
            if (!(g instanceof Point pt) || pt.isEmpty()) {
                error("geometry", g.getGeometryType(), "wrong geometry type: expected Point");
                return null;
            }
            if (!Double.isFinite(pt.getX()) || !Double.isFinite(pt.getY())) {
                error("geometry", pt.getX() + " " + pt.getY(), "a coordinate is not a finite number");
                return null;
            }
            return lonLat(pt.getX(), pt.getY(), String.valueOf(pt.getX()), String.valueOf(pt.getY()));
        }
        String lonS = text("lon", true);
        String latS = text("lat", true);
        if (lonS == null || latS == null) {
            return null;
        }
        Double lon = parse("lon", lonS);
        Double lat = parse("lat", latS);
        return lon == null || lat == null ? null : lonLat(lon, lat, lonS, latS);
    }

    private Point lonLat(double lon, double lat, String lonS, String latS) {
        if (lat < -90 || lat > 90) {
            error("lat", latS, "latitude out of range [-90, 90]" + (lon >= -90 && lon <= 90 ? " (lat and lon swapped?)" : ""));
            return null;
        }
        if (lon < -180 || lon > 180) {
            error("lon", lonS, "longitude out of range [-180, 180] (projected coordinates without a CRS?)");
            return null;
        }
        return GeometryChecks.WGS84.createPoint(new Coordinate(lon, lat));
    }

    /** The row's line parts, flat, merged where they join, each with two distinct points; null after an error. */
    List<LineString> lineParts() {
        Geometry g = f.geometry();
        if (g == null) {
            error("geometry", null, "a LineString geometry is required");
            return null;
        }
        if (!(g instanceof LineString) && !(g instanceof MultiLineString)) {
            error("geometry", g.getGeometryType(), "wrong geometry type: expected LineString or MultiLineString");
            return null;
        }
        if (g.isEmpty()) {
            error("geometry", g.getGeometryType() + " EMPTY", "the line is empty (no coordinates)");
            return null;
        }
        String problem = GeometryChecks.problem(g);
        if (problem != null) {
            error("geometry", null, problem);
            return null;
        }
        List<LineString> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            LineString ls = (LineString) g.getGeometryN(i);
            if (ls.isEmpty()) {
                continue; // an empty part of a non-empty MultiLineString carries nothing
            }
            Coordinate[] cs = GeometryChecks.flat(ls.getCoordinates());
            if (cs.length < 2) {
                error("geometry", null, "a line" + (g.getNumGeometries() > 1 ? " part (" + (i + 1) + ")" : "")
                        + " needs at least two distinct points (degenerate line)");
                return null;
            }
            LineString flat = GeometryChecks.WGS84.createLineString(cs);
            if (flat.getLength() == 0) {
                error("geometry", null, "a line" + (g.getNumGeometries() > 1 ? " part (" + (i + 1) + ")" : "")
                        + " needs at least two distinct points (degenerate line)");
                return null;
            }
            parts.add(flat);
        }
        return parts;
    }

    /** One line (merging a MultiLineString); several, one per piece that does not join, for fiber routes. */
    List<LineString> mergedLines() {
        List<LineString> parts = lineParts();
        if (parts == null) {
            return null;
        }
        if (parts.size() == 1) {
            return parts;
        }
        LineMerger merger = new LineMerger();
        parts.forEach(merger::add);
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        return new ArrayList<>(merged);
    }

    /** Polygons (GeometryCollections reduced to their polygons), validated; invalid ones need ?repair=true. */
    MultiPolygon polygons(boolean alwaysRepair) {
        Geometry g = f.geometry();
        if (g == null) {
            error("geometry", null, "a Polygon geometry is required");
            return null;
        }
        List<Polygon> polys = new ArrayList<>();
        GeometryChecks.collectPolygons(g, polys);
        if (polys.isEmpty()) {
            error("geometry", g.getGeometryType(), "wrong geometry type: expected Polygon or MultiPolygon");
            return null;
        }
        String problem = GeometryChecks.problem(g);
        if (problem != null) {
            error("geometry", null, problem);
            return null;
        }
        MultiPolygon mp;
        try {
            mp = GeometryChecks.WGS84.createMultiPolygon(polys.stream().map(GeometryChecks::flatPolygon).toArray(Polygon[]::new));
        } catch (IllegalArgumentException e) {
            error("geometry", null, "invalid geometry: " + e.getMessage());
            return null;
        }
        TopologyValidationError invalid = new IsValidOp(mp).getValidationError();
        if (invalid != null) {
            Coordinate at = invalid.getCoordinate();
            String where = at == null ? null : "POINT(" + at.x + " " + at.y + ")";
            if ((alwaysRepair || ctx.repair()) && GeometryFixer.fix(mp).getArea() == 0) {
                // ST_MakeValid would turn it into a line or a point, which no polygon column takes
                error("geometry", null, "the polygon has no area (degenerate polygon: " + invalid.getMessage() + ")");
                return null;
            }
            if (alwaysRepair || ctx.repair()) {
                findings.warnings.add("row " + f.number() + ": " + invalid.getMessage() + (where == null ? "" : " at " + where)
                        + " repaired with ST_MakeValid");
            } else {
                failed = true;
                findings.errors.add(new RowError(f.number(), "geometry", null, "invalid geometry: " + invalid.getMessage()
                        + (where == null ? "" : " at " + where) + "; upload with ?repair=true to repair it", where));
                return null;
            }
        }
        return mp;
    }
}
