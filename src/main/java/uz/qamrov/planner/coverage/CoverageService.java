package uz.qamrov.planner.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.engine.measure.Unit;
import org.locationtech.jts.io.WKBWriter;
import uz.qamrov.engine.measure.CoverageUnionBuilder;
import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.SettlementDistances;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Settlement;

/**
 * The coverage feature's facade: keeps the engine's in-memory {@link CoverageModel} of the whole country, answers
 * indicators for any date from it, stores results in PostGIS per as-of date, and updates the model incrementally
 * after imports.
 *
 * <p>Why in memory: the model precomputes, once, which cells reach which settlement and which stretch of road —
 * independent of date and operator — so any as-of date or filter is a cheap evaluation, not a new spatial join.
 */
@Service
public class CoverageService implements CoverageRuns, CoverageUpdater {

    private static final Logger log = LoggerFactory.getLogger(CoverageService.class);

    private final CoverageInputRepository inputs;
    private final CoverageResultRepository results;
    private final CoverageProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final Object lock = new Object();
    private volatile CoverageModel model;
    private volatile Map<Long, Settlement> settlements = Map.of();
    private final Map<Long, List<Long>> cellIdsBySite = new HashMap<>();
    /** Snapshots for the unfiltered view by date; cleared whenever the model changes. */
    private final Map<LocalDate, CoverageSnapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, CoverageSnapshot> eldest) {
            return size() > 24;
        }
    };
    private final AtomicReference<CoverageProgress> progress = new AtomicReference<>(CoverageProgress.idle());

    private final uz.qamrov.planner.terrain.TerrainStore terrain;

    CoverageService(CoverageInputRepository inputs, CoverageResultRepository results, CoverageProperties properties,
            TransactionTemplate tx, Clock clock, uz.qamrov.planner.terrain.TerrainStore terrain) {
        this.terrain = terrain;
        this.inputs = inputs;
        this.results = results;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public CoverageProgress progress() {
        return progress.get();
    }

    private final java.util.concurrent.atomic.AtomicBoolean recomputing = new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts a full recompute in the background unless one is running; progress via {@link #progress()}. */
    public boolean startFullRecompute() {
        if (!recomputing.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(() -> {
            try {
                rebuild();
                if (properties.polygons()) {
                    runWithPolygonsFor(null); // today's map is the one most asked for: have it ready
                } else {
                    runFor(null);
                }
            } catch (RuntimeException e) {
                log.error("coverage: full recompute failed", e);
            } finally {
                recomputing.set(false);
            }
        }, "coverage-recompute");
        t.setDaemon(true);
        t.start();
        return true;
    }

    public List<CoverageController.RunView> recentRuns() {
        return results.recentRuns(20);
    }

    /** Full recompute: reload every input, rebuild the model, drop stored results (recomputed on demand). */
    public void rebuild() {
        synchronized (lock) {
            long t0 = System.nanoTime();
            try {
                progress.set(CoverageProgress.running("loading inputs", 5));
                // the two big reads (cells, fiber) run beside the rest: each is a separate connection and core
                var cellsF = java.util.concurrent.CompletableFuture.supplyAsync(() -> inputs.cells(null));
                var fiberF = java.util.concurrent.CompletableFuture.supplyAsync(() -> inputs.fiberRoutes(null));
                List<Settlement> settlementList = inputs.settlements();
                var sites = inputs.sites(null);
                var lines = inputs.transportLines();
                var fiberNodes = inputs.fiberNodes(null);
                var declarations = inputs.declarations();
                var areas = inputs.adminAreas();
                List<Cell> cells = join(cellsF);
                var fiberRoutes = join(fiberF);
                long loaded = System.nanoTime();
                log.info("coverage: inputs loaded in {} ms: {} settlements, {} cells on {} sites, {} lines, {} fiber routes, {} nodes",
                        (loaded - t0) / 1_000_000, settlementList.size(), cells.size(), sites.size(), lines.size(),
                        fiberRoutes.size(), fiberNodes.size());
                progress.set(CoverageProgress.running("building model", 40));
                CoverageModel built = new CoverageModelBuilder().settings(settings()).settlements(settlementList).cells(cells)
                        .sites(sites).lines(lines).fiberRoutes(fiberRoutes).fiberNodes(fiberNodes)
                        .declarations(declarations).adminAreas(areas).terrain(terrain.dem()).build();
                log.info("coverage: footprints from {}", built.terrainDescription());
                long builtAt = System.nanoTime();
                lastRebuild = new RebuildTimings((loaded - t0) / 1_000_000, (builtAt - loaded) / 1_000_000);
                log.info("coverage: model built in {} ms", (builtAt - loaded) / 1_000_000);
                Map<Long, Settlement> byId = new HashMap<>();
                settlementList.forEach(s -> byId.put(s.id(), s));
                cellIdsBySite.clear();
                cells.forEach(c -> cellIdsBySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c.id()));
                this.settlements = byId;
                this.model = built;
                invalidate();
                progress.set(CoverageProgress.idle());
            } catch (RuntimeException e) {
                progress.set(new CoverageProgress("failed", "rebuild", 0, java.time.Instant.now(), e.getMessage()));
                throw e;
            }
        }
    }

    /** How long the last full rebuild spent reading PostGIS and building the model (for the benchmark and logs). */
    public record RebuildTimings(long loadMs, long buildMs) {
    }

    private volatile RebuildTimings lastRebuild;

    public RebuildTimings lastRebuild() {
        return lastRebuild;
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CoverageSettings settings() {
        return CoverageSettings.DEFAULTS.withFiberDropDistanceM(properties.fiberDropDistanceM());
    }

    private CoverageModel model() {
        CoverageModel m = model;
        if (m == null) {
            synchronized (lock) {
                // a request that arrives while the start-up build runs waits for it instead of building again
                if (model == null) {
                    rebuild();
                }
                m = model;
            }
        }
        return m;
    }

    /** The unfiltered evaluation at a date (cached). */
    public CoverageSnapshot snapshot(LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        CoverageModel m = model();
        synchronized (snapshots) {
            CoverageSnapshot s = snapshots.get(d);
            if (s != null) {
                return s;
            }
        }
        CoverageSnapshot s = m.evaluate(d, CoverageFilter.ANY);
        synchronized (snapshots) {
            snapshots.put(d, s);
        }
        return s;
    }

    public CoverageSnapshot snapshot(LocalDate asOf, CoverageFilter filter) {
        if (filter == null || filter.equals(CoverageFilter.ANY)) {
            return snapshot(asOf);
        }
        return model().evaluate(asOf == null ? today() : asOf, filter);
    }

    /** Indicators only (no per-settlement lists or stretch geometry): cached by date like the snapshots. */
    public Indicators indicators(LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        CoverageModel m = model();
        synchronized (snapshots) {
            CoverageSnapshot s = snapshots.get(d);
            if (s != null) {
                return s.indicators();
            }
            Indicators cached = indicatorCache.get(d);
            if (cached != null) {
                return cached;
            }
        }
        Indicators computed = m.indicators(d, CoverageFilter.ANY);
        synchronized (snapshots) {
            indicatorCache.put(d, computed);
        }
        return computed;
    }

    private final Map<LocalDate, Indicators> indicatorCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Indicators> eldest) {
            return size() > 64;
        }
    };

    @Override
    public long runWithPolygonsFor(LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        long runId = runFor(d);
        synchronized (polygonLock) {
            if (!results.hasPolygons(runId)) {
                long t0 = System.nanoTime();
                int stored = tx.execute(status -> {
                    int n = storePolygons(runId, d);
                    results.markPolygons(runId, n);
                    return n;
                });
                log.info("coverage: {} dissolved polygons for run {} ({}) in {} ms", stored, runId, d,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        }
        return runId;
    }

    private final Object polygonLock = new Object();

    @Override
    public long runFor(LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        synchronized (lock) {
            return results.succeededRun(d).orElseGet(() -> storeRun(d, "full"));
        }
    }

    private long storeRun(LocalDate asOf, String kind) {
        long t0 = System.nanoTime();
        CoverageSnapshot snapshot = snapshot(asOf);
        progress.set(CoverageProgress.running("storing results for " + asOf, 70));
        Long id = tx.execute(status -> {
            long runId = results.startRun(kind, asOf);
            results.storeSettlements(runId, snapshot.settlements(), nearestDistances(asOf));
            results.storeStretches(runId, snapshot.stretches(), "*");
            // per operator too: "where does operator X not cover this road" (gap lists filter by operator)
            for (String op : operators()) {
                results.storeStretches(runId, snapshot(asOf, CoverageFilter.operator(op)).stretches(), op);
            }
            results.storeIndicators(runId, snapshot.indicators().values());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            results.finishRun(runId, ms, "{\"settlement_rows\":" + snapshot.settlements().size() + ",\"stretches\":"
                    + snapshot.stretches().size() + "}");
            return runId;
        });
        progress.set(CoverageProgress.idle());
        log.info("coverage: results as of {} stored as run {} in {} ms", asOf, id, (System.nanoTime() - t0) / 1_000_000);
        return Objects.requireNonNull(id);
    }

    /** Nearest active site and fiber per settlement, for the gap lists ("how far is the network"). */
    private Map<Long, double[]> nearestDistances(LocalDate asOf) {
        CoverageModel m = model();
        Map<Long, double[]> out = new HashMap<>();
        for (SettlementDistances d : NearestFinder.of(m).distancesFor(m.settlements(), asOf, null)) {
            out.put(d.settlementId(), new double[] {nan(d.nearestSiteM()), nan(d.nearestFiberM())});
        }
        return out;
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    /**
     * Dissolved coverage per region, for every technology "or better", for any operator and for each operator. This
     * is the slow part of a run (polygon union, not indicators), so it runs only when polygons are asked for.
     */
    private int storePolygons(long runId, LocalDate asOf) {
        CoverageModel m = model();
        WKBWriter wkb = new WKBWriter();
        int stored = 0;
        List<String> operators = operators();
        List<CoverageUnionBuilder> builders = new ArrayList<>();
        for (Technology t : Technology.values()) {
            builders.add(new CoverageUnionBuilder(m).technologyAtLeast(t).verticesPerFullCircle(32));
        }
        for (String op : operators) {
            for (Technology t : Technology.values()) {
                builders.add(new CoverageUnionBuilder(m).technologyAtLeast(t).operator(op).verticesPerFullCircle(32));
            }
        }
        for (CoverageUnionBuilder b : builders) {
            for (RegionCoverage rc : b.build(asOf)) {
                if (rc.geometry().isEmpty()) {
                    continue;
                }
                results.storePolygon(runId, rc.technology().label(), rc.operator() == null ? "*" : rc.operator(),
                        rc.regionCode(), rc.areaKm2(), wkb.write(rc.geometry()));
                stored++;
            }
        }
        return stored;
    }

    @Override
    public List<IndicatorChange> onNetworkChanged(NetworkChange change) {
        if (change.isEmpty()) {
            return List.of();
        }
        LocalDate d = today();
        synchronized (lock) {
            Indicators before = indicators(d);
            Indicators after = applyChange(change, d);
            storeRun(d, change.adminLayersChanged() ? "full" : "incremental");
            return diff(before, after);
        }
    }

    /**
     * Brings the model up to date with a change and returns the indicators at {@code asOf}: a full rebuild when
     * admin layers changed, else only the changed rows are reloaded and re-examined.
     */
    public Indicators applyChange(NetworkChange change, LocalDate asOf) {
        synchronized (lock) {
            long t0 = System.nanoTime();
            if (change.adminLayersChanged() || model == null) {
                rebuild();
                return indicators(asOf);
            }
            Set<Long> siteIds = change.baseStationIds();
            List<Long> removedCells = new ArrayList<>();
            for (Long siteId : siteIds) {
                List<Long> ids = cellIdsBySite.remove(siteId);
                if (ids != null) {
                    removedCells.addAll(ids);
                }
            }
            List<Cell> added = siteIds.isEmpty() ? List.of() : inputs.cells(siteIds);
            added.forEach(c -> cellIdsBySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c.id()));
            var addedSites = siteIds.isEmpty() ? List.<uz.qamrov.engine.model.Site>of() : inputs.sites(siteIds);
            var stats = model.applySiteChanges(removedCells, added, siteIds, addedSites);
            var fiberStats = model.applyFiberChanges(change.fiberRouteIds(),
                    change.fiberRouteIds().isEmpty() ? List.of() : inputs.fiberRoutes(change.fiberRouteIds()),
                    change.fiberNodeIds(),
                    change.fiberNodeIds().isEmpty() ? List.of() : inputs.fiberNodes(change.fiberNodeIds()));
            invalidate();
            Indicators result = indicators(asOf);
            log.info("coverage: incremental update of {} sites, {} fiber routes, {} nodes in {} ms ({}, {})",
                    siteIds.size(), change.fiberRouteIds().size(), change.fiberNodeIds().size(),
                    (System.nanoTime() - t0) / 1_000_000, stats, fiberStats);
            return result;
        }
    }

    /** Every cell's footprint radius as the model computed it (explicit range or link budget), by cell id. */
    public Map<Long, Double> cellRangesM() {
        CoverageModel m = model();
        Map<Long, Double> out = new HashMap<>();
        for (Cell c : m.cells()) {
            out.put(c.id(), m.rangeOf(c.id()).radiusM());
        }
        return out;
    }

    private void invalidate() {
        synchronized (snapshots) {
            snapshots.clear();
            indicatorCache.clear();
        }
        tx.executeWithoutResult(status -> results.deleteAllRuns());
    }

    /** National and regional indicators whose value moved, in API units. */
    static List<IndicatorChange> diff(Indicators before, Indicators after) {
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
                changes.add(new IndicatorChange(v.key(), v.scopeCode(), o == null ? null : apiValue(o), apiValue(v), apiUnit(v.unit())));
            }
        }
        old.forEach((k, o) -> {
            if (!seen.contains(k)) {
                changes.add(new IndicatorChange(o.key(), o.scopeCode(), apiValue(o), null, apiUnit(o.unit())));
            }
        });
        return changes;
    }

    /** Ratios are 0..1 inside, percent at the API. */
    public static double apiValue(IndicatorValue v) {
        return v.unit() == Unit.RATIO ? v.value() * 100 : v.value();
    }

    public static String apiUnit(Unit unit) {
        return switch (unit) {
            case RATIO -> "%";
            case COUNT -> "count";
            case KM -> "km";
        };
    }

    private List<String> operators() {
        return model().cells().stream().map(Cell::operator).distinct().sorted().toList();
    }

    public Map<Long, Settlement> settlements() {
        model();
        return settlements;
    }
}
