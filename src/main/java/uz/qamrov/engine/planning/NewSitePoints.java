package uz.qamrov.engine.planning;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.model.Settlement;

/**
 * Where a new site may go, one rule per kind, in this order (points within ~100 m of an earlier one are merged into
 * it, so each place is one candidate, counted under the first kind):
 * <ol>
 * <li>{@value #SETTLEMENT}: the centre of every settlement in scope, those without mobile internet first;</li>
 * <li>{@code highway} / {@code railway}: at most {@code lineSiteSpacingKm} apart along the uncovered stretches of the
 * goal roads and rail (the middle of each of ⌈length / spacing⌉ equal pieces);</li>
 * <li>{@value #COARSE_GRID}: the population-weighted centre of the settlements without mobile internet of each
 * {@code gridKm} cell holding at least two of them;</li>
 * <li>{@value #POPULATED_GRID}: the nodes of a {@code populatedGridKm} lattice within {@code populatedRadiusKm} of a
 * settlement (populated land; off when the spacing is 0). The lattice is global — rows every spacing of latitude,
 * nodes along a row every spacing of longitude at that row's latitude — so two settlements near each other share
 * nodes instead of stacking them.</li>
 * </ol>
 */
final class NewSitePoints {

    static final String SETTLEMENT = "settlement";
    static final String COARSE_GRID = "grid";
    static final String POPULATED_GRID = "populated-grid";

    private static final double KM_PER_DEG_LAT = 111.2;

    /** A place for a new site and the rule that proposed it. */
    record Point(String kind, double lon, double lat) {
    }

    private NewSitePoints() {
    }

    static Collection<Point> collect(DemandCollector.DemandSet ds, List<Settlement> settlements, CandidateOptions o) {
        Map<String, Point> points = new LinkedHashMap<>();
        for (int i : ds.mobileIdx()) {
            Demand d = ds.demands().get(i);
            add(points, SETTLEMENT, d.lon(), d.lat());
        }
        for (Settlement s : settlements) {
            if (o.inScope(s.regionCode())) {
                add(points, SETTLEMENT, s.lon(), s.lat());
            }
        }
        for (LineStretch st : ds.openStretches()) {
            for (LinePieces.Piece p : LinePieces.cut(st.geometry(), o.lineSiteSpacingKm() * 1000)) {
                add(points, st.lineKind().key(), p.midLon(), p.midLat());
            }
        }
        coarseGrid(points, ds, o.gridKm());
        if (o.populatedGridKm() > 0) {
            populatedGrid(points, settlements, o);
        }
        return points.values();
    }

    private static void coarseGrid(Map<String, Point> points, DemandCollector.DemandSet ds, double gridKm) {
        Map<String, double[]> grid = new LinkedHashMap<>();
        double cellLat = gridKm / 111.0;
        for (int i : ds.mobileIdx()) {
            Demand d = ds.demands().get(i);
            double cellLon = gridKm / (111.0 * Math.cos(Math.toRadians(d.lat())));
            String key = Math.floor(d.lon() / cellLon) + ":" + Math.floor(d.lat() / cellLat);
            double w = Math.max(1, d.amount(Goal.POPULATION_MOBILE_INTERNET));
            double[] acc = grid.computeIfAbsent(key, k -> new double[4]);
            acc[0] += d.lon() * w;
            acc[1] += d.lat() * w;
            acc[2] += w;
            acc[3]++;
        }
        grid.values().stream().filter(a -> a[3] >= 2).forEach(a -> add(points, COARSE_GRID, a[0] / a[2], a[1] / a[2]));
    }

    private static void populatedGrid(Map<String, Point> points, List<Settlement> settlements, CandidateOptions o) {
        double spacingKm = o.populatedGridKm();
        double radiusKm = o.populatedRadiusKm();
        double rowDeg = spacingKm / KM_PER_DEG_LAT;
        Set<Long> seen = new HashSet<>();
        for (Settlement s : settlements) {
            if (!o.inScope(s.regionCode())) {
                continue;
            }
            long row0 = (long) Math.floor((s.lat() - radiusKm / KM_PER_DEG_LAT) / rowDeg);
            long row1 = (long) Math.ceil((s.lat() + radiusKm / KM_PER_DEG_LAT) / rowDeg);
            for (long row = row0; row <= row1; row++) {
                double lat = row * rowDeg;
                double kmPerDegLon = KM_PER_DEG_LAT * Math.cos(Math.toRadians(lat));
                double colDeg = spacingKm / kmPerDegLon;
                double dyKm = (lat - s.lat()) * KM_PER_DEG_LAT;
                if (Math.abs(dyKm) > radiusKm) {
                    continue;
                }
                double halfKm = Math.sqrt(radiusKm * radiusKm - dyKm * dyKm);
                long col0 = (long) Math.ceil((s.lon() - halfKm / kmPerDegLon) / colDeg);
                long col1 = (long) Math.floor((s.lon() + halfKm / kmPerDegLon) / colDeg);
                for (long col = col0; col <= col1; col++) {
                    if (seen.add(row * 10_000_000L + col)) {
                        add(points, POPULATED_GRID, col * colDeg, lat);
                    }
                }
            }
        }
    }

    private static void add(Map<String, Point> points, String kind, double lon, double lat) {
        // ~100 m: a settlement centre and a road point that fall together are one candidate (the first kind wins)
        points.putIfAbsent(key(lon, lat), new Point(kind, lon, lat));
    }

    /** Points with the same key (~100 m) are one place. */
    static String key(double lon, double lat) {
        return Math.round(lon * 1000) + ":" + Math.round(lat * 1000);
    }
}
