package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    CellReachIndex(CellTable table, CellFootprints footprints, SettlementTable settlements, LineEdgeTable edges,
            OperatorRegistry operators) {
        this.table = table;
        this.footprints = footprints;
        this.settlements = settlements;
        this.edges = edges;
        this.hitFinder = new FootprintHitFinder(settlements, edges);
        this.operators = operators;
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
        IntStream.range(0, groups.size()).parallel().forEach(g -> {
            List<Integer> group = groups.get(g);
            Envelope env = new Envelope();
            for (int i : group) {
                recs[i] = new CellRec(list.get(i), footprints.of(list.get(i)));
                env.expandToInclude(recs[i].footprint.envelope());
            }
            List<Integer> sCand = settlements.query(env);
            List<Integer> eCand = edges.query(env);
            for (int i : group) {
                hits[i] = hitFinder.hitsOf(recs[i].footprint, sCand, eCand);
            }
        });
        return new Prepared(recs, hits);
    }

    /**
     * Puts prepared cells into slots and links them to what they reach. {@code bulk} (initial build) fills the
     * reverse lists by counting sort; otherwise it appends and records the touched settlements and edges.
     */
    void commit(Prepared p, boolean bulk, Set<Integer> touchedS, Set<Integer> touchedE) {
        CellRec[] recs = p.recs();
        int[] slots = new int[recs.length];
        for (int i = 0; i < recs.length; i++) {
            recs[i].op = operators.acquire(recs[i].cell.operator());
            recs[i].settlements = p.hits()[i].settlements();
            recs[i].edges = p.hits()[i].edges();
            slots[i] = table.cells.slotCount();
            table.cells.add(recs[i]);
        }
        if (bulk) {
            settlements.bulkAttachCells(slots, p.hits());
            edges.bulkAttachCells(slots, p.hits());
            return;
        }
        for (int i = 0; i < recs.length; i++) {
            Hits h = p.hits()[i];
            for (int k = 0; k < h.settlements().length; k++) {
                settlements.attachCell(h.settlements()[k], slots[i], h.bits()[k]);
                touchedS.add(h.settlements()[k]);
            }
            for (int k = 0; k < h.edges().length; k++) {
                edges.attachCell(h.edges()[k], slots[i], h.intervals()[k]);
                touchedE.add(h.edges()[k]);
            }
        }
    }

    /** Unlinks and removes a cell; unknown ids are ignored. */
    void remove(long cellId, Set<Integer> touchedS, Set<Integer> touchedE) {
        int slot = table.cells.slotOf(cellId);
        if (slot < 0) {
            return;
        }
        CellRec rec = table.cells.remove(cellId);
        for (int si : rec.settlements) {
            settlements.detachCell(si, slot);
            touchedS.add(si);
        }
        for (int e : rec.edges) {
            edges.detachCell(e, slot);
            touchedE.add(e);
        }
        operators.release(rec.op);
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
            settlements.remapCells(newSlot);
            edges.remapCells(newSlot);
        }
    }
}
