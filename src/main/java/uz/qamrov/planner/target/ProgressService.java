package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.operator.Operators;
import uz.qamrov.planner.web.ApiException;

/**
 * Indicators against the roadmap: value, target, gap and status (from the trend over the year-ends before the
 * as-of date, evaluated by the coverage model at each of those dates; after a deadline, from what happened).
 */
@Service
public class ProgressService {

    private final CoverageService coverage;
    private final TargetCatalog targets;
    private final TargetSeries series;
    private final TargetRepository repository;
    private final Operators operators;

    ProgressService(CoverageService coverage, TargetCatalog targets, TargetSeries series, TargetRepository repository,
            Operators operators) {
        this.operators = operators;
        this.coverage = coverage;
        this.targets = targets;
        this.series = series;
        this.repository = repository;
    }

    /** Scope: a district when given, else a region when given, else the nation; every operator together. */
    public IndicatorReport indicators(String region, String district, LocalDate asOf) {
        return indicators(region, district, asOf, null);
    }

    /**
     * As {@link #indicators(String, String, LocalDate)}, counting only {@code operator}'s network when it is not null:
     * its values without targets or statuses (the roadmap's targets are for every operator together).
     */
    public IndicatorReport indicators(String region, String district, LocalDate asOf, String operator) {
        LocalDate d = asOf == null ? coverage.today() : asOf;
        ScopeType type = district != null ? ScopeType.DISTRICT : region != null ? ScopeType.REGION : ScopeType.NATIONAL;
        String code = district != null ? district : region != null ? region : "UZ";
        operators.requireOperatorFilter(operator);
        // one operator: the engine's evaluation with its filter (cached per generation, date and operator)
        Indicators now = operator == null ? coverage.indicators(d) : coverage.snapshot(d, CoverageFilter.operator(operator)).indicators();
        List<IndicatorValue> values = now.values().stream()
                .filter(v -> v.scopeType() == type && v.scopeCode().equals(code)).toList();
        if (values.isEmpty()) {
            String key = type == ScopeType.DISTRICT ? "detail.unknown-district" : "detail.unknown-region";
            throw ApiException.notFound("no " + type.key() + " with code " + code)
                    .withMessage(key, Map.of("value", code));
        }
        if (district != null && region != null && !values.get(0).scopeCode().startsWith(region)) {
            // district codes are <region>-NN in the shipped data; imported districts keep their region in the model
            throw ApiException.badRequest("district " + district + " is not in region " + region,
                    Map.of("district", district, "region", region)).withMessage("detail.district-not-in-region");
        }
        List<Target> all = targets.all();
        String targetScope = type == ScopeType.NATIONAL ? "UZ" : region != null ? region : code;
        List<IndicatorReport.Entry> entries = new ArrayList<>();
        for (IndicatorValue v : values) {
            // a target that names its own lines measures something else than the engine's indicator of that key
            Optional<Target> target = targets.forIndicator(v.key(), targetScope, all).filter(TargetSeries::usesEngineDefinition);
            Double value = CoverageService.apiValue(v);
            if (target.isEmpty() || operator != null) {
                entries.add(new IndicatorReport.Entry(v.key(), value, CoverageService.apiUnit(v.unit()), v.numerator(),
                        v.denominator(), null, null, null, null));
                continue;
            }
            Target t = target.get();
            var bound = series.bind(t, type, code);
            var progress = progress(t, bound.series(series.dates(d, t.deadline())), bound);
            entries.add(new IndicatorReport.Entry(v.key(), value, CoverageService.apiUnit(v.unit()), v.numerator(),
                    v.denominator(), ref(t), progress.gap(), progress.status().key(), progress.projectedAtDeadline()));
        }
        return new IndicatorReport(d, type.key(), code, operator, entries);
    }

    /** Every region's values at a date (today by default): one evaluation, no target series ({@link RegionValues}). */
    public RegionValues regionValues(LocalDate asOf) {
        LocalDate d = asOf == null ? coverage.today() : asOf;
        Map<String, List<RegionValues.Value>> byRegion = new java.util.TreeMap<>();
        for (IndicatorValue v : coverage.indicators(d).values()) {
            if (v.scopeType() == ScopeType.REGION) {
                byRegion.computeIfAbsent(v.scopeCode(), k -> new ArrayList<>()).add(new RegionValues.Value(v.key(),
                        CoverageService.apiValue(v), CoverageService.apiUnit(v.unit())));
            }
        }
        return new RegionValues(d, byRegion.entrySet().stream()
                .map(e -> new RegionValues.Region(e.getKey(), e.getValue())).toList());
    }

