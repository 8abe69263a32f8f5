package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.stereotype.Component;

/**
 * The row checks that need the database: every geometry within the country (the union of the region polygons, or
 * a box when none is loaded; the swapped reading is tried to say "swapped"), settlement region/district codes that
 * exist, and region/district boundaries matched to the stored ones by code or name.
 */
@Component
class DatabaseRowChecks {

    private static final double BOX_MIN_LON = 55.9;
    private static final double BOX_MAX_LON = 73.2;
    private static final double BOX_MIN_LAT = 37.1;
    private static final double BOX_MAX_LAT = 45.6;

    private final IngestRepository repository;
    private final IngestProperties properties;

    DatabaseRowChecks(IngestRepository repository, IngestProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** The rows that pass; errors of the others are added to {@code errors}, boundary matches to {@code boundaryCodes}. */
    List<Rows.ImportRow> check(Layer layer, List<Rows.ImportRow> rows, List<RowError> errors, Map<Integer, String> boundaryCodes) {
        return session().check(layer, rows, errors, boundaryCodes);
    }

    /** Checks for one job, fed chunk by chunk: the regions' outline is read (ST_Union) once per job, not per chunk. */
    Session session() {
        return new Session();
    }

    final class Session {
        private Boolean regions;
        private IndexedPointInAreaLocator outline;

        List<Rows.ImportRow> check(Layer layer, List<Rows.ImportRow> rows, List<RowError> errors, Map<Integer, String> boundaryCodes) {
            if (regions == null) {
                regions = repository.hasRegionGeometry();
                outline = regions ? regionsOutline() : null;
            }
            return databaseChecks(layer, countryCheck(rows, errors, regions, outline), errors, boundaryCodes);
        }
    }

    /** Points (and other geometries) farther than the tolerance from every region; the swapped reading is tried too. */
    List<Rows.ImportRow> countryCheck(List<Rows.ImportRow> rows, List<RowError> errors) {
        boolean regions = repository.hasRegionGeometry();
        return countryCheck(rows, errors, regions, regions ? regionsOutline() : null);
    }

    private List<Rows.ImportRow> countryCheck(List<Rows.ImportRow> rows, List<RowError> errors, boolean regions,
            IndexedPointInAreaLocator inRegions) {
        double tolM = properties.countryToleranceKm() * 1000;
        String[] swapped = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            var c = rows.get(i).geometry().getInteriorPoint().getCoordinate();
            swapped[i] = "POINT(" + c.y + " " + c.x + ")";
        }
        Set<Integer> outside;
        Set<Integer> swappedInside;
        if (regions) {
            // a geometry with a vertex inside the regions' union (planar, as PostGIS's ST_Intersects) is within the
            // tolerance: only the others go to PostGIS for the geodesic test (100,000 sites waited ≥ 28 s there, and
            // 150,000 road ways ~40 s); how far a line runs beyond the country is the box test below
            List<Integer> ask = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (inRegions == null || !touchesRegions(rows.get(i).geometry(), inRegions)) {
                    ask.add(i);
                }
            }
            int[] idx = ask.stream().mapToInt(Integer::intValue).toArray();
            String[] wkt = ask.stream().map(i -> rows.get(i).geometry().toText()).toArray(String[]::new);
            outside = idx.length == 0 ? Set.of() : repository.outsideRegions(idx, wkt, tolM);
            int[] oi = outside.stream().mapToInt(Integer::intValue).toArray();
            Set<Integer> swappedOutside = oi.length == 0 ? Set.of()
                    : repository.outsideRegions(oi, Arrays.stream(oi).mapToObj(i -> swapped[i]).toArray(String[]::new), tolM);
            swappedInside = new HashSet<>(outside);
            swappedInside.removeAll(swappedOutside);
            // a line or polygon that touches the country but runs far beyond it is outside too (and would break the
            // tables' lon/lat box constraint)
            outside = new HashSet<>(outside);
            double tolDeg = properties.countryToleranceKm() / 80.0;
            for (int i = 0; i < rows.size(); i++) {
                var env = rows.get(i).geometry().getEnvelopeInternal();
                if (env.getMinX() < BOX_MIN_LON - tolDeg || env.getMaxX() > BOX_MAX_LON + tolDeg
                        || env.getMinY() < BOX_MIN_LAT - tolDeg || env.getMaxY() > BOX_MAX_LAT + tolDeg) {
                    outside.add(i);
                }
            }
        } else {
            outside = new HashSet<>();
            swappedInside = new HashSet<>();
            double tolDeg = properties.countryToleranceKm() / 80.0;
            for (int i = 0; i < rows.size(); i++) {
                var env = rows.get(i).geometry().getEnvelopeInternal();
                if (env.getMinX() < BOX_MIN_LON - tolDeg || env.getMaxX() > BOX_MAX_LON + tolDeg
                        || env.getMinY() < BOX_MIN_LAT - tolDeg || env.getMaxY() > BOX_MAX_LAT + tolDeg) {
                    outside.add(i);
                    var c = rows.get(i).geometry().getInteriorPoint().getCoordinate();
                    if (c.y >= BOX_MIN_LON && c.y <= BOX_MAX_LON && c.x >= BOX_MIN_LAT && c.x <= BOX_MAX_LAT) {
                        swappedInside.add(i);
                    }
                }
            }
        }
        List<Rows.ImportRow> inside = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Rows.ImportRow r = rows.get(i);
            if (!outside.contains(i)) {
                inside.add(r);
                continue;
            }
            var c = r.geometry().getInteriorPoint().getCoordinate();
            String value = c.x + " " + c.y;
            String message = swappedInside.contains(i)
                    ? "lat and lon look swapped: (" + c.x + ", " + c.y + ") is outside Uzbekistan but (" + c.y + ", " + c.x + ") is inside"
                    : "outside Uzbekistan by more than " + properties.countryToleranceKm() + " km"
                            + (regions ? "" : " (no region polygons loaded: checked against the box lon 55.9–73.2, lat 37.1–45.6)");
            for (int row : r.rows()) {
                errors.add(new RowError(row, "geometry", value, message, "POINT(" + c.x + " " + c.y + ")"));
            }
        }
        return inside;
    }

    /** Whether a vertex of {@code g} lies inside or on the regions' union (then {@code g} intersects it). */
    private static boolean touchesRegions(org.locationtech.jts.geom.Geometry g, IndexedPointInAreaLocator inRegions) {
        if (g instanceof Point p) {
            return inRegions.locate(p.getCoordinate()) != Location.EXTERIOR;
        }
        for (var c : g.getCoordinates()) {
            if (inRegions.locate(c) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    /** The regions' union for point-in-area tests, or null when it cannot be read (every feature then asks PostGIS). */
    private IndexedPointInAreaLocator regionsOutline() {
        try {
            Optional<byte[]> wkb = repository.regionsOutlineWkb();
            return wkb.isEmpty() ? null : new IndexedPointInAreaLocator(new WKBReader().read(wkb.get()));
        } catch (ParseException e) {
            return null;
        }
    }

    /** Codes that must exist (settlement regions/districts) and boundary matching for regions and districts. */
    private List<Rows.ImportRow> databaseChecks(Layer layer, List<Rows.ImportRow> rows, List<RowError> errors,
            Map<Integer, String> boundaryCodes) {
        if (layer == Layer.SETTLEMENTS) {
            Set<String> regions = repository.regionCodes();
            Set<String> districts = repository.districtCodes();
            List<Rows.ImportRow> ok = new ArrayList<>();
            for (Rows.ImportRow r : rows) {
                Rows.Settlement s = (Rows.Settlement) r;
                if (s.regionCode() != null && !regions.contains(s.regionCode())) {
                    errors.add(RowError.of(s.rows().get(0), "region_code", s.regionCode(), "unknown region code"));
                } else if (s.districtCode() != null && !districts.contains(s.districtCode())) {
                    errors.add(RowError.of(s.rows().get(0), "district_code", s.districtCode(), "unknown district code"));
                } else if (s.regionCode() == null && regions.isEmpty()) {
                    errors.add(RowError.of(s.rows().get(0), "region_code", null, "is required while no regions are loaded"));
                } else {
                    ok.add(r);
                }
            }
            return ok;
        }
        if (layer == Layer.REGIONS || layer == Layer.DISTRICTS) {
            var candidates = repository.boundaryNames(layer);
            Set<String> codes = new HashSet<>();
            candidates.forEach(c -> codes.add(c.code()));
            Set<String> regionCodes = layer == Layer.DISTRICTS ? repository.regionCodes() : codes;
            Map<String, Integer> matchedBy = new HashMap<>();
            List<Rows.ImportRow> ok = new ArrayList<>();
            for (Rows.ImportRow r : rows) {
                Rows.Boundary b = (Rows.Boundary) r;
                int row = b.rows().get(0);
                String code = b.code() != null && codes.contains(b.code()) ? b.code()
                        : BoundaryNames.match(b.names(), candidates).orElse(null);
                if (layer == Layer.REGIONS && code == null) {
                    errors.add(RowError.of(row, "name", b.displayName(), "no region matches this code or name (in uz-Latn, uz-Cyrl, ru or en)"));
                    continue;
                }
                if (b.parentCode() != null && !regionCodes.contains(b.parentCode())) {
                    errors.add(RowError.of(row, "region_code", b.parentCode(), "unknown region code"));
                    continue;
                }
                if (code != null) {
                    Integer first = matchedBy.putIfAbsent(code, row);
                    if (first != null) {
                        errors.add(RowError.of(row, "name", b.displayName(), "matches " + code + " like feature " + first));
                        continue;
                    }
                    boundaryCodes.put(row, code);
                }
                ok.add(r);
            }
            return ok;
        }
        return rows;
    }

}
