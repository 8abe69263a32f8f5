package uz.qamrov.planner.hexagon;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums settlements into the H3 cells of one resolution: each settlement's whole population counts in the cell of its
 * point (as the gap lists, which judge a settlement as one place), never split over the cells its boundary crosses.
 * Not thread-safe: one binner per request. The {@link H3Core} it is given is.
 */
final class HexagonBinner {

    /** The signal classes of the gap lists, best first (the database's {@code signal_class} keys). */
    enum SignalClass {
        GOOD("good"), FAIR("fair"), BELOW_THRESHOLD("below_threshold");

        final String key;

        SignalClass(String key) {
            this.key = key;
        }

        static SignalClass parse(String key) {
            if (key == null) {
                return null;
            }
            for (SignalClass c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown signal class " + key);
        }
    }

    private final H3Core h3;
    private final int resolution;
    private final Map<Long, Sums> cells = new LinkedHashMap<>();

    HexagonBinner(H3Core h3, int resolution) {
        this.h3 = h3;
        this.resolution = resolution;
    }

    /** Counts one settlement (WGS84 lon/lat of its point) with its coverage for the service and its signal class. */
    void add(double lon, double lat, long population, boolean covered, String signalClass) {
        Sums s = cells.computeIfAbsent(h3.latLngToCell(lat, lon, resolution), k -> new Sums());
        s.settlements++;
        s.population += population;
        if (covered) {
            s.settlementsCovered++;
            s.populationCovered += population;
        }
        SignalClass c = SignalClass.parse(signalClass);
        if (c != null) {
            s.populationByClass.merge(c, population, Long::sum);
            s.settlementsByClass.merge(c, 1L, Long::sum);
        }
    }

    /** The cells that hold at least one settlement, most populous first (then by H3 index, for a stable order). */
    List<Hexagon> hexagons() {
        List<Hexagon> out = new ArrayList<>(cells.size());
        cells.forEach((cell, s) -> out.add(new Hexagon(h3.h3ToString(cell), resolution, s.population, s.populationCovered,
                s.settlements, s.settlementsCovered, prevailing(s), classPopulation(s), boundary(cell))));
        out.sort(Comparator.comparingLong(Hexagon::population).reversed().thenComparing(Hexagon::h3));
        return out;
    }

    /**
     * The class that holds the most people of the cell; with equal people the one of more settlements; a tie beyond
     * that goes to the worse class (a map for a regulator should not overstate quality). Null when no settlement has a
     * class (fixed broadband, runs from before signal classes).
     */
    static String prevailing(Sums s) {
        SignalClass best = null;
        for (SignalClass c : SignalClass.values()) {
            if (!s.populationByClass.containsKey(c)) {
                continue;
            }
            // classes run best → worst, so ">=" hands a full tie to the worse one
            if (best == null || compare(s, c, best) >= 0) {
                best = c;
            }
        }
        return best == null ? null : best.key;
    }

    private static int compare(Sums s, SignalClass a, SignalClass b) {
        int byPeople = Long.compare(s.populationByClass.get(a), s.populationByClass.get(b));
        return byPeople != 0 ? byPeople : Long.compare(s.settlementsByClass.get(a), s.settlementsByClass.get(b));
    }

    private static Map<String, Long> classPopulation(Sums s) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SignalClass c : SignalClass.values()) {
            out.put(c.key, s.populationByClass.getOrDefault(c, 0L));
        }
        return out;
    }

    /**
     * The cell's outline as a closed GeoJSON ring of [lon, lat], counter-clockwise as RFC 7946 asks of an exterior ring
     * (checked by the shoelace sign rather than trusted: cells far from the equator are small enough for planar
     * orientation to be exact).
     */
    private double[][] boundary(long cell) {
        List<LatLng> vertices = h3.cellToBoundary(cell);
        int n = vertices.size();
        double[][] ring = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            ring[i] = new double[] {vertices.get(i).lng, vertices.get(i).lat};
        }
        ring[n] = ring[0];
        double twiceArea = 0;
        for (int i = 0; i < n; i++) {
            twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        }
        if (twiceArea < 0) {
            for (int i = 0, j = n; i < j; i++, j--) {
                double[] t = ring[i];
                ring[i] = ring[j];
                ring[j] = t;
            }
        }
        return ring;
    }

    /** Running sums of one cell. */
    static final class Sums {
        long population;
        long populationCovered;
        long settlements;
        long settlementsCovered;
        final Map<SignalClass, Long> populationByClass = new EnumMap<>(SignalClass.class);
        final Map<SignalClass, Long> settlementsByClass = new EnumMap<>(SignalClass.class);
    }
}
