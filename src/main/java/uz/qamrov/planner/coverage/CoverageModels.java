package uz.qamrov.planner.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.ReusableFootprints;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.measure.SiteChange;
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

    /** A label in {@code coverage_generations.engine} for people; it decides nothing ({@link GenerationDigests} does). */
    // 4: signal classes and gap reasons (V065); 5: radial footprints end at the outermost root, terrain radials
    // interpolated where walked neighbours agree (#11, third pass)
    static final String ENGINE_VERSION = "engine-5";

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
    /** Each generation since the last rebuild that changed some answer, with the first date it changed. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, LocalDate> effectiveFrom =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    /** What each generation since the last rebuild touched: what a run of today carries over. */
    private final GenerationChanges changes = new GenerationChanges();
    private volatile CoverageService.RebuildTimings lastRebuild;
    private volatile CoverageService.ChangeTimings lastChange;

    private final uz.qamrov.planner.terrain.TerrainStore terrain;
    private final GenerationDigests digests;

    CoverageModels(CoverageInputRepository inputs, CoverageResultRepository results, CoverageProperties properties,
            ApplicationEventPublisher events, uz.qamrov.planner.terrain.TerrainStore terrain) {
        this.terrain = terrain;
        this.inputs = inputs;
        this.results = results;
        this.properties = properties;
        this.events = events;
        this.digests = new GenerationDigests(results, properties.backgroundNice());
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        digests.stop();
    }

    CoverageSettings settings() {
        return CoverageSettings.DEFAULTS.withFiberDropDistanceM(properties.fiberDropDistanceM())
                .withRadio(terrain.radioSettings());
    }

    String engineFingerprint() {
        // the radio settings do not say whether a DEM is in use; terrain on or off changes the answers too
        return ENGINE_VERSION + " " + settings() + " dem=" + (terrain.dem() != null);
    }

    /**
     * The newest generation up to {@code generation} that may have changed the answers for {@code date}: every
     * generation from it to {@code generation} answers that date the same way (later changes took effect after the
     * date). Caches of evaluations are keyed by it, so a change effective today does not void yesterday's answers —
     * the same rule that decides whether a stored run is stale.
     */
    long answeringGeneration(long generation, LocalDate date) {
        for (Map.Entry<Long, LocalDate> e : effectiveFrom.headMap(generation, true).descendingMap().entrySet()) {
            if (!e.getValue().isAfter(date)) {
                return e.getKey();
            }
        }
        return generation;
    }

    /**
     * The settlements and operators the generations after {@code since} up to {@code upTo} touched (what a run of
     * {@code since} computed stays right for the rest), or null when not known (a rebuild came in between).
     */
    GenerationChanges.Touched touchedBetween(long since, long upTo) {
        return changes.between(since, upTo);
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

    CoverageService.ChangeTimings lastChange() {
        return lastChange;
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
        long asked = System.nanoTime();
        lock.readLock().lock();
        long got = System.nanoTime();
        try {
            ModelGeneration g = current;
            if (g == null) {
                throw new CoverageNotReadyException("the coverage model is being built", 10);
            }
            return new Tagged<>(g.id(), reader.apply(g));
        } finally {
            lock.readLock().unlock();
            slowLock("read", asked, got);
        }
    }

    /** Whether this thread holds the read lock (inside {@link #read}): then it must not wait for another reader. */
    boolean readingHere() {
        return lock.getReadHoldCount() > 0;
    }

    /** Logs a wait for, or a hold of, the model's lock over a second: what an import and its queued readers wait on. */
    private static void slowLock(String what, long asked, long got) {
        long waitMs = (got - asked) / 1_000_000;
        long heldMs = (System.nanoTime() - got) / 1_000_000;
        if (waitMs > 1_000 || heldMs > 1_000) {
            // the caller (the first frame outside this class): which read it was, without a label at every call site
            StackTraceElement caller = java.util.Arrays.stream(new Throwable().getStackTrace())
                    .filter(f -> !f.getClassName().startsWith(CoverageModels.class.getName())).findFirst().orElse(null);
            log.warn("coverage: a {} waited {} ms for the model's lock and held it {} ms ({}, {})", what, waitMs, heldMs,
                    Thread.currentThread().getName(), caller);
        }
    }

    /** A generation's inputs: the layers only a rebuild changes ({@code fixed}) and everything ({@code all}). */
    record GenerationInputs(long id, StoredInputs fixed, StoredInputs all) {
    }

    /**
     * The current generation's inputs, taken under the change lock so that they agree with its model, or null before
     * the first generation.
     */
    GenerationInputs currentInputs() {
        changeLock.lock();
        try {
            ModelGeneration g = current;
            return g == null ? null : new GenerationInputs(g.id(), g.fixedInputs(), StoredInputs.of(g.fixedInputs(), g));
        } finally {
            changeLock.unlock();
        }
    }

    /**
     * A model of {@code in} with the live settings and DEM, owned by the caller (never a generation), taking the
     * current generation's footprints of equal cells (a later change of the live model costs reuse, never correctness).
     */
    CoverageModel build(StoredInputs in) {
        return in.build(settings(), terrain.dem(), currentFootprints());
    }

    /** Every input as the database holds it now (a copy made before the first generation). */
    StoredInputs loadInputs() {
        return StoredInputs.load(inputs);
    }

    /**
     * The current generation's footprints for a model built next: a footprint depends only on its cell, the cell's
     * environment class, the settings and the DEM, and the engine takes one only where all of these are the same.
     */
    private ReusableFootprints currentFootprints() {
        ModelGeneration g = current;
        return g == null ? null : g.model().reusableFootprints();
    }

    /** Full rebuild from the database: a new generation that may change every date. */
    long rebuild() {
        changeLock.lock();
        try {
            StoredInputs in = StoredInputs.load(inputs);
            log.info("coverage: inputs loaded in {} ms: {}", in.loadMs(), in);
            long t0 = System.nanoTime();
            CoverageModel model = in.build(settings(), terrain.dem(), currentFootprints());
            long buildMs = (System.nanoTime() - t0) / 1_000_000;
            lastRebuild = new CoverageService.RebuildTimings(in.loadMs(), buildMs, model.footprintsReused(),
                    in.cells().size());
            log.info("coverage: model built in {} ms, footprints from {} ({} of {} taken unchanged from the previous"
                    + " generation, with their reach: {})", buildMs, model.terrainDescription(), model.footprintsReused(),
                    in.cells().size(), model.hitsReused());
            Map<Long, Settlement> byId = new HashMap<>();
            in.settlements().forEach(s -> byId.put(s.id(), s));
            SiteCells bySite = SiteCells.of(in.cells());
            Map<Long, FiberRoute> routeById = new HashMap<>();
            in.routes().forEach(r -> routeById.put(r.id(), r));
            Map<Long, FiberNode> nodeById = new HashMap<>();
            in.nodes().forEach(n -> nodeById.put(n.id(), n));
            // a rebuild may answer differently for any date (another build, data changed while we were down), unless
            // the code, settings, terrain and every input are the newest generation's: then it changes no date
            GenerationDigests.Rebuilt rebuilt = digests.recordRebuild(in, engineFingerprint(), terrain.fingerprint());
            long id = rebuilt.id();
            LocalDate from = rebuilt.effectiveFrom();
            if (from != null) {
                effectiveFrom.put(id, LocalDate.MIN);
                effectiveFrom.headMap(id).clear(); // nothing before a rebuild can answer for any date any more
            }
            changes.rebuilt(id);
            swap(new ModelGeneration(id, model, Map.copyOf(byId), bySite, routeById, nodeById, id, in.fixedPart()));
            dirty = null;
            events.publishEvent(new GenerationChanged(id, from));
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
        var network = siteIds.isEmpty() ? new CoverageInputRepository.SitesAndCells(List.of(), List.of())
                : inputs.sitesAndCells(siteIds);
        return new ChangedRows(change, network.sites(), network.cells(),
                change.fiberRouteIds().isEmpty() ? List.of() : inputs.fiberRoutes(change.fiberRouteIds()),
                change.fiberNodeIds().isEmpty() ? List.of() : inputs.fiberNodes(change.fiberNodeIds()));
    }

    private Applied applyIncrementally(ModelGeneration g, NetworkChange change) {
        long t0 = System.nanoTime();
        Set<Long> siteIds = change.baseStationIds();
        // 1. read (no side effects)
        ChangedRows read = read(change);
        List<Cell> newCells = read.cells();
        List<Site> newSites = read.sites();
        List<FiberRoute> newRoutes = read.routes();
        List<FiberNode> newNodes = read.nodes();
        // 2. what it changes, and the next generation's indexes (new maps; the current ones stay as they are)
        ChangeWindow window = new ChangeWindow();
        Map<Long, List<Cell>> siteChanges = new HashMap<>();
        Map<Long, List<Cell>> addedBySite = new HashMap<>();
        newCells.forEach(c -> addedBySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c));
        List<Long> removedCellIds = new ArrayList<>();
        List<Cell> removedCells = new ArrayList<>();
        for (Long siteId : siteIds) {
            List<Cell> before = g.cellsBySite().of(siteId);
            List<Cell> after = addedBySite.getOrDefault(siteId, List.of());
            before.forEach(c -> removedCellIds.add(c.id()));
            removedCells.addAll(before);
            siteChanges.put(siteId, after);
            Validity old = before.isEmpty() ? null : before.get(0).validity();
            Validity now = after.isEmpty() ? null : after.get(0).validity();
            window.row(old, now, !before.isEmpty() && ChangeWindow.sameExceptValidity(before, after));
        }
        Map<Long, FiberRoute> routes = window.nextRows(g.fiberRoutes(), change.fiberRouteIds(), newRoutes,
                FiberRoute::id, FiberRoute::validity);
        Map<Long, FiberNode> nodes = window.nextRows(g.fiberNodes(), change.fiberNodeIds(), newNodes, FiberNode::id,
                FiberNode::validity);
        SiteCells cellsBySite = g.cellsBySite().with(siteChanges);
        // 3. measure the new cells' footprints and reach under the engine's read lock only (readers go on), then
        //    link them under the write lock; changeLock keeps any other change from coming in between
        long readDone = System.nanoTime();
        SiteChange prepared = g.model().prepareSiteChanges(removedCellIds, newCells, siteIds, newSites);
        LocalDate from = window.earliest();
        // the generation's row before the lock (a database round trip readers need not wait for); should linking
        // fail below, the row stays unused, which nothing reads
        long id = results.newGeneration("incremental", from, engineFingerprint(), null);
        long measuredAt = System.nanoTime();
        Applied applied;
        lock.writeLock().lock();
        long locked = System.nanoTime();
        try {
            var siteStats = g.model().applySiteChanges(prepared);
            var fiberStats = g.model().applyFiberChanges(change.fiberRouteIds(), newRoutes, change.fiberNodeIds(), newNodes);
            if (from != null) {
                effectiveFrom.put(id, from);
            }
            changes.changed(id, siteStats.touchedSettlementIds(), operatorsOf(removedCells, newCells),
                    siteStats.sitesOnlyAdded() ? newSites : null);
            boolean fiberChanged = !change.fiberRouteIds().isEmpty() || !change.fiberNodeIds().isEmpty();
            current = new ModelGeneration(id, g.model(), g.settlements(), cellsBySite, routes, nodes,
                    fiberChanged ? id : g.fiberVersion(), g.fixedInputs());
            lastChange = new CoverageService.ChangeTimings((readDone - t0) / 1_000_000, (System.nanoTime() - readDone) / 1_000_000);
            applied = new Applied(id, from, siteStats + ", " + fiberStats);
        } finally {
            lock.writeLock().unlock();
            slowLock("change", measuredAt, locked);
        }
        // after the lock, as a rebuild does: the listeners (the run store queues the dates to recompute, which reads
        // the database) need not hold up every reader
        events.publishEvent(new GenerationChanged(id, from));
        digests.storeLater(id, () -> { // this generation's inputs, unless a newer one came first (its own task follows)
            GenerationInputs now = currentInputs();
            return now != null && now.id() == id ? now.all() : null;
        }, this::engineFingerprint, terrain::fingerprint);
        return applied;
    }

    private static Set<String> operatorsOf(List<Cell> removed, List<Cell> added) {
        Set<String> out = new java.util.HashSet<>();
        removed.forEach(c -> out.add(c.operator()));
        added.forEach(c -> out.add(c.operator()));
        return out;
    }

    private void swap(ModelGeneration next) {
        lock.writeLock().lock();
        try {
            current = next;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
