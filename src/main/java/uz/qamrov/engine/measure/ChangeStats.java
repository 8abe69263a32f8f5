package uz.qamrov.engine.measure;

import java.util.Set;

/**
 * What an incremental update touched: settlements and line segments whose precomputed lists changed, and the ids of
 * those settlements (a later diagnosis of the same date redoes only them: {@link CoverageModel#diagnose(
 * CoverageSnapshot, SignalReport, Set)}), and whether every site the change named was new to the model (no site moved,
 * changed or went: a nearest-site distance can then only shrink, {@link NearestFinder#narrowedByAddedSites}).
 */
public record ChangeStats(int touchedSettlements, int touchedSegments, Set<Long> touchedSettlementIds,
        boolean sitesOnlyAdded) {

    public ChangeStats {
        touchedSettlementIds = Set.copyOf(touchedSettlementIds);
    }

    @Override
    public String toString() {
        return "ChangeStats[touchedSettlements=" + touchedSettlements + ", touchedSegments=" + touchedSegments + "]";
    }
}
