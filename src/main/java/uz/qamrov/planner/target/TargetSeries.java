package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.engine.model.Service;
import uz.qamrov.planner.coverage.CoverageProperties;
import uz.qamrov.planner.coverage.CoverageService;

/**
 * The value of a target's indicator in a scope at any date, in API units: the engine's indicator, or — when the
 * target names its lines ({@link LineSubject}) — the high-speed (4G+) share or uncovered km of exactly those lines,
 * summed from the engine's stretches; or, for a gap list whose count the engine does not give directly
 * ({@code settlements.fixed_broadband.uncovered}), the settlements not counted by the matching share.
 */
@Component
class TargetSeries {

    private static final String UNCOVERED = ".uncovered";

    private final CoverageService coverage;
    private final TargetRepository repository;
    private final CoverageProperties properties;

    TargetSeries(CoverageService coverage, TargetRepository repository, CoverageProperties properties) {
        this.coverage = coverage;
        this.repository = repository;
        this.properties = properties;
    }

    /** A target bound to its scope and (resolved once) its lines. */
    final class Bound {
        final Target target;
        final ScopeType type;
        final String code;
        private final Set<String> lineIds;

        private Bound(Target target, ScopeType type, String code) {
            this.target = target;
            this.type = type;
            this.code = code;
            if (usesEngineDefinition(target)) {
                lineIds = null; // the engine's own indicator measures exactly these lines, and faster
            } else {
                LineSubject subject = LineSubject.parse(target.subjectLines());
                lineIds = new HashSet<>();
                for (LineSubject.Line l : repository.lines()) {
                    if (subject.matches(l)) {
                        lineIds.add(l.kind() + ':' + l.id());
                    }
                }
            }
        }

        /** null when the indicator is undefined there (no lines, no settlements). */
        Double valueAt(LocalDate date) {
            if (lineIds != null) {
                return lineValue(coverage.snapshot(date), date);
            }
            String key = target.indicatorKey();
            var indicators = coverage.indicators(date);
            var direct = indicators.get(key, type, code);
            if (direct.isPresent()) {
                return CoverageService.apiValue(direct.get());
            }
            if (key.endsWith(UNCOVERED)) {
                // e.g. settlements.fixed_broadband.uncovered = settlements not counted by settlements.fixed_broadband.pct
                String share = key.substring(0, key.length() - UNCOVERED.length()) + ".pct";
                return indicators.get(share, type, code).map(v -> v.denominator() - v.numerator()).orElse(null);
            }
            return null;
        }

        private Double lineValue(CoverageSnapshot snapshot, LocalDate date) {
            double total = 0;
            double covered = 0;
            for (LineStretch s : snapshot.stretches()) {
                if (s.service() != Service.HIGH_SPEED_MOBILE
                        || !lineIds.contains(s.lineKind().name().toLowerCase() + ':' + s.lineId())
                        || (type != ScopeType.NATIONAL && !code.equals(s.regionCode()))) {
                    continue;
                }
                total += s.lengthKm();
                if (s.covered()) {
                    covered += s.lengthKm();
                }
            }
            if ("km".equals(target.unit())) {
                return total - covered;
            }
            return total == 0 ? null : 100 * covered / total;
        }

        List<TargetProgressCalculator.Point> series(List<LocalDate> dates) {
            List<TargetProgressCalculator.Point> points = new ArrayList<>();
            for (LocalDate d : dates) {
                Double v = valueAt(d);
                if (v != null) {
                    points.add(new TargetProgressCalculator.Point(d, v));
                }
            }
            return points;
        }

        /** Bisection by day between a date that does not satisfy the target and one that does. */
        TargetProgressCalculator.CrossingFinder crossing() {
            return (notMetOn, metOn) -> {
                LocalDate lo = notMetOn;
                LocalDate hi = metOn;
                while (ChronoUnit.DAYS.between(lo, hi) > 1) {
                    LocalDate mid = lo.plusDays(ChronoUnit.DAYS.between(lo, hi) / 2);
                    Double v = valueAt(mid);
                    if (v != null && TargetProgressCalculator.satisfies(v, target.targetValue(), target.atLeast())) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return hi;
            };
        }
    }

    /**
     * The lines the engine's indicators of these keys count (see {@code CoverageModel}); a target naming exactly these
     * is read from the engine's indicator instead of being summed from stretches.
     */
    static final Map<String, String> ENGINE_SUBJECTS = Map.of(
            IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT, "highway:class=international",
            IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_HSM_PCT, "highway:class=international,state",
            IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM, "highway:class=international,state",
            IndicatorKeys.RAILWAYS_TSB_HSM_PCT, "railway:key=" + IndicatorKeys.RAIL_CORRIDOR_KEY);

    static boolean usesEngineDefinition(Target t) {
        return t.subjectLines() == null
                || LineSubject.parse(t.subjectLines()).text().equals(ENGINE_SUBJECTS.get(t.indicatorKey()));
    }

    Bound bind(Target target, ScopeType type, String code) {
        return new Bound(target, type, code);
    }

    /** Validates a subject and lists the lines it selects (for the admin endpoint). */
    List<LineSubject.Line> linesOf(String subjectLines) {
        LineSubject subject = LineSubject.parse(subjectLines);
        return repository.lines().stream().filter(subject::matches).toList();
    }

    /**
     * Year-ends from the configured first year up to (not including) the as-of date, the deadline when it lies in
     * that span (so a passed deadline's own value is in the series), then the as-of date.
     */
    List<LocalDate> dates(LocalDate asOf, LocalDate deadline) {
        List<LocalDate> dates = new ArrayList<>();
        for (int y = properties.seriesStartYear(); ; y++) {
            LocalDate yearEnd = LocalDate.of(y, 12, 31);
            if (!yearEnd.isBefore(asOf)) {
                break;
            }
            dates.add(yearEnd);
        }
        if (deadline != null && deadline.isBefore(asOf) && !dates.contains(deadline)
                && deadline.getYear() >= properties.seriesStartYear()) {
            dates.add(deadline);
            dates.sort(null);
        }
        dates.add(asOf);
        return dates;
    }
}
