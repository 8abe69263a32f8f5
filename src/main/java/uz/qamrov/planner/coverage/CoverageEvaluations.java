package uz.qamrov.planner.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.Indicators;

/**
 * Evaluations of the current model, cached by {@code (generation, date, filter)}, where the generation is the one
 * that last changed the date's answers ({@link CoverageModels#answeringGeneration}): an upload of sites going on air
 * today keeps every past date's cached answers. A value is computed under the model's read lock and cached under the
 * generation it was computed on, so an evaluation of an older generation can never be served as the current one
 * (the race of a cache cleared while an old evaluation was still running). Callers of a key whose evaluation is
 * running share it ({@link SharedEvaluations}); a value may then be of a generation newer than the one current when
 * the caller asked, never an older one.
 */
@Component
class CoverageEvaluations {

    private record Key(long generation, LocalDate date, CoverageFilter filter) {
    }

    private final CoverageModels models;
    /** Full evaluations (per-settlement lists, stretch geometry): large, so few. */
    private final Cache<Key, CoverageSnapshot> snapshots = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(16).build();
    /**
     * Year-end evaluations of all operators apart: the targets' series read every year-end's lines, and the
     * precomputation of a hundred month-ends pushed them out of {@link #snapshots} (the first /targets after it took
     * 4.5 s).
     */
    private final Cache<Key, CoverageSnapshot> yearEnds = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(12).build();
    /** Indicators only: small; dashboards and trends ask for many dates. */
    private final Cache<Key, Indicators> indicators = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(1024).build();

    /** Concurrent callers of one key share its evaluation (a dashboard asks for a new date from several requests). */
    private final SharedEvaluations<Key, CoverageSnapshot> sharedSnapshots = new SharedEvaluations<>();
    private final SharedEvaluations<Key, Indicators> sharedIndicators = new SharedEvaluations<>();

    /**
     * Evaluations computed (not served from a cache nor shared with a caller already computing them), by kind:
     * {@code qamrov_coverage_evaluations_total} at {@code /actuator/prometheus}. What a read that should have been
     * prepared in the background (today's target report after an upload) is checked with.
     */
    private final Counter snapshotsComputed;
    private final Counter indicatorsComputed;

    CoverageEvaluations(CoverageModels models, MeterRegistry meters) {
        this.models = models;
        this.snapshotsComputed = Counter.builder("qamrov.coverage.evaluations").tag("kind", "snapshot")
                .description("coverage evaluations computed (per-settlement lists and stretches)").register(meters);
        this.indicatorsComputed = Counter.builder("qamrov.coverage.evaluations").tag("kind", "indicators")
                .description("coverage evaluations computed (indicators only)").register(meters);
    }

    CoverageSnapshot snapshot(LocalDate date, CoverageFilter filter) {
        Key now = key(models.generationId(), date, filter);
        CoverageSnapshot hit = cachedSnapshot(now);
        if (hit != null) {
            return hit;
        }
        return shared(sharedSnapshots, now, () -> {
            var tagged = models.read(g -> g.model().evaluate(date, filter));
            snapshotsComputed.increment();
            Key k = key(tagged.generation(), date, filter);
            snapshots.put(k, tagged.value());
            if (isYearEnd(date) && filter.equals(CoverageFilter.ANY)) {
                yearEnds.put(k, tagged.value());
            }
            indicators.put(k, tagged.value().indicators()); // small, and kept longer than the snapshot
            return tagged.value();
        });
    }

    private CoverageSnapshot cachedSnapshot(Key k) {
        CoverageSnapshot hit = snapshots.getIfPresent(k);
        return hit != null ? hit : yearEnds.getIfPresent(k);
    }

    private static boolean isYearEnd(LocalDate d) {
        return d.getMonthValue() == 12 && d.getDayOfMonth() == 31;
    }

    /**
     * {@code evaluation} shared with concurrent callers of {@code key}, unless this thread holds the model's read lock:
     * waiting then could deadlock (the evaluating thread may be queued for the read lock behind an import waiting for
     * the write lock, which waits for this thread's read lock), so it evaluates on its own.
     */
    private <V> V shared(SharedEvaluations<Key, V> shared, Key key, java.util.function.Supplier<V> evaluation) {
        return models.readingHere() ? evaluation.get() : shared.get(key, evaluation);
    }

    /** Keyed by the generation that last changed the date's answers (see {@link CoverageModels#answeringGeneration}). */
    private Key key(long generation, LocalDate date, CoverageFilter filter) {
        return new Key(models.answeringGeneration(generation, date), date, filter);
    }

    Indicators indicators(LocalDate date, CoverageFilter filter) {
        Key now = key(models.generationId(), date, filter);
        CoverageSnapshot full = cachedSnapshot(now);
        if (full != null) {
            return full.indicators();
        }
        Indicators hit = indicators.getIfPresent(now);
        if (hit != null) {
            return hit;
        }
        return shared(sharedIndicators, now, () -> {
            var tagged = models.read(g -> g.model().indicators(date, filter));
            indicatorsComputed.increment();
            indicators.put(key(tagged.generation(), date, filter), tagged.value());
            return tagged.value();
        });
    }
}
