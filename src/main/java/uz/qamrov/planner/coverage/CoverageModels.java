package uz.qamrov.planner.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Validity;

/**
 * The one owner of the current coverage model. Hands out reads tagged with their generation and applies changes
 * as: read every changed row (no side effects) → validate → apply under the write lock → new generation. A
 * failure leaves the current generation untouched (the engine validates before it mutates), marks the model dirty
 * and the caller starts a full rebuild; {@link #dirty()} and the status endpoint say so.
 *
 * <p>Model changes are serialised ({@code changeLock}); reads only wait for the short swap under the write lock.
 */
@Component
class CoverageModels {

    private static final Logger log = LoggerFactory.getLogger(CoverageModels.class);

    /** Bump when the engine's answers change for the same inputs: stored runs of another engine are stale. */
    static final String ENGINE_VERSION = "engine-3";

    /** A value read from one generation. */
    record Tagged<T>(long generation, T value) {
    }

    /** What a change did: the generation it made, the earliest date it touched, and the model's own stats. */
    record Applied(long generation, LocalDate effectiveFrom, String stats) {
    }

    private final CoverageInputRepository inputs;
    private final CoverageResultRepository results;
    private final CoverageProperties properties;
    private final ApplicationEventPublisher events;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock changeLock = new ReentrantLock();
    private volatile ModelGeneration current;
    private volatile String dirty;
    private volatile CoverageService.RebuildTimings lastRebuild;

    private final uz.qamrov.planner.terrain.TerrainStore terrain;

    CoverageModels(CoverageInputRepository inputs, CoverageResultRepository results, CoverageProperties properties,
            ApplicationEventPublisher events, uz.qamrov.planner.terrain.TerrainStore terrain) {
        this.terrain = terrain;
        this.inputs = inputs;
        this.results = results;
        this.properties = properties;
        this.events = events;
    }

    CoverageSettings settings() {
        return CoverageSettings.DEFAULTS.withFiberDropDistanceM(properties.fiberDropDistanceM())
                .withRadio(terrain.radioSettings());
    }

    String engineFingerprint() {
        return ENGINE_VERSION + " " + settings();
    }

    /** The current generation's id, or -1 before the first build. */
    long generationId() {
        ModelGeneration g = current;
        return g == null ? -1 : g.id();
    }

    boolean ready() {
        return current != null;
    }

    /** Why the model is known to be out of date with the database (a failed change), or null. */
    String dirty() {
        return dirty;
    }

    CoverageService.RebuildTimings lastRebuild() {
        return lastRebuild;
    }

    /**
     * With {@code compute-on-start: false} (tests, tools) nothing builds the first generation in the background:
     * the first reader builds it. With it on, readers get 503 until the start-up build is done.
     */
    void buildIfLazy() {
        if (current == null && !properties.computeOnStart()) {
            changeLock.lock();
            try {
                if (current == null) {
                    rebuild();
                }
            } finally {
                changeLock.unlock();
            }
        }
    }

