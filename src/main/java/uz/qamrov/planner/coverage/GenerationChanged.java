package uz.qamrov.planner.coverage;

import java.time.LocalDate;

/**
 * Published when a new model generation becomes current.
 *
 * @param effectiveFrom the earliest as-of date whose answer may differ from the previous generation
 *     ({@link LocalDate#MIN} = every date, {@code null} = none)
 */
public record GenerationChanged(long generation, LocalDate effectiveFrom) {
}
