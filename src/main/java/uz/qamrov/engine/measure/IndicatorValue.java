package uz.qamrov.engine.measure;

/**
 * One indicator in one scope. RATIO: {@code value = numerator / denominator} in 0..1 and emitted only when the
 * denominator is positive (so no NaN ever reaches storage). COUNT and KM: {@code numerator = value},
 * {@code denominator = 1}.
 */
public record IndicatorValue(String key, ScopeType scopeType, String scopeCode, double value, double numerator,
        double denominator, Unit unit) {
}
