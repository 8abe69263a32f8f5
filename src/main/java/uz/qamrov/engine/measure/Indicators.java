package uz.qamrov.engine.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All indicator values of one evaluation, in scope order (national, regions by code, districts by code) and key
 * order of {@link IndicatorKeys#ALL}. Ratios with a zero denominator are absent.
 */
public final class Indicators {

    private final List<IndicatorValue> values;
    private final Map<String, IndicatorValue> byKeyAndScope = new HashMap<>();

    Indicators(List<IndicatorValue> values) {
        this.values = List.copyOf(values);
        for (IndicatorValue v : values) {
            byKeyAndScope.put(v.key() + '\u0000' + v.scopeType() + '\u0000' + v.scopeCode(), v);
        }
    }

    public List<IndicatorValue> values() {
        return values;
    }

    public Optional<IndicatorValue> get(String key, ScopeType scopeType, String scopeCode) {
        return Optional.ofNullable(byKeyAndScope.get(key + '\u0000' + scopeType + '\u0000' + scopeCode));
    }

    /** National value ("UZ"). */
    public Optional<IndicatorValue> national(String key) {
        return get(key, ScopeType.NATIONAL, CoverageModel.NATIONAL_CODE);
    }
}
