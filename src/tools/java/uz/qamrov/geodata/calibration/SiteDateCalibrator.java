package uz.qamrov.geodata.calibration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;

/**
 * Re-dates synthetic sites so that the engine's history follows the published figures, without changing a single
 * count: dates are only swapped between two sites of the same radio generation (no 4G site before 2014, no 5G site
 * before 2021, as generated), so the active-site totals at every date stay exactly as generated.
 *
 * <p>Which site coverage reaches what comes from the engine itself ({@link CoverageModel#footprintOf}), so a new
 * radio model changes the answer and a re-run re-tunes. The steps, each choosing the most remote places first
 * (far from a real town, high in the mountains):
 * <ol>
 * <li>today's residue: settlements whose every mobile-internet site is moved to the planned sites (2027–2028);</li>
 * <li>international highways at end-2023: 4G sites reaching the most remote stretches move to 2024 or later;</li>
 * <li>remote international and state stretches stay without 4G today (their 4G sites become planned);</li>
 * <li>settlements with mobile internet at end-2016: sites reaching remote villages move to 2017–2023.</li>
 * </ol>
 * Deterministic: every order is by a score with the index as tie-break.
 */
final class SiteDateCalibrator {

    private final LocalDate[] date;
    private final boolean[] decommissioned;
    private final int[] generation;
    private final int[][] siteSettlements; // settlements each site reaches with 3G+
    private final int[][] settlementSites;
    private final int[][] site4gPoints;    // highway sample points each site reaches with 4G+
    private final int[][] point4gSites;
    private final double[] pointKm;
    private final boolean[] pointInternational;
    private final double[] pointRemoteness;
    private final double[] settlementRemoteness;
    private final BitSet touched = new BitSet();

