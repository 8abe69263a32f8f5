package uz.qamrov.planner.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;

/**
 * Each settlement's distance to the nearest active site and to the nearest active fiber on a date (what a stored run
 * keeps beside coverage, and what a gap's reason quotes). The inputs are taken under the generation's read lock
 * ({@link #inputs}); the distances are measured without it ({@link #measure}). What no change since touched is
 * carried over:
 * <ul>
 *   <li>the fiber index and the fiber distances, while the fiber is the same ({@link ModelGeneration#fiberVersion});</li>
 *   <li>the site distances of a date, after uploads that only added sites: a new site can only bring the nearest one
 *       closer ({@link NearestFinder#narrowedByAddedSites}), so only the new sites are searched;</li>
 *   <li>for a date not measured yet, the distances of the nearest date measured on the same sites (or fiber): only
 *       what is active on one of the two dates is searched ({@link NearestFinder#siteDistancesFrom}).</li>
 * </ul>
 */
@Component
class NearestDistances {

    private final CoverageModels models;
    private final Clock clock;

    /**
     * The nearest-site/fiber index of a generation: building it (every site and fiber route of the country) costs
     * seconds, its queries milliseconds, and every run of one generation uses it.
     */
    private final Cache<Long, NearestFinder> finders = Caffeine.newBuilder().executor(Runnable::run).maximumSize(1).build();

    /** The last finder built and its generation's fiber version: a generation with the same fiber shares its index. */
    private record LastFinder(long fiberVersion, NearestFinder finder) {
    }

    private volatile LastFinder lastFinder;

    private record FiberKey(long fiberVersion, LocalDate date) {
    }

    /**
     * Fiber distances by fiber version and date (model order; NaN for none): an upload of sites leaves them. Today and
     * later dates apart from the past ones: the precomputation of a hundred month-ends would push today's out, and
     * today's run follows every upload.
     */
    private final Cache<FiberKey, double[]> pastFiberDistances = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(32).build();
    private final Cache<FiberKey, double[]> currentFiberDistances = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(4).build();

    /** Site distances of a date and the generation they were measured on. */
    private record LastSites(long generation, double[] distancesM) {
    }

    /** ~100 KB each for the national dataset. */
    private final Cache<LocalDate, LastSites> lastSiteDistances = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(48).build();

