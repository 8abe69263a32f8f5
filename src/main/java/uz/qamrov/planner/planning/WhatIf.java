package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.planner.coverage.CoverageService;

/**
 * Indicators of the real engine with a set of additions/removals applied to a detached model: before and after,
 * side by side, for the nation and (when given) one region. The live model is never touched.
 */
final class WhatIf {

    private WhatIf() {
    }

    /** Baseline and what-if indicators of the engine, compared row by row (nation, and the region if given). */
    static List<Map<String, Object>> compare(WhatIfEngine engine, NetworkDelta delta, LocalDate asOf, String region) {
        WhatIfEngine.Comparison c = engine.compare(delta, asOf);
        Indicators before = c.before();
        Indicators after = c.after();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorValue b : before.values()) {
            boolean national = b.scopeType() == ScopeType.NATIONAL;
            boolean inRegion = region != null && b.scopeType() == ScopeType.REGION && region.equals(b.scopeCode());
            if (!national && !inRegion) {
                continue;
            }
            IndicatorValue a = after.get(b.key(), b.scopeType(), b.scopeCode()).orElse(null);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", b.key());
            row.put("scope", b.scopeCode());
            row.put("unit", CoverageService.apiUnit(b.unit()));
            row.put("before", CoverageService.apiValue(b));
            row.put("after", a == null ? null : CoverageService.apiValue(a));
            row.put("change", a == null ? null : CoverageService.apiValue(a) - CoverageService.apiValue(b));
            rows.add(row);
        }
        return rows;
    }
}
