package uz.qamrov.planner.gap;

import java.util.List;

/**
 * Coverage along one highway or railway: {@code coveredFraction[k]} is the covered share (0..1) of kilometre
 * [k, k+1) from the line's start, computed from the run's stretches; {@code generation} and {@code stale} as in
 * {@link GapList}.
 */
public record LineProfile(String ref, String service, long runId, long generation, boolean stale, int kilometres, Double longestGapKm,
        List<Double> coveredFraction) {
}
