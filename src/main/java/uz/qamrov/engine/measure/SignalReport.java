package uz.qamrov.engine.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import uz.qamrov.engine.model.Service;

/**
 * Result of {@link CoverageModel#diagnose}: a {@link PlaceSignal} per settlement and mobile service, and one per
 * stretch of the snapshot (same order as {@link CoverageSnapshot#stretches()}; null for none). Immutable.
 */
public final class SignalReport {

    private final java.time.LocalDate asOf;
    private final CoverageFilter filter;
    private final Map<Long, PlaceSignal[]> settlements;
    private final java.util.Set<Long> allCovered;
    private final List<PlaceSignal> stretches;
    private final boolean terrain;
    private final int settlementsFromPrevious;
    private final int stretchesFromPrevious;
    /** The snapshot's stretches the {@link #stretches} belong to. */
    private final List<LineStretch> stretchList;
    /** The model's cells when diagnosed ({@link CellTable#version}). */
    private final long cellsVersion;
    private final boolean complete;

    SignalReport(java.time.LocalDate asOf, CoverageFilter filter, Map<Long, PlaceSignal[]> settlements,
            java.util.Set<Long> allCovered, List<LineStretch> stretchList, List<PlaceSignal> stretches, boolean terrain,
            int[] fromPrevious, long cellsVersion, boolean complete) {
        this.complete = complete;
        this.settlementsFromPrevious = fromPrevious[0];
        this.stretchesFromPrevious = fromPrevious[1];
        this.stretchList = stretchList;
        this.cellsVersion = cellsVersion;
        this.asOf = asOf;
        this.filter = filter;
        this.settlements = Map.copyOf(settlements);
        this.allCovered = java.util.Set.copyOf(allCovered);
        this.stretches = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(stretches));
        this.terrain = terrain;
    }

    /** The date diagnosed. */
    public java.time.LocalDate asOf() {
        return asOf;
    }

    /** The filter diagnosed (a stored run's is {@link CoverageFilter#ANY}). */
    public CoverageFilter filter() {
        return filter;
    }

    /** The signal of a settlement for a mobile service; empty for fixed broadband or an unknown settlement. */
    public Optional<PlaceSignal> settlement(long settlementId, Service service) {
        PlaceSignal[] a = settlements.get(settlementId);
        return a == null ? Optional.empty() : Optional.ofNullable(a[service.ordinal()]);
    }

    /** Whether the settlement had every mobile service when diagnosed. */
    boolean allCovered(long settlementId) {
        return allCovered.contains(settlementId);
    }

    /** The settlement's signals by service ordinal (shared, never modified), or null. */
    PlaceSignal[] settlementSignals(long settlementId) {
        return settlements.get(settlementId);
    }

    /** Per stretch of the snapshot, in its order. */
    public List<PlaceSignal> stretches() {
        return stretches;
    }

    /** How many settlements' answers were taken or derived from the previous report instead of diagnosed afresh. */
    public int settlementsFromPrevious() {
        return settlementsFromPrevious;
    }

    List<LineStretch> stretchList() {
        return stretchList;
    }

    long cellsVersion() {
        return cellsVersion;
    }

    /** How many stretches' answers are the previous report's. */
    public int stretchesFromPrevious() {
        return stretchesFromPrevious;
    }

    /**
     * Whether every place has its answer; false for a report of the gaps alone ({@link SignalDiagnosis#gapReport()}),
     * where covered places not yet diagnosed have none (their {@link #settlement} is empty, their stretch null).
     */
    public boolean complete() {
        return complete;
    }

    /** Whether levels include terrain (and {@code terrain_shadow} can occur). */
    public boolean terrain() {
        return terrain;
    }
}