    SiteDateCalibrator(GeodataInputs in, CoverageModel model, double[] settlementRemoteness,
            java.util.function.ToDoubleBiFunction<Double, Double> remotenessAt) {
        int n = in.sites().size();
        date = new LocalDate[n];
        decommissioned = new boolean[n];
        generation = new int[n];
        for (int i = 0; i < n; i++) {
            date[i] = in.sites().get(i).validity().from();
            decommissioned[i] = in.sites().get(i).validity().to() != null;
        }
        this.settlementRemoteness = settlementRemoteness;
        List<Settlement> st = in.settlements();
        STRtree tree = new STRtree();
        for (int i = 0; i < st.size(); i++) {
            tree.insert(new Envelope(st.get(i).lon(), st.get(i).lon(), st.get(i).lat(), st.get(i).lat()), i);
        }
        // highway sample points every ~250 m with the length they stand for
        List<double[]> pts = new ArrayList<>();
        for (TransportLine l : in.lines()) {
            if (l.kind() != LineKind.HIGHWAY || !(l.lineClass().equals("international") || l.lineClass().equals("state"))) {
                continue;
            }
            Coordinate[] cs = l.geometry().getCoordinates();
            for (int k = 1; k < cs.length; k++) {
                double km = approxKm(cs[k - 1], cs[k]);
                int parts = Math.max(1, (int) Math.ceil(km / 0.25));
                for (int p = 0; p < parts; p++) {
                    double f = (p + 0.5) / parts;
                    pts.add(new double[] {cs[k - 1].x + f * (cs[k].x - cs[k - 1].x), cs[k - 1].y + f * (cs[k].y - cs[k - 1].y),
                        km / parts, l.lineClass().equals("international") ? 1 : 0});
                }
            }
        }
        STRtree ptTree = new STRtree();
        pointKm = new double[pts.size()];
        pointInternational = new boolean[pts.size()];
        pointRemoteness = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            ptTree.insert(new Envelope(p[0], p[0], p[1], p[1]), i);
            pointKm[i] = p[2];
            pointInternational[i] = p[3] == 1;
            pointRemoteness[i] = remotenessAt.applyAsDouble(p[0], p[1]);
        }
        List<BitSet> sSet = new ArrayList<>();
        List<BitSet> pSet = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sSet.add(new BitSet());
            pSet.add(new BitSet());
        }
        for (Cell c : in.cells()) {
            int s = (int) c.siteId() - 1;
            generation[s] = Math.max(generation[s], c.technology().ordinal());
            if (!c.technology().atLeast(Technology.G3)) {
                continue;
            }
            Footprint fp = model.footprintOf(c.id());
            for (Object o : tree.query(fp.envelope())) {
                int k = (Integer) o;
                if (fp.contains(st.get(k).lon(), st.get(k).lat())) {
                    sSet.get(s).set(k);
                }
            }
            if (c.technology().atLeast(Technology.G4)) {
                for (Object o : ptTree.query(fp.envelope())) {
                    int k = (Integer) o;
                    if (fp.contains(pts.get(k)[0], pts.get(k)[1])) {
                        pSet.get(s).set(k);
                    }
                }
            }
        }
        siteSettlements = sSet.stream().map(b -> b.stream().toArray()).toArray(int[][]::new);
        site4gPoints = pSet.stream().map(b -> b.stream().toArray()).toArray(int[][]::new);
        settlementSites = invert(siteSettlements, st.size());
        point4gSites = invert(site4gPoints, pts.size());
    }

    private static int[][] invert(int[][] lists, int size) {
        int[] count = new int[size];
        for (int[] l : lists) {
            for (int k : l) {
                count[k]++;
            }
        }
        int[][] out = new int[size][];
        for (int k = 0; k < size; k++) {
            out[k] = new int[count[k]];
        }
        int[] fill = new int[size];
        for (int s = 0; s < lists.length; s++) {
            for (int k : lists[s]) {
                out[k][fill[k]++] = s;
            }
        }
        return out;
    }

    private static double approxKm(Coordinate a, Coordinate b) {
        double dx = (b.x - a.x) * 111.32 * Math.cos(Math.toRadians((a.y + b.y) / 2));
        double dy = (b.y - a.y) * 110.57;
        return Math.hypot(dx, dy);
    }

    LocalDate[] dates() {
        return date;
    }

    boolean active(int s, LocalDate d) {
        return !decommissioned[s] && date[s] != null && !date[s].isAfter(d);
    }

    boolean settlementCovered(int k, LocalDate d) {
        for (int s : settlementSites[k]) {
            if (active(s, d)) {
                return true;
            }
        }
        return false;
    }

    boolean pointCovered(int p, LocalDate d) {
        for (int s : point4gSites[p]) {
            if (active(s, d)) {
                return true;
            }
        }
        return false;
    }

    int uncoveredSettlements(LocalDate d) {
        int u = 0;
        for (int k = 0; k < settlementSites.length; k++) {
            u += settlementCovered(k, d) ? 0 : 1;
        }
        return u;
    }

    /** Share (0..1) of the sampled length without 4G on {@code d}: international only, or international + state. */
    double uncoveredShare(LocalDate d, boolean internationalOnly) {
        double all = 0;
        double gap = 0;
        for (int p = 0; p < pointKm.length; p++) {
            if (internationalOnly && !pointInternational[p]) {
                continue;
            }
            all += pointKm[p];
            gap += pointCovered(p, d) ? 0 : pointKm[p];
        }
        return gap / all;
    }

    /**
     * Makes settlements lose mobile internet on {@code d}, most remote first, until {@code target} are uncovered:
     * every site reaching one and active on {@code d} swaps its date with a site of the same generation whose date
     * satisfies {@code partnerDate} and that has not been moved before.
     */
    void uncoverSettlements(LocalDate d, int target, int maxSites, Predicate<LocalDate> partnerDate) {
        Integer[] order = byRemoteness(settlementRemoteness);
        for (int k : order) {
            if (uncoveredSettlements(d) >= target) {
                return;
            }
            if (settlementCovered(k, d)) {
                int[] need = Arrays.stream(settlementSites[k]).filter(s -> active(s, d)).toArray();
                if (need.length <= maxSites) {
                    moveAll(need, partnerDate);
                }
            }
        }
    }

    /** Same for highway length without 4G on {@code d}. */
    void uncoverHighways(LocalDate d, double targetShare, boolean internationalOnly, int maxSites,
            Predicate<LocalDate> partnerDate) {
        Integer[] order = byRemoteness(pointRemoteness);
        int checked = 0;
        for (int p : order) {
            if (internationalOnly && !pointInternational[p]) {
                continue;
            }
            if (checked++ % 50 == 0 && uncoveredShare(d, internationalOnly) >= targetShare) {
                return;
            }
            if (pointCovered(p, d)) {
                int[] need = Arrays.stream(point4gSites[p]).filter(s -> active(s, d)).toArray();
                if (need.length <= maxSites) {
                    moveAll(need, partnerDate);
                }
            }
        }
    }

    private void moveAll(int[] sites, Predicate<LocalDate> partnerDate) {
        for (int s : sites) {
            int q = partner(s, partnerDate);
            if (q < 0) {
                return;
            }
            LocalDate t = date[s];
            date[s] = date[q];
            date[q] = t;
            touched.set(s);
            touched.set(q);
        }
    }

    private final int[] cursor = new int[Technology.values().length];

    private int partner(int s, Predicate<LocalDate> partnerDate) {
        // scan from a moving start so partners spread over the country (index order is by operator and placement)
        int n = date.length;
        int g = generation[s];
        for (int step = 0; step < n; step++) {
            int q = (cursor[g] + step * 7919) % n;
            if (q != s && !touched.get(q) && !decommissioned[q] && generation[q] == g && date[q] != null
                    && partnerDate.test(date[q])) {
                cursor[g] = (q + 1) % n;
                return q;
            }
        }
        return -1;
    }

    private static Integer[] byRemoteness(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        return order;
    }
}
