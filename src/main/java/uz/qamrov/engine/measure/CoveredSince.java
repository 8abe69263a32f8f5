package uz.qamrov.engine.measure;

import java.util.HashMap;
import java.util.Map;

import uz.qamrov.engine.measure.SettlementTable.SettlementRec;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.radio.PointLevel;
import uz.qamrov.engine.signal.SignalThresholds;

/**
 * Answers of settlements covered by every mobile service, carried from a report of another date to this diagnosis'
 * date: kept when the reach list has the same active cells on both dates, else measured against the previous best
 * for the cells that serve on this date only. Reads the tables only; the caller holds the model's read lock.
 */
final class CoveredSince {

    private static final Service[] MOBILE = Service.mobile();

    private final CoverageModel.Parts m;
    /** What counts on this diagnosis' date. */
    private final ActiveCells active;
    /** What counted on the other report's date. */
    private final ActiveCells other;
    private final CellFootprints footprints;
    private final SignalThresholds thresholds;

    CoveredSince(CoverageModel.Parts m, ActiveCells active, ActiveCells other, CellFootprints footprints,
            SignalThresholds thresholds) {
        this.m = m;
        this.active = active;
        this.other = other;
        this.footprints = footprints;
        this.thresholds = thresholds;
    }

    /**
     * Whether settlement {@code i}'s reach list has the same active cells, of the same technologies, on the other
     * date as on this one: then its answer as a place covered by every mobile service is the same.
     */
    boolean sameReach(int i) {
        for (int slot : m.settlements().get(i).cells) {
            if (active.tech[slot] != other.tech[slot]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Settlement {@code i}'s signals, covered by every mobile service on this date and on the other, from its
     * answers on that date ({@code previous}, made on this model's reach list). A covered place's best cell is the
     * highest of its active reach-list cells in one total order: margin with terrain, then flat margin, then the
     * lower cell id ({@link SignalDiagnoser} picks exactly that one). So while the previous best still
     * serves, the new best is the higher of it and the cells that serve on this date only; cells that no longer
     * serve lose nothing. Null when a previous best no longer serves (the caller diagnoses afresh). A month later a
     * town has a few new cells among the thousands in reach: their levels only are computed.
     */
    PlaceSignal[] coveredFrom(int i, PlaceSignal[] previous) {
        SettlementRec r = m.settlements().get(i);
        PlaceSignal[] out = new PlaceSignal[Service.values().length];
        // a cell new on this date usually serves every mobile service: its levels are computed once for all of them
        Map<Integer, SignalCandidate> made = null;
        for (Service s : MOBILE) {
            PlaceSignal was = previous[s.ordinal()];
            int min = s.minimumTechnology().ordinal();
            int bestSlot = was == null || was.bestCellId() == null ? -1 : m.cells().cells.slotOf(was.bestCellId());
            if (bestSlot < 0 || active.tech[bestSlot] < min) {
                return null;
            }
            SignalCandidate best = null;
            PointLevel bestFull = null;
            for (int slot : r.cells) {
                if (active.tech[slot] < min || other.tech[slot] >= min) {
                    continue; // serves on neither date, or on both (then it did not beat the previous best)
                }
                if (made == null) {
                    made = new HashMap<>();
                }
                if (best == null) {
                    best = candidate(made, bestSlot, r);
                    bestFull = best.full();
                }
                SignalCandidate c = candidate(made, slot, r);
                if (c.flatMarginBoundDb() < bestFull.marginDb() || c.flat().marginDb() < bestFull.marginDb()) {
                    continue; // terrain only lowers a level: it cannot reach the best
                }
                PointLevel full = c.full();
                if (higher(full, c, bestFull, best)) {
                    best = c;
                    bestFull = full;
                }
            }
            // no cell serves on this date alone: the previous best still is the best, and so is its answer
            out[s.ordinal()] = best == null ? was : SignalDiagnoser.coveredSignal(bestFull, thresholds);
        }
        return out;
    }

    /** Settlement {@code r}'s candidate of cell {@code slot}, made once per settlement ({@code made}). */
    private SignalCandidate candidate(Map<Integer, SignalCandidate> made, int slot, SettlementRec r) {
        return made.computeIfAbsent(slot, k -> new SignalCandidate(m.cells().cells.at(k), r.s.lon(), r.s.lat(), footprints));
    }

    /** Whether {@code a} (level with terrain {@code aFull}) comes before {@code b} in a covered place's order. */
    private static boolean higher(PointLevel aFull, SignalCandidate a, PointLevel bFull, SignalCandidate b) {
        if (aFull.marginDb() != bFull.marginDb()) {
            return aFull.marginDb() > bFull.marginDb();
        }
        if (a.flat().marginDb() != b.flat().marginDb()) {
            return a.flat().marginDb() > b.flat().marginDb();
        }
        return a.rec.cell.id() < b.rec.cell.id();
    }
}
