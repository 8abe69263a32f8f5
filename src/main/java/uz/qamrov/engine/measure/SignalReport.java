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

    private final Map<Long, PlaceSignal[]> settlements;
    private final List<PlaceSignal> stretches;
    private final boolean terrain;

    SignalReport(Map<Long, PlaceSignal[]> settlements, List<PlaceSignal> stretches, boolean terrain) {
        this.settlements = Map.copyOf(settlements);
        this.stretches = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(stretches));
        this.terrain = terrain;
    }

    /** The signal of a settlement for a mobile service; empty for fixed broadband or an unknown settlement. */
    public Optional<PlaceSignal> settlement(long settlementId, Service service) {
        PlaceSignal[] a = settlements.get(settlementId);
        return a == null ? Optional.empty() : Optional.ofNullable(a[service.ordinal()]);
    }

    /** Per stretch of the snapshot, in its order. */
    public List<PlaceSignal> stretches() {
        return stretches;
    }

    /** Whether levels include terrain (and {@code terrain_shadow} can occur). */
    public boolean terrain() {
        return terrain;
    }
}
