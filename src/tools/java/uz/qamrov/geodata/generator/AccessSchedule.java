package uz.qamrov.geodata.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * In which order the settlements' access networks (distribution cables and access nodes) are built, so that the
 * households with fixed broadband possible follow an assumed curve over cumulative fiber length (labelled
 * assumption, geodata/README.md "Calibration").
 *
 * <p>Each settlement's access network is one {@link Group}: its own cables (the tree cable that reaches it and its
 * local cables) and nodes, with the settlements any of them reaches within the engine's drop distance
 * ({@link #DROP_M}, the service default). Building a group makes all those settlements "fixed broadband possible",
 * so a village whose tree cable ends at a town covers the town as well: the schedule counts what is really reached,
 * not what a group "owns".
 *
 * <p>The order is a simple tracking rule: while the households covered are below the target share at the current
 * cumulative length, the next group is the unbuilt one with the most households within reach that does not
 * overshoot the target by more than {@link #OVERSHOOT}; otherwise the unbuilt one with the fewest (remote villages:
 * much cable, few households). Deterministic: ties are broken by the group's index.
 */
final class AccessSchedule {

    /** Fixed broadband is possible within this distance of an access cable or node (engine/service default). */
    static final double DROP_M = 1_000;
    /** How far above the target share one group may take the curve (share of all households). */
    static final double OVERSHOOT = 0.005;

    /** One settlement's access network: its length (km) and the settlements it reaches (indices). */
    record Group(double km, int[] reach) {
    }

    private AccessSchedule() {
    }

    /**
     * The build order of {@code groups} (indices into it).
     *
     * @param households households per settlement (index as in {@link Group#reach})
     * @param startKm    fiber km built before the first group (backbone and regional links)
     * @param curveKm    cumulative fiber km of the target curve's points, ascending (the first is {@code startKm})
     * @param curveShare target share (0..1) of all households at those points; linear in between, flat after
     */
    static int[] order(List<Group> groups, long[] households, double startKm, double[] curveKm, double[] curveShare) {
        int n = groups.size();
        long total = Arrays.stream(households).sum();
        long[] yield = new long[n];
        for (int i = 0; i < n; i++) {
            for (int k : groups.get(i).reach()) {
                yield[i] += households[k];
            }
        }
        Integer[] desc = new Integer[n];
        for (int i = 0; i < n; i++) {
            desc[i] = i;
        }
        Arrays.sort(desc, Comparator.comparingLong((Integer i) -> -yield[i]).thenComparingInt(i -> i));
        Integer[] asc = desc.clone();
        Arrays.sort(asc, Comparator.comparingLong((Integer i) -> yield[i]).thenComparingInt(i -> i));
        boolean[] built = new boolean[n];
        BitSet covered = new BitSet(households.length);
        long coveredHh = 0;
        double cum = startKm;
        int[] out = new int[n];
        int ascAt = 0;
        for (int step = 0; step < n; step++) {
            double gap = target(cum, curveKm, curveShare) * total - coveredHh;
            int pick = -1;
            if (gap > 0) {
                int firstFree = -1;
                for (Integer i : desc) {
                    if (built[i]) {
                        continue;
                    }
                    if (firstFree < 0) {
                        firstFree = i;
                    }
                    if (newHouseholds(groups.get(i), households, covered) <= gap + OVERSHOOT * total) {
                        pick = i;
                        break;
                    }
                }
                if (pick < 0) {
                    pick = firstFree;
                }
            } else {
                while (built[asc[ascAt]]) {
                    ascAt++;
                }
                pick = asc[ascAt];
            }
            built[pick] = true;
            out[step] = pick;
            cum += groups.get(pick).km();
            for (int k : groups.get(pick).reach()) {
                if (!covered.get(k)) {
                    covered.set(k);
                    coveredHh += households[k];
                }
            }
        }
        return out;
    }

    private static long newHouseholds(Group g, long[] households, BitSet covered) {
        long h = 0;
        for (int k : g.reach()) {
            h += covered.get(k) ? 0 : households[k];
        }
        return h;
    }

    /** The target share at cumulative length {@code km}: piecewise linear through the points, flat outside. */
    static double target(double km, double[] curveKm, double[] curveShare) {
        if (km <= curveKm[0]) {
            return curveShare[0];
        }
        for (int i = 1; i < curveKm.length; i++) {
            if (km <= curveKm[i]) {
                double f = (km - curveKm[i - 1]) / (curveKm[i] - curveKm[i - 1]);
                return curveShare[i - 1] + f * (curveShare[i] - curveShare[i - 1]);
            }
        }
        return curveShare[curveShare.length - 1];
    }

    /** Settlement points (lon, lat) within {@link #DROP_M} of features, by a local equirectangular metric. */
    static final class Reach {
        private final STRtree tree = new STRtree();
        private final double[][] points;

        Reach(double[][] lonLat) {
            this.points = lonLat;
            for (int i = 0; i < lonLat.length; i++) {
                tree.insert(new Envelope(lonLat[i][0], lonLat[i][0], lonLat[i][1], lonLat[i][1]), i);
            }
            tree.build();
        }

        /** Settlements within the drop distance of a polyline (or of a point: one coordinate). */
        int[] of(Coordinate[] line) {
            Envelope e = new Envelope();
            for (Coordinate c : line) {
                e.expandToInclude(c);
            }
            double dLat = DROP_M / 110_950.0 * 1.01;
            double dLon = DROP_M / (111_320.0 * Math.cos(Math.toRadians(Math.max(Math.abs(e.getMinY()),
                    Math.abs(e.getMaxY()))))) * 1.01;
            e.expandBy(dLon, dLat);
            List<Integer> hits = new ArrayList<>();
            for (Object o : tree.query(e)) {
                int k = (Integer) o;
                if (distanceM(points[k][0], points[k][1], line) <= DROP_M) {
                    hits.add(k);
                }
            }
            return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        static double distanceM(double lon, double lat, Coordinate[] line) {
            double kx = 111_320.0 * Math.cos(Math.toRadians(lat));
            double ky = 110_950.0;
            double best = Double.MAX_VALUE;
            double ax = (line[0].x - lon) * kx;
            double ay = (line[0].y - lat) * ky;
            if (line.length == 1) {
                return Math.hypot(ax, ay);
            }
            for (int i = 1; i < line.length; i++) {
                double bx = (line[i].x - lon) * kx;
                double by = (line[i].y - lat) * ky;
                double dx = bx - ax;
                double dy = by - ay;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
                ax = bx;
                ay = by;
            }
            return best;
        }
    }
}
