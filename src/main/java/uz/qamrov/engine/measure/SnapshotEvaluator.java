package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import uz.qamrov.engine.measure.CellTable.SiteRec;
import uz.qamrov.engine.measure.IndicatorAccumulator.Measure;
import uz.qamrov.engine.measure.LineEdgeTable.LineRec;
import uz.qamrov.engine.measure.SettlementTable.SettlementRec;
import uz.qamrov.engine.model.Service;

/**
 * One evaluation (date + filter) of the precomputed model: which services cover each settlement and by which
 * operators, the line stretches, and the indicators. Reads the tables only; the caller holds the model's read lock.
 */
final class SnapshotEvaluator {

    private static final Service[] SERVICES = Service.values();
    private static final Service[] MOBILE = Service.mobile();

    private final CoverageModel.Parts m;
    private final ActiveCells active;
    private final int n;
    /** Per settlement × service ({@link #at}): covered, and the operators that cover it alone. */
    private final boolean[] covered;
    private final long[] operators;
    /** Fixed broadband on the date under the filter (no cell in it: the fibre's memo keeps it across site uploads). */
    private FixedBroadband fixed;
    /**
     * Per mobile service (by {@link #MOBILE} index): every operator that has a cell on air providing it. A settlement
     * whose operators reach these for every mobile service can learn nothing more from its other cells.
     */
    private final long[] allOperators = new long[MOBILE.length];

    SnapshotEvaluator(CoverageModel.Parts parts, ActiveCells active) {
        this.m = parts;
        this.active = active;
        this.n = parts.settlements().size();
        this.covered = new boolean[n * SERVICES.length];
        this.operators = new long[n * SERVICES.length];
        for (int slot = 0; slot < active.tech.length; slot++) {
            for (int k = 0; k < MOBILE.length; k++) {
                if (active.tech[slot] >= ActiveCells.minTech(MOBILE[k])) {
                    allOperators[k] |= 1L << active.op[slot];
                }
            }
        }
    }

    private static int at(int settlement, Service s) {
        return settlement * SERVICES.length + s.ordinal();
    }

    CoverageSnapshot snapshot() {
        fixed = m.fiber().fixedBroadband(active);
        IntStream.range(0, n).parallel().forEach(this::evalSettlement);
        List<SettlementCoverage> sc = new ArrayList<>(n * SERVICES.length);
        for (int i = 0; i < n; i++) {
            for (Service s : SERVICES) {
                sc.add(new SettlementCoverage(m.settlements().get(i).s.id(), s, covered[at(i, s)],
                        m.operators().names(operators[at(i, s)])));
            }
        }
        double[] edgeHsmKm = new double[m.edges().edgeCount];
        List<LineStretch> stretches = stretches(edgeHsmKm);
        return new CoverageSnapshot(active.asOf, active.filter, sc, stretches, indicators(edgeHsmKm));
    }

    /** Only the road and rail stretches (no settlement or indicator work). */
    List<LineStretch> stretchesOnly() {
        return stretches(new double[m.edges().edgeCount]);
    }

    /** The stretches of every line; fills {@code edgeHsmKm} (high-speed-mobile km per edge) on the way. */
    private List<LineStretch> stretches(double[] edgeHsmKm) {
        LineEdgeTable edges = m.edges();
        StretchBuilder sb = new StretchBuilder(edges, m.scopes(), m.geometryFactory());
        @SuppressWarnings("unchecked")
        List<LineStretch>[] perLine = new List[edges.lines.length];
        IntStream.range(0, perLine.length).parallel().forEach(li -> perLine[li] = sb.stretches(li, active, edgeHsmKm));
        List<LineStretch> stretches = new ArrayList<>();
        for (List<LineStretch> l : perLine) {
            stretches.addAll(l);
        }
        return stretches;
    }