    public TargetReport targets(String region, LocalDate asOf) {
        LocalDate d = asOf == null ? coverage.today() : asOf;
        ScopeType type = region == null ? ScopeType.NATIONAL : ScopeType.REGION;
        String code = region == null ? "UZ" : region;
        if (coverage.indicators(d).values().stream().noneMatch(v -> v.scopeType() == type && v.scopeCode().equals(code))) {
            throw ApiException.notFound("no region with code " + code)
                    .withMessage("detail.unknown-region", Map.of("value", code));
        }
        List<TargetReport.Entry> entries = new ArrayList<>();
        for (Target t : targets.all()) {
            if (!applies(t, code, region)) {
                continue;
            }
            var bound = series.bind(t, type, code);
            List<TargetProgressCalculator.Point> points = bound.series(series.dates(d, t.deadline()));
            List<TargetReport.SeriesPoint> seriesOut = points.stream()
                    .map(p -> new TargetReport.SeriesPoint(p.date(), p.value())).toList();
            if (points.isEmpty() || !points.get(points.size() - 1).date().equals(d)) {
                entries.add(entry(t, code, null, null, seriesOut));
                continue;
            }
            entries.add(entry(t, code, points.get(points.size() - 1).value(), progress(t, points, bound), seriesOut));
        }
        List<TargetReport.GapListEntry> lists = new ArrayList<>();
        for (Target t : targets.gapLists()) {
            if (!applies(t, code, region)) {
                continue;
            }
            var bound = series.bind(t, type, code);
            List<TargetReport.SeriesPoint> points = bound.series(series.dates(d, t.deadline())).stream()
                    .map(p -> new TargetReport.SeriesPoint(p.date(), p.value())).toList();
            Double count = points.isEmpty() || !points.get(points.size() - 1).date().equals(d) ? null
                    : points.get(points.size() - 1).value();
            lists.add(new TargetReport.GapListEntry(t.id(), t.indicatorKey(), t.title(), t.titleUz(), t.titleRu(),
                    t.wordingUz(), code, t.deadline(), t.sourceDocument(), t.sourceItem(), t.notes(), count, points,
                    gapListUrl(t, region, d)));
        }
        return new TargetReport(d, code, entries, lists);
    }

    /** Points a line target at other lines (admin); returns the lines it now counts. */
    public List<LineSubject.Line> changeSubject(long targetId, String subjectLines) {
        Target t = repository.find(targetId).orElseThrow(() -> noTarget(targetId));
        if (t.isGapList() || !("%".equals(t.unit()) || "km".equals(t.unit()))) {
            throw ApiException.badRequest("target " + targetId + " (" + t.indicatorKey() + ") is not measured on lines",
                    Map.of("targetId", targetId))
                    .withMessage("detail.target-not-on-lines", Map.of("id", targetId, "indicator", t.indicatorKey()));
        }
        String canonical = subjectLines == null ? null : LineSubject.parse(subjectLines).text();
        List<LineSubject.Line> lines = canonical == null ? List.of() : series.linesOf(canonical);
        if (canonical != null && lines.isEmpty()) {
            throw ApiException.badRequest("'" + canonical + "' selects no line", Map.of("subjectLines", canonical))
                    .withMessage("detail.subject-selects-no-line");
        }
        repository.updateSubject(targetId, canonical);
        return lines;
    }

    /** The lines a target counts now (empty when it uses the engine's definition). */
    public List<LineSubject.Line> subjectOf(long targetId) {
        Target t = repository.find(targetId).orElseThrow(() -> noTarget(targetId));
        return t.subjectLines() == null ? List.of() : series.linesOf(t.subjectLines());
    }

    private static ApiException noTarget(long targetId) {
        return ApiException.notFound("no target with id " + targetId)
                .withMessage("detail.no-target", Map.of("id", targetId));
    }

    public String subjectTextOf(long targetId) {
        return repository.find(targetId).map(Target::subjectLines).orElse(null);
    }

    private static boolean applies(Target t, String code, String region) {
        return t.scope().equals(code) || (t.scope().equals("UZ") && (region == null || TargetCatalog.appliesToEveryRegion(t)));
    }

    private static TargetProgressCalculator.Progress progress(Target t, List<TargetProgressCalculator.Point> points,
            TargetSeries.Bound bound) {
        if (points.isEmpty()) {
            return new TargetProgressCalculator.Progress(TargetStatus.BEHIND, Double.NaN, null, null, null, null);
        }
        return TargetProgressCalculator.progress(points, t.targetValue(), t.atLeast(), t.deadline(), bound.crossing());
    }

    private static TargetReport.Entry entry(Target t, String code, Double value, TargetProgressCalculator.Progress p,
            List<TargetReport.SeriesPoint> seriesOut) {
        Double projected = p == null ? null : clamp(t.unit(), p.projectedAtDeadline());
        return new TargetReport.Entry(t.id(), t.indicatorKey(), t.title(), t.titleUz(), t.titleRu(), t.wordingUz(), code,
                t.targetValue(), t.unit(), t.atLeast() ? "at_least" : "at_most", t.deadline(), t.sourceDocument(),
                t.sourceItem(), t.subjectLines(), t.notes(), value, p == null ? null : p.gap(),
                p == null ? null : p.status().key(), projected, p == null ? null : p.metOn(),
                p == null ? null : p.trendPerYear(), p == null ? null : p.projectedMetOn(), seriesOut);
    }

    /** A share cannot leave 0..100 % and a count or length cannot go below 0, whatever a straight line says. */
    static Double clamp(String unit, Double projected) {
        if (projected == null) {
            return null;
        }
        double low = Math.max(0, projected);
        return "%".equals(unit) ? Math.min(100, low) : low;
    }

    private static String gapListUrl(Target t, String region, LocalDate asOf) {
        String key = t.indicatorKey();
        String service = key.startsWith("settlements.") && key.endsWith(".uncovered")
                ? key.substring("settlements.".length(), key.length() - ".uncovered".length()) : null;
        if (service == null) {
            return null;
        }
        return "/api/v1/gaps/settlements?service=" + service + (region == null ? "" : "&region=" + region) + "&asOf=" + asOf;
    }

    private static IndicatorReport.TargetRef ref(Target t) {
        return new IndicatorReport.TargetRef(t.targetValue(), t.unit(), t.atLeast() ? "at_least" : "at_most", t.deadline(),
                t.title(), t.sourceDocument(), t.sourceItem());
    }
}
