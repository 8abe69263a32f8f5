package uz.qamrov.planner.coverage;

/**
 * One indicator that an import changed, in API units (percent for {@code .pct} keys).
 *
 * @param scope {@code UZ} for national, else a region code
 */
public record IndicatorChange(String key, String scope, Double before, Double after, String unit) {
}
