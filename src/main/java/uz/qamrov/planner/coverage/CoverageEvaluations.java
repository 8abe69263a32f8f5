package uz.qamrov.planner.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.NearestFinder;

/**
 * Evaluations of the current model, cached by {@code (generation, date, filter)}, where the generation is the one
 * that last changed the date's answers ({@link CoverageModels#answeringGeneration}): an upload of sites going on air
 * today keeps every past date's cached answers. A value is computed under the model's read lock and cached under the
 * generation it was computed on, so an evaluation of an older generation can never be served as the current one
 * (the race of a cache cleared while an old evaluation was still running).
 */
@Component
class CoverageEvaluations {

    private record Key(long generation, LocalDate date, CoverageFilter filter) {
    }

    private final CoverageModels models;
    /** Full evaluations (per-settlement lists, stretch geometry): large, so few. */
    private final Cache<Key, CoverageSnapshot> snapshots = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(16).build();
    /** Indicators only: small; dashboards and trends ask for many dates. */
    private final Cache<Key, Indicators> indicators = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(1024).build();

    /**
     * The nearest-site/fiber index of a generation: building it (every site and fiber route of the country) costs
     * seconds, its queries milliseconds, and every run of one generation uses it.
     */
    private final Cache<Long, NearestFinder> finders = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(1).build();

    /** The last finder built and its generation's fiber version: a generation with the same fiber shares its index. */
    private record LastFinder(long fiberVersion, NearestFinder finder) {
    }

    private volatile LastFinder lastFinder;

    private record FiberKey(long fiberVersion, LocalDate date) {
    }

    /**
     * Each settlement's distance to the nearest fiber active on a date (model order; NaN for none), by fiber version:
     * an upload of sites leaves them as they are, and they are half of a stored run's nearest step.
     */
    private final Cache<FiberKey, double[]> fiberDistances = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(8).build();

    CoverageEvaluations(CoverageModels models) {
        this.models = models;
    }

    CoverageSnapshot snapshot(LocalDate date, CoverageFilter filter) {
        CoverageSnapshot hit = snapshots.getIfPresent(key(models.generationId(), date, filter));
        if (hit != null) {
            return hit;
        }
        var tagged = models.read(g -> g.model().evaluate(date, filter));
        snapshots.put(key(tagged.generation(), date, filter), tagged.value());
        return tagged.value();
    }

    /** Keyed by the generation that last changed the date's answers (see {@link CoverageModels#answeringGeneration}). */
    private Key key(long generation, LocalDate date, CoverageFilter filter) {
        return new Key(models.answeringGeneration(generation, date), date, filter);
    }

    /** The nearest finder of this generation; call it under the generation's read lock ({@link CoverageModels#read}). */
    NearestFinder nearestFinder(ModelGeneration generation) {
        // built outside the cache's compute (a Caffeine mapping function runs under a lock of the map; see fiberDistances)
        NearestFinder hit = finders.getIfPresent(generation.id());
        if (hit != null) {
            return hit;
        }
        synchronized (finders) {
            hit = finders.getIfPresent(generation.id());
            if (hit == null) {
                LastFinder last = lastFinder;
                hit = last != null && last.fiberVersion() == generation.fiberVersion()
                        ? last.finder().withSitesOf(generation.model()) : NearestFinder.of(generation.model());
                lastFinder = new LastFinder(generation.fiberVersion(), hit);
                finders.put(generation.id(), hit);
            }
            return hit;
        }
    }

    /**
     * What the nearest distances of a generation need, taken under its read lock: its finder (own indexes, immutable)
     * and settlements; the distances are then measured without the model's lock ({@link #nearestSiteAndFiberM}).
     */
    record NearestInputs(NearestFinder finder, java.util.List<uz.qamrov.engine.model.Settlement> settlements,
            long fiberVersion) {
    }

    /** Call under the generation's read lock. */
    NearestInputs nearestInputs(ModelGeneration generation) {
        return new NearestInputs(nearestFinder(generation), generation.model().settlements(), generation.fiberVersion());
    }

    /** Nearest site and fiber (metres, NaN for none) per settlement, in the inputs' order, any operator; no lock needed. */
    double[][] nearestSiteAndFiberM(NearestInputs in, LocalDate date) {
        double[] sites = in.finder().siteDistancesM(in.settlements(), date, null);
        // never inside Cache.get(key, fn): the distances are a parallel stream on the common pool, whose one worker
        // (two cores) may be running this cache's maintenance, blocked on the very map lock the mapping function
        // holds — a deadlock the load benchmark hit
        FiberKey key = new FiberKey(in.fiberVersion(), date);
        double[] fiber = fiberDistances.getIfPresent(key);
        if (fiber == null) {
            fiber = in.finder().fiberDistancesM(in.settlements(), date, null);
            fiberDistances.put(key, fiber);
        }
        return new double[][] {sites, fiber};
    }

    Indicators indicators(LocalDate date, CoverageFilter filter) {
        Key now = key(models.generationId(), date, filter);
        CoverageSnapshot full = snapshots.getIfPresent(now);
        if (full != null) {
            return full.indicators();
        }
        Indicators hit = indicators.getIfPresent(now);
        if (hit != null) {
            return hit;
        }
        var tagged = models.read(g -> g.model().indicators(date, filter));
        indicators.put(key(tagged.generation(), date, filter), tagged.value());
        return tagged.value();
    }
}