    NearestDistances(CoverageModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    /**
     * What the distances of one generation and date need. Either a finder (measure everything), or the distances of
     * an earlier generation with the sites added since and the fiber distances already known (narrow them).
     */
    record Inputs(long generation, List<Settlement> settlements, long fiberVersion, Supplier<NearestFinder> finder,
            double[] sitesBefore, List<Site> addedSites, double[] fiber, Dated otherSites, Dated otherFiber) {
    }

    /** Distances measured on another date (model order), or null. */
    record Dated(LocalDate date, double[] distancesM) {
    }

    /** Call under the generation's read lock ({@link CoverageModels#read}). */
    Inputs inputs(ModelGeneration g, LocalDate date) {
        LastSites last = lastSiteDistances.getIfPresent(date);
        GenerationChanges.Touched since = last == null ? null : models.touchedBetween(last.generation(), g.id());
        double[] fiber = fiberDistances(date).getIfPresent(new FiberKey(g.fiberVersion(), date));
        List<Settlement> settlements = g.model().settlements();
        if (since != null && since.addedSites() != null && fiber != null
                && last.distancesM().length == settlements.size()) {
            return new Inputs(g.id(), settlements, g.fiberVersion(), null, last.distancesM(), since.addedSites(), fiber,
                    null, null);
        }
        return new Inputs(g.id(), settlements, g.fiberVersion(), finder(g), null, null, fiber,
                nearestDate(date, lastSiteDistances.asMap(), e -> e.generation() == g.id() ? e.distancesM() : null),
                fiber != null ? null : nearestFiberDate(g.fiberVersion(), date));
    }

    /** The distances of the date nearest {@code date} among {@code byDate} that {@code usable} accepts, or null. */
    private static <V> Dated nearestDate(LocalDate date, Map<LocalDate, V> byDate, Function<V, double[]> usable) {
        Dated best = null;
        for (Map.Entry<LocalDate, V> e : byDate.entrySet()) {
            double[] d = usable.apply(e.getValue());
            if (d != null && !e.getKey().equals(date) && (best == null || Math.abs(e.getKey().toEpochDay() - date.toEpochDay())
                    < Math.abs(best.date().toEpochDay() - date.toEpochDay()))) {
                best = new Dated(e.getKey(), d);
            }
        }
        return best;
    }

    private Dated nearestFiberDate(long fiberVersion, LocalDate date) {
        Map<LocalDate, double[]> sameFiber = new HashMap<>();
        for (Cache<FiberKey, double[]> c : List.of(pastFiberDistances, currentFiberDistances)) {
            c.asMap().forEach((k, v) -> {
                if (k.fiberVersion() == fiberVersion) {
                    sameFiber.put(k.date(), v);
                }
            });
        }
        return nearestDate(date, sameFiber, v -> v);
    }

    /** Nearest site and fiber (metres, NaN for none) per settlement, in the inputs' order, any operator; no lock needed. */
    double[][] measure(Inputs in, LocalDate date) {
        double[] sites;
        if (in.finder() == null) {
            sites = NearestFinder.narrowedByAddedSites(in.sitesBefore(), in.settlements(), in.addedSites(), date, null);
        } else if (in.otherSites() != null && in.otherSites().distancesM().length == in.settlements().size()) {
            sites = in.finder().get().siteDistancesFrom(in.otherSites().distancesM(), in.otherSites().date(),
                    in.settlements(), date);
        } else {
            sites = in.finder().get().siteDistancesM(in.settlements(), date, null);
        }
        lastSiteDistances.put(date, new LastSites(in.generation(), sites));
        // never inside Cache.get(key, fn): the distances are a parallel stream on the common pool, whose one worker
        // (two cores) may be running this cache's maintenance, blocked on the very map lock the mapping function
        // holds — a deadlock the load benchmark hit
        double[] fiber = in.fiber();
        if (fiber == null) {
            Dated other = in.otherFiber();
            fiber = other != null && other.distancesM().length == in.settlements().size()
                    ? in.finder().get().fiberDistancesFrom(other.distancesM(), other.date(), in.settlements(), date)
                    : in.finder().get().fiberDistancesM(in.settlements(), date, null);
            fiberDistances(date).put(new FiberKey(in.fiberVersion(), date), fiber);
        }
        return new double[][] {sites, fiber};
    }

    private Cache<FiberKey, double[]> fiberDistances(LocalDate date) {
        return date.isBefore(LocalDate.now(clock)) ? pastFiberDistances : currentFiberDistances;
    }

    /**
     * The nearest finder of this generation, or how to build it: under the generation's read lock only its sites (and
     * fiber, when the fiber changed) are listed; the indexes are built when first used, without the lock (the fiber
     * index of 300,000 route pieces took seconds, and an import waiting for the write lock waited for it).
     */
    Supplier<NearestFinder> finder(ModelGeneration generation) {
        NearestFinder hit = finders.getIfPresent(generation.id());
        if (hit != null) {
            return () -> hit;
        }
        LastFinder last = lastFinder;
        List<Site> sites = generation.model().sites();
        boolean sameFiber = last != null && last.fiberVersion() == generation.fiberVersion();
        List<FiberRoute> routes = sameFiber ? null : generation.model().fiberRoutes();
        List<FiberNode> nodes = sameFiber ? null : generation.model().fiberNodes();
        long id = generation.id();
        long fiberVersion = generation.fiberVersion();
        return () -> {
            // built outside the cache's compute (a Caffeine mapping function runs under a lock of the map)
            synchronized (finders) {
                NearestFinder built = finders.getIfPresent(id);
                if (built == null) {
                    built = sameFiber ? last.finder().withSites(sites) : NearestFinder.of(sites, routes, nodes);
                    lastFinder = new LastFinder(fiberVersion, built);
                    finders.put(id, built);
                }
                return built;
            }
        };
    }
}
