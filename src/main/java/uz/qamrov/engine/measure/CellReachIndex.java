package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Envelope;

import uz.qamrov.engine.measure.CellTable.CellRec;
import uz.qamrov.engine.measure.FootprintHitFinder.Hits;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.InvalidInputException;

/**
 * The reach index of cells: cell → settlements and cell → edge intervals (kept on the cell), and the reverse lists
 * on the settlements and edges. Adding cells is two-phase so that a change is atomic: {@link #prepare} validates and
 * does all the geometry without touching the model (it may throw); {@link #commit} only links (it does not throw).
 */
final class CellReachIndex {

    /** Cells validated and measured, not yet in the model. */
    record Prepared(CellRec[] recs, Hits[] hits) {
    }

    private record Location(double lon, double lat) {
    }

    private final CellTable table;
    private final CellFootprints footprints;
    private final SettlementTable settlements;
    private final LineEdgeTable edges;
    private final FootprintHitFinder hitFinder;
    private final OperatorRegistry operators;
    /**
     * Another model's footprints and hits, while this model is built, when its layout is this model's (then a
     * footprint taken from it reaches what it reached there); null otherwise and after the build.
     */
    private volatile ReusableFootprints hitsOffered;
    private final java.util.concurrent.atomic.AtomicLong hitsReused = new java.util.concurrent.atomic.AtomicLong();

    CellReachIndex(CellTable table, CellFootprints footprints, SettlementTable settlements, LineEdgeTable edges,
            OperatorRegistry operators, ReusableFootprints offered, ReachLayout layout) {
        this.table = table;
        this.footprints = footprints;
        this.settlements = settlements;
        this.edges = edges;
        this.hitFinder = new FootprintHitFinder(settlements, edges);
        this.operators = operators;
        this.hitsOffered = offered != null && offered.sameLayoutAs(layout) ? offered : null;
    }

    /** Ends the taking of another model's hits (at the end of the model's build). */
    void doneReusing() {
        hitsOffered = null;
    }

    /** How many cells took another model's hits. */
    long hitsReused() {
        return hitsReused.get();
    }

