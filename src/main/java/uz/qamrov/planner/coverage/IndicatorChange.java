package uz.qamrov.planner.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;

/**
 * One indicator that an import changed, in API units (percent for {@code .pct} keys).
 *
 * @param scope {@code UZ} for national, else a region code
 */
public record IndicatorChange(String key, String scope, Double before, Double after, String unit) {

    /**
     * National and regional indicators whose value moved from {@code before} to {@code after}, in API units: an
     * applied import's report and a dry run's preview both say it this way.
     */
    public static List<IndicatorChange> between(Indicators before, Indicators after) {
        Map<String, IndicatorValue> old = new HashMap<>();
        for (IndicatorValue v : before.values()) {
            if (v.scopeType() != ScopeType.DISTRICT) {
                old.put(v.key() + "|" + v.scopeCode(), v);
            }
        }
        List<IndicatorChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IndicatorValue v : after.values()) {
            if (v.scopeType() == ScopeType.DISTRICT) {
                continue;
            }
            String k = v.key() + "|" + v.scopeCode();
            seen.add(k);
            IndicatorValue o = old.get(k);
            if (o == null || Math.abs(o.value() - v.value()) > 1e-9) {
                changes.add(new IndicatorChange(v.key(), v.scopeCode(), o == null ? null : CoverageService.apiValue(o),
                        CoverageService.apiValue(v), CoverageService.apiUnit(v.unit())));
            }
        }
        old.forEach((k, o) -> {
            if (!seen.contains(k)) {
                changes.add(new IndicatorChange(o.key(), o.scopeCode(), CoverageService.apiValue(o), null,
                        CoverageService.apiUnit(o.unit())));
            }
        });
        return changes;
    }
}
