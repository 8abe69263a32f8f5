package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.planner.coverage.CoverageProperties;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.web.ApiException;

/**
 * Indicators against the roadmap: value, target, gap and status (from the trend over the year-ends before the
 * as-of date, evaluated by the coverage model at each of those dates).
 */
@Service
public class ProgressService {

    private final CoverageService coverage;
    private final TargetCatalog targets;
    private final CoverageProperties properties;

    ProgressService(CoverageService coverage, TargetCatalog targets, CoverageProperties properties) {
        this.coverage = coverage;
        this.targets = targets;
        this.properties = properties;
    }

    /** Scope: a district when given, else a region when given, else the nation. */
    public IndicatorReport indicators(String region, String district, LocalDate asOf) {
        LocalDate d = asOf == null ? coverage.today() : asOf;
        ScopeType type = district != null ? ScopeType.DISTRICT : region != null ? ScopeType.REGION : ScopeType.NATIONAL;
        String code = district != null ? district : region != null ? region : "UZ";
        Indicators now = coverage.indicators(d);
        List<IndicatorValue> values = now.values().stream()
                .filter(v -> v.scopeType() == type && v.scopeCode().equals(code)).toList();
        if (values.isEmpty()) {
            throw ApiException.notFound("no " + type.key() + " with code " + code);
        }
        if (district != null && region != null && !districtInRegion(values, region)) {
            throw ApiException.badRequest("district " + district + " is not in region " + region,
                    java.util.Map.of("district", district, "region", region));
        }
        List<Target> all = targets.all();
        String targetScope = type == ScopeType.NATIONAL ? "UZ" : region != null ? region : code;
        List<LocalDate> dates = seriesDates(d);
        List<IndicatorReport.Entry> entries = new ArrayList<>();
        for (IndicatorValue v : values) {
            Optional<Target> target = targets.forIndicator(v.key(), targetScope, all);
            Double value = CoverageService.apiValue(v);
            if (target.isEmpty()) {
                entries.add(new IndicatorReport.Entry(v.key(), value, CoverageService.apiUnit(v.unit()), v.numerator(),
                        v.denominator(), null, null, null, null));
                continue;
            }
            Target t = target.get();
            var progress = TargetProgressCalculator.progress(series(v.key(), type, code, dates), t.targetValue(), t.atLeast(),
                    t.deadline());
            entries.add(new IndicatorReport.Entry(v.key(), value, CoverageService.apiUnit(v.unit()), v.numerator(),
                    v.denominator(), ref(t), progress.gap(), progress.status().key(), progress.projectedAtDeadline()));
        }
        return new IndicatorReport(d, type.key(), code, entries);
    }

    private static boolean districtInRegion(List<IndicatorValue> values, String region) {
        // district codes are <region>-NN in the shipped data; imported districts keep their region in the model
        return values.get(0).scopeCode().startsWith(region);
    }

    public TargetReport targets(String region, LocalDate asOf) {
        LocalDate d = asOf == null ? coverage.today() : asOf;
        ScopeType type = region == null ? ScopeType.NATIONAL : ScopeType.REGION;
        String code = region == null ? "UZ" : region;
        if (coverage.indicators(d).values().stream().noneMatch(v -> v.scopeType() == type && v.scopeCode().equals(code))) {
            throw ApiException.notFound("no region with code " + code);
        }
        List<Target> all = targets.all();
        List<LocalDate> dates = seriesDates(d);
        List<TargetReport.Entry> entries = new ArrayList<>();
        for (Target t : all) {
            if (!t.scope().equals("UZ") && !t.scope().equals(code)) {
                continue;
            }
            List<TargetProgressCalculator.Point> points = series(t.indicatorKey(), type, code, dates);
            List<TargetReport.SeriesPoint> seriesOut = points.stream()
                    .map(p -> new TargetReport.SeriesPoint(p.date(), p.value())).toList();
            if (points.isEmpty() || !points.get(points.size() - 1).date().equals(d)) {
                entries.add(new TargetReport.Entry(t.indicatorKey(), t.title(), code, t.targetValue(), t.unit(),
                        t.atLeast() ? "at_least" : "at_most", t.deadline(), t.sourceDocument(), t.sourceItem(), t.notes(),
                        null, null, null, null, seriesOut));
                continue;
            }
            var progress = TargetProgressCalculator.progress(points, t.targetValue(), t.atLeast(), t.deadline());
            entries.add(new TargetReport.Entry(t.indicatorKey(), t.title(), code, t.targetValue(), t.unit(),
                    t.atLeast() ? "at_least" : "at_most", t.deadline(), t.sourceDocument(), t.sourceItem(), t.notes(),
                    points.get(points.size() - 1).value(), progress.gap(), progress.status().key(),
                    progress.projectedAtDeadline(), seriesOut));
        }
        return new TargetReport(d, code, entries);
    }

    /** Year-ends from the configured first year up to (not including) the as-of date, then the as-of date. */
    List<LocalDate> seriesDates(LocalDate asOf) {
        List<LocalDate> dates = new ArrayList<>();
        for (int y = properties.seriesStartYear(); ; y++) {
            LocalDate yearEnd = LocalDate.of(y, 12, 31);
            if (!yearEnd.isBefore(asOf)) {
                break;
            }
            dates.add(yearEnd);
        }
        dates.add(asOf);
        return dates;
    }

    private List<TargetProgressCalculator.Point> series(String key, ScopeType type, String code, List<LocalDate> dates) {
        List<TargetProgressCalculator.Point> points = new ArrayList<>();
        for (LocalDate date : dates) {
            coverage.indicators(date).get(key, type, code)
                    .ifPresent(v -> points.add(new TargetProgressCalculator.Point(date, CoverageService.apiValue(v))));
        }
        return points;
    }

    private static IndicatorReport.TargetRef ref(Target t) {
        return new IndicatorReport.TargetRef(t.targetValue(), t.unit(), t.atLeast() ? "at_least" : "at_most", t.deadline(),
                t.title(), t.sourceDocument(), t.sourceItem());
    }
}