    /** Reads the current generation under the read lock; the result is tagged with that generation. */
    <T> Tagged<T> read(Function<ModelGeneration, T> reader) {
        lock.readLock().lock();
        try {
            ModelGeneration g = current;
            if (g == null) {
                throw new CoverageNotReadyException("the coverage model is being built", 10);
            }
            return new Tagged<>(g.id(), reader.apply(g));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A model built from the stored inputs with the live settings, owned by the caller (never a generation). */
    CoverageModel buildDetached() {
        return new CoverageModelBuilder().settings(settings()).settlements(inputs.settlements()).cells(inputs.cells(null))
                .sites(inputs.sites(null)).lines(inputs.transportLines()).fiberRoutes(inputs.fiberRoutes(null))
                .fiberNodes(inputs.fiberNodes(null)).declarations(inputs.declarations()).adminAreas(inputs.adminAreas())
                .terrain(terrain.dem()).build();
    }

    /** Full rebuild from the database: a new generation that may change every date. */
    long rebuild() {
        changeLock.lock();
        try {
            long t0 = System.nanoTime();
            var cellsF = CompletableFuture.supplyAsync(() -> inputs.cells(null));
            var fiberF = CompletableFuture.supplyAsync(() -> inputs.fiberRoutes(null));
            List<Settlement> settlementList = inputs.settlements();
            List<Site> sites = inputs.sites(null);
            var lines = inputs.transportLines();
            List<FiberNode> nodes = inputs.fiberNodes(null);
            var declarations = inputs.declarations();
            var areas = inputs.adminAreas();
            List<Cell> cells = join(cellsF);
            List<FiberRoute> routes = join(fiberF);
            long loaded = System.nanoTime();
            log.info("coverage: inputs loaded in {} ms: {} settlements, {} cells on {} sites, {} lines, {} fiber routes, {} nodes",
                    (loaded - t0) / 1_000_000, settlementList.size(), cells.size(), sites.size(), lines.size(), routes.size(),
                    nodes.size());
            CoverageModel model = new CoverageModelBuilder().settings(settings()).settlements(settlementList).cells(cells)
                    .sites(sites).lines(lines).fiberRoutes(routes).fiberNodes(nodes).declarations(declarations)
                    .adminAreas(areas).terrain(terrain.dem()).build();
            log.info("coverage: footprints from {}", model.terrainDescription());
            long built = System.nanoTime();
            lastRebuild = new CoverageService.RebuildTimings((loaded - t0) / 1_000_000, (built - loaded) / 1_000_000);
            log.info("coverage: model built in {} ms", (built - loaded) / 1_000_000);
            Map<Long, Settlement> byId = new HashMap<>();
            settlementList.forEach(s -> byId.put(s.id(), s));
            Map<Long, List<Cell>> bySite = new HashMap<>();
            cells.forEach(c -> bySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c));
            Map<Long, Validity> routeValidity = new HashMap<>();
            routes.forEach(r -> routeValidity.put(r.id(), r.validity()));
            Map<Long, Validity> nodeValidity = new HashMap<>();
            nodes.forEach(n -> nodeValidity.put(n.id(), n.validity()));
            // a rebuild may answer differently for any date (another engine, data changed while we were down)
            long id = results.newGeneration("full", LocalDate.MIN, engineFingerprint());
            swap(new ModelGeneration(id, model, Map.copyOf(byId), bySite, routeValidity, nodeValidity));
            dirty = null;
            events.publishEvent(new GenerationChanged(id, LocalDate.MIN));
            return id;
        } finally {
            changeLock.unlock();
        }
    }

    /**
     * Applies the network rows a committed import changed. Everything is read and validated before the model is
     * touched; on failure the current generation stays, the model is marked dirty and the exception propagates
     * (the caller starts a rebuild).
     */
    Applied apply(NetworkChange change) {
        changeLock.lock();
        try {
            ModelGeneration g = current;
            if (g == null || change.adminLayersChanged()) {
                long id = rebuild();
                return new Applied(id, LocalDate.MIN, "full rebuild");
            }
            try {
                return applyIncrementally(g, change);
            } catch (RuntimeException e) {
                dirty = "an incremental update failed (" + e.getMessage() + "); a full recompute repairs it";
                throw e;
            }
        } finally {
            changeLock.unlock();
        }
    }

    /**
     * The rows a change makes the model load, read in the caller's transaction (no side effects): an import's dry run
     * reads them before its rollback, an applied import after its commit.
     */
    ChangedRows read(NetworkChange change) {
        Set<Long> siteIds = change.baseStationIds();
        return new ChangedRows(change, siteIds.isEmpty() ? List.of() : inputs.sites(siteIds),
                siteIds.isEmpty() ? List.of() : inputs.cells(siteIds),
                change.fiberRouteIds().isEmpty() ? List.of() : inputs.fiberRoutes(change.fiberRouteIds()),
                change.fiberNodeIds().isEmpty() ? List.of() : inputs.fiberNodes(change.fiberNodeIds()));
    }

    private Applied applyIncrementally(ModelGeneration g, NetworkChange change) {
        Set<Long> siteIds = change.baseStationIds();
        // 1. read (no side effects)
        ChangedRows read = read(change);
        List<Cell> newCells = read.cells();
        List<Site> newSites = read.sites();
        List<FiberRoute> newRoutes = read.routes();
        List<FiberNode> newNodes = read.nodes();
        // 2. what it changes, and the next generation's indexes (new maps; the current ones stay as they are)
        ChangeWindow window = new ChangeWindow();
        Map<Long, List<Cell>> cellsBySite = new HashMap<>(g.cellsBySite());
        Map<Long, List<Cell>> addedBySite = new HashMap<>();
        newCells.forEach(c -> addedBySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c));
        Map<Long, Site> siteById = new HashMap<>();
        newSites.forEach(s -> siteById.put(s.id(), s));
        List<Long> removedCellIds = new ArrayList<>();
        for (Long siteId : siteIds) {
            List<Cell> before = cellsBySite.remove(siteId);
            List<Cell> after = addedBySite.getOrDefault(siteId, List.of());
            if (before != null) {
                before.forEach(c -> removedCellIds.add(c.id()));
            }
            if (!after.isEmpty()) {
                cellsBySite.put(siteId, after);
            }
            Validity old = before == null || before.isEmpty() ? null : before.get(0).validity();
            Validity now = after.isEmpty() ? null : after.get(0).validity();
            window.row(old, now, before != null && ChangeWindow.sameExceptValidity(before, after));
        }
        Map<Long, Validity> routes = rows(g.fiberRoutes(), change.fiberRouteIds(), newRoutes, FiberRoute::id,
                FiberRoute::validity, window);
        Map<Long, Validity> nodes = rows(g.fiberNodes(), change.fiberNodeIds(), newNodes, FiberNode::id,
                FiberNode::validity, window);
        // 3. apply: the engine validates everything before it mutates anything
        lock.writeLock().lock();
        try {
            var siteStats = g.model().applySiteChanges(removedCellIds, newCells, siteIds, newSites);
            var fiberStats = g.model().applyFiberChanges(change.fiberRouteIds(), newRoutes, change.fiberNodeIds(), newNodes);
            LocalDate from = window.earliest();
            long id = results.newGeneration("incremental", from, engineFingerprint());
            current = new ModelGeneration(id, g.model(), g.settlements(), cellsBySite, routes, nodes);
            events.publishEvent(new GenerationChanged(id, from));
            return new Applied(id, from, siteStats + ", " + fiberStats);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The next generation's validity map for one kind of fiber row. Rows whose content other than validity changed
     * keep their id only on a same-day rewrite of sites; fiber rows always get a new id, so validity is the whole story.
     */
    private static <R> Map<Long, Validity> rows(Map<Long, Validity> before, Set<Long> ids, List<R> loaded,
            Function<R, Long> id, Function<R, Validity> validity, ChangeWindow window) {
        if (ids.isEmpty()) {
            return before;
        }
        Map<Long, Validity> next = new HashMap<>(before);
        Map<Long, Validity> now = new HashMap<>();
        loaded.forEach(r -> now.put(id.apply(r), validity.apply(r)));
        for (Long i : ids) {
            Validity old = next.remove(i);
            Validity v = now.get(i);
            if (v != null) {
                next.put(i, v);
            }
            window.row(old, v, true);
        }
        return next;
    }

    private void swap(ModelGeneration next) {
        lock.writeLock().lock();
        try {
            current = next;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