    Indicators indicatorsOnly() {
        fixed = m.fiber().fixedBroadband(active);
        IntStream.range(0, n).parallel().forEach(this::evalSettlement);
        LineEdgeTable edges = m.edges();
        double[] edgeHsmKm = new double[edges.edgeCount];
        int hsm = ActiveCells.minTech(Service.HIGH_SPEED_MOBILE);
        IntStream.range(0, edges.edgeCount).parallel().forEach(e -> edgeHsmKm[e] =
                IntervalMerger.mergedLength(edges.cells[e], edges.whole[e], edges.t[e], active.tech, hsm) * edges.lenKm[e]);
        return indicators(edgeHsmKm);
    }

    private void evalSettlement(int i) {
        SettlementRec r = m.settlements().get(i);
        if (!r.areaRule()) {
            byte[] tech = active.tech;
            for (int slot : r.cells) {
                int t = tech[slot];
                if (t == ActiveCells.INACTIVE) {
                    continue;
                }
                long bit = 1L << active.op[slot];
                boolean all = true;
                for (int k = 0; k < MOBILE.length; k++) {
                    int at = at(i, MOBILE[k]);
                    if (t >= ActiveCells.minTech(MOBILE[k])) {
                        covered[at] = true;
                        operators[at] |= bit;
                    }
                    all &= operators[at] == allOperators[k];
                }
                if (all) { // in a city most of its ~200 cells would only repeat what is known
                    break;
                }
            }
        } else {
            double need = m.settlementAreaCoveredRatio() * r.sampleLon.length - 1e-9;
            for (Service s : MOBILE) {
                long[] all = new long[r.words];
                long present = 0;
                for (int k = 0; k < r.cells.length; k++) {
                    if (active.provides(r.cells[k], s)) {
                        or(all, r.bits[k]);
                        present |= 1L << active.op[r.cells[k]];
                    }
                }
                covered[at(i, s)] = popcount(all) >= need;
                long opMask = 0;
                for (long p = present; p != 0; p &= p - 1) {
                    int op = Long.numberOfTrailingZeros(p);
                    long[] mine = new long[r.words];
                    for (int k = 0; k < r.cells.length; k++) {
                        if (active.provides(r.cells[k], s) && active.op[r.cells[k]] == op) {
                            or(mine, r.bits[k]);
                        }
                    }
                    if (popcount(mine) >= need) {
                        opMask |= 1L << op;
                    }
                }
                operators[at(i, s)] = opMask;
            }
        }
        int fb = at(i, Service.FIXED_BROADBAND);
        covered[fb] = fixed.covered(i);
        operators[fb] = fixed.operators(i);
    }

    private Indicators indicators(double[] edgeHsmKm) {
        IndicatorAccumulator acc = new IndicatorAccumulator(m.scopes());
        for (int i = 0; i < n; i++) {
            int settlement = i;
            acc.settlement(m.settlements().get(i), s -> covered[at(settlement, s)]);
        }
        LineEdgeTable edges = m.edges();
        for (int e = 0; e < edges.edgeCount; e++) {
            LineRec lr = edges.lines[edges.edgeLine[e]];
            acc.edge(lr, edges.region[e], edges.district[e], edges.lenKm[e], edgeHsmKm[e]);
        }
        Set<Long> sitesWithTech = null;
        if (active.filter.technology() != null) {
            sitesWithTech = new HashSet<>();
            for (int slot = 0; slot < active.tech.length; slot++) {
                if (active.tech[slot] != ActiveCells.INACTIVE) {
                    sitesWithTech.add(m.cells().cells.at(slot).cell.siteId());
                }
            }
        }
        for (SiteRec s : m.cells().sites()) {
            if (active.active(s.from(), s.to()) && active.operatorOk(s.op())
                    && (sitesWithTech == null || sitesWithTech.contains(s.site().id()))) {
                acc.add(Measure.SITES, 1, s.region(), s.district());
            }
        }
        for (int scope = 0; scope < m.scopes().size(); scope++) {
            acc.addTo(Measure.FIBER_KM, scope, fixed.fiberKm(scope));
            acc.addTo(Measure.PORTS, scope, fixed.ports(scope));
        }
        return acc.indicators();
    }

    private static void or(long[] into, long[] bits) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= bits[w];
        }
    }

    private static int popcount(long[] bits) {
        int c = 0;
        for (long b : bits) {
            c += Long.bitCount(b);
        }
        return c;
    }
}