    /**
     * Validates {@code add} against the current cells minus {@code removedIds} (no null, no duplicate id) and computes
     * footprints and hits. Cells that never count ({@code Validity.NEVER}) are skipped. Changes nothing.
     *
     * @throws InvalidInputException on a null or duplicate cell, or a footprint model that gives no footprint
     */
    Prepared prepare(Collection<Cell> add, Collection<Long> removedIds) {
        List<Cell> list = table.cells.validate(add, removedIds, Cell::id, c -> c.validity().isNever(), "cell", "cellId");
        CellRec[] recs = new CellRec[list.size()];
        Hits[] hits = new Hits[list.size()];
        // cells of one site share their location: one environment lookup and one pair of tree queries per site
        Map<Location, List<Integer>> bySite = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            bySite.computeIfAbsent(new Location(list.get(i).lon(), list.get(i).lat()), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(bySite.values());
        ReusableFootprints offered = hitsOffered;
        IntStream.range(0, groups.size()).parallel().forEach(g -> {
            List<Integer> group = groups.get(g);
            Envelope env = new Envelope();
            for (int i : group) {
                Cell cell = list.get(i);
                recs[i] = new CellRec(cell, footprints.replacing(cell, table.cells.get(cell.id())));
                hits[i] = offered == null ? null : offered.hitsFor(cell, recs[i].footprint);
                if (hits[i] == null) {
                    env.expandToInclude(recs[i].footprint.envelope());
                } else {
                    hitsReused.incrementAndGet();
                }
            }
            if (env.isNull()) {
                return; // every cell of the site took its hits
            }
            List<Integer> sCand = settlements.query(env);
            List<Integer> eCand = edges.query(env);
            for (int i : group) {
                if (hits[i] == null) {
                    hits[i] = hitFinder.hitsOf(recs[i].footprint, sCand, eCand);
                }
            }
        });
        return new Prepared(recs, hits);
    }

    /**
     * Puts prepared cells into slots and links them to what they reach. {@code bulk} (initial build) fills the
     * reverse lists by counting sort; otherwise it appends and records the touched settlements and edges.
     */
    void commit(Prepared p, boolean bulk, Set<Integer> touchedS, Set<Integer> touchedE) {
        commit(p, bulk, touchedS, touchedE, null);
    }

    /**
     * {@link #commit(Prepared, boolean, Set, Set)} after {@link #removeAll} of the same change ({@code removed}: what it
     * returned): the lists it compacted get the new cells in the same copy, the others are trimmed.
     */
    void commit(Prepared p, boolean bulk, Set<Integer> touchedS, Set<Integer> touchedE, Removed removed) {
        CellRec[] recs = p.recs();
        int[] slots = new int[recs.length];
        for (int i = 0; i < recs.length; i++) {
            recs[i].op = operators.acquire(recs[i].cell.operator());
            recs[i].settlements = p.hits()[i].settlements();
            recs[i].edges = p.hits()[i].edges();
            recs[i].settlementBits = p.hits()[i].bits();
            slots[i] = table.cells.slotCount();
            table.cells.add(recs[i]);
            table.columns.set(slots[i], recs[i]);
        }
        if (bulk) {
            settlements.bulkAttachCells(slots, p.hits());
            edges.bulkAttachCells(slots, p.hits());
            return;
        }
        // grouped by settlement and by edge, so that each gets one new array however many cells reach it (appending
        // cell by cell copied a town's list once per cell: about a gigabyte of garbage for a 1,000-site change); the
        // grouping is a counting sort into one array of (cell, hit) references, not maps of boxed lists (600,000
        // boxes for 1,000 sites, a young collection in every other incremental update)
        Hits[] hits = p.hits();
        Grouped bySettlement = Grouped.of(settlements.size(), hits, Hits::settlements);
        Grouped byEdge = Grouped.of(edges.edgeCount, hits, Hits::edges);
        // each settlement and edge is rewritten on its own: both cores (the model's write lock is held)
        int[] liveS = removed == null ? null : removed.settlementLive;
        int[] liveE = removed == null ? null : removed.edgeLive;
        IntStream.range(0, settlements.size()).parallel().forEach(si -> {
            int n = bySettlement.count(si);
            if (n == 0) {
                return;
            }
            int live = liveS != null && liveS[si] >= 0 ? liveS[si] : settlements.cellCount(si);
            if (liveS != null) {
                liveS[si] = -1;
            }
            int[] s = new int[n];
            long[][] bits = new long[n][];
            for (int j = 0; j < n; j++) {
                long r = bySettlement.at(si, j);
                s[j] = slots[(int) (r >>> 32)];
                bits[j] = hits[(int) (r >>> 32)].bits()[(int) r];
            }
            settlements.attachCells(si, live, s, bits);
        });
        IntStream.range(0, edges.edgeCount).parallel().forEach(e -> {
            int n = byEdge.count(e);
            if (n == 0) {
                return;
            }
            int live = liveE != null && liveE[e] >= 0 ? liveE[e] : edges.cells[e].length;
            if (liveE != null) {
                liveE[e] = -1;
            }
            int[] s = new int[n];
            double[][] ivs = new double[n][];
            for (int j = 0; j < n; j++) {
                long r = byEdge.at(e, j);
                s[j] = slots[(int) (r >>> 32)];
                ivs[j] = hits[(int) (r >>> 32)].intervals()[(int) r];
            }
            edges.attachCells(e, live, s, ivs);
        });
        if (removed != null) {
            removed.trimTheRest(settlements, edges);
        }
        bySettlement.addReachedTo(touchedS);
        byEdge.addReachedTo(touchedE);
    }

    /**
     * The (cell, hit) references of a prepared change grouped by what they reach (settlement or edge index), each
     * group in cell then hit order: a counting sort.
     */
    private record Grouped(int[] start, long[] refs) {

        static Grouped of(int targets, Hits[] hits, java.util.function.Function<Hits, int[]> reached) {
            int[] start = new int[targets + 1];
            for (Hits h : hits) {
                for (int t : reached.apply(h)) {
                    start[t + 1]++;
                }
            }
            for (int t = 0; t < targets; t++) {
                start[t + 1] += start[t];
            }
            long[] refs = new long[start[targets]];
            int[] next = java.util.Arrays.copyOf(start, targets);
            for (int i = 0; i < hits.length; i++) {
                int[] r = reached.apply(hits[i]);
                for (int k = 0; k < r.length; k++) {
                    refs[next[r[k]]++] = CellReachIndex.ref(i, k);
                }
            }
            return new Grouped(start, refs);
        }

        int count(int target) {
            return start[target + 1] - start[target];
        }

        long at(int target, int j) {
            return refs[start[target] + j];
        }

        void addReachedTo(Set<Integer> reached) {
            for (int t = 0; t + 1 < start.length; t++) {
                if (count(t) > 0) {
                    reached.add(t);
                }
            }
        }
    }

    /** Cell {@code i} of a prepared change and its {@code k}-th hit, in one long. */
    private static long ref(int i, int k) {
        return (long) i << 32 | k;
    }

    /**
     * The settlements and edges {@link #removeAll} compacted in place: their live lengths (−1 elsewhere, and once
     * {@link #commit} gave one its new array). Until the commit their lists are longer than that.
     */
    static final class Removed {
        private final int[] settlementLive;
        private final int[] edgeLive;
        private final int[] reachedS;
        private final int[] reachedE;

        private Removed(int settlements, int edges, Set<Integer> reachedS, Set<Integer> reachedE) {
            settlementLive = new int[settlements];
            edgeLive = new int[edges];
            java.util.Arrays.fill(settlementLive, -1);
            java.util.Arrays.fill(edgeLive, -1);
            this.reachedS = reachedS.stream().mapToInt(Integer::intValue).toArray();
            this.reachedE = reachedE.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Trims the compacted lists no added cell reached. */
        private void trimTheRest(SettlementTable settlements, LineEdgeTable edges) {
            java.util.Arrays.stream(reachedS).parallel().filter(si -> settlementLive[si] >= 0)
                    .forEach(si -> settlements.trim(si, settlementLive[si]));
            java.util.Arrays.stream(reachedE).parallel().filter(e -> edgeLive[e] >= 0)
                    .forEach(e -> edges.trim(e, edgeLive[e]));
        }
    }

    /**
     * Unlinks and removes cells; unknown ids are ignored. The settlements and edges they reached are compacted in
     * place: the change's {@link #commit} (which must follow, under the same write lock) gives each one new array.
     */
    Removed removeAll(Collection<Long> cellIds, Set<Integer> touchedS, Set<Integer> touchedE) {
        java.util.BitSet gone = new java.util.BitSet();
        Set<Integer> reachedS = new HashSet<>();
        Set<Integer> reachedE = new HashSet<>();
        for (long id : cellIds) {
            int slot = table.cells.slotOf(id);
            if (slot < 0) {
                continue;
            }
            CellRec rec = table.cells.remove(id);
            table.columns.clear(slot);
            gone.set(slot);
            for (int si : rec.settlements) {
                reachedS.add(si);
            }
            for (int e : rec.edges) {
                reachedE.add(e);
            }
            operators.release(rec.op);
        }
        Removed removed = new Removed(settlements.size(), edges.edgeCount, reachedS, reachedE);
        java.util.Arrays.stream(removed.reachedS).parallel()
                .forEach(si -> removed.settlementLive[si] = settlements.compactWithout(si, gone));
        java.util.Arrays.stream(removed.reachedE).parallel()
                .forEach(e -> removed.edgeLive[e] = edges.compactWithout(e, gone));
        touchedS.addAll(reachedS);
        touchedE.addAll(reachedE);
        return removed;
    }

    /** Users of each operator gained (+) or lost (-) if {@code removedIds} go and {@code p} comes. */
    Map<String, Integer> operatorDelta(Set<Long> removedIds, Prepared p) {
        Map<String, Integer> delta = new HashMap<>();
        for (long id : removedIds) {
            CellRec c = table.cells.get(id);
            if (c != null) {
                delta.merge(c.cell.operator(), -1, Integer::sum);
            }
        }
        for (CellRec c : p.recs()) {
            delta.merge(c.cell.operator(), 1, Integer::sum);
        }
        return delta;
    }

    /** Compacts the cell slots when mostly tombstones, renumbering the reverse lists. */
    void compactIfSparse() {
        int[] newSlot = table.cells.compactIfSparse();
        if (newSlot != null) {
            table.columns.rebuild(table.cells);
            settlements.remapCells(newSlot);
            edges.remapCells(newSlot);
        }
    }
}
