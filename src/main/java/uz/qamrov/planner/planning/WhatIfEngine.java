package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.coverage.DetachedCopies;
import uz.qamrov.planner.coverage.GenerationChanged;

/**
 * What-if indicators from the real engine: one detached copy of the coverage model ({@link DetachedCopies}: a copy
 * of the current generation's, brought to each later generation by the network's difference), to which a delta's
 * additions/removals/replacements are applied incrementally, measured, and reverted. The incremental path re-examines only the settlements and road edges the
 * changed footprints touch, which is what keeps a 1,000-site what-if well under the cost of a rebuild. Plans,
 * scenarios and import dry runs all measure through here: one definition of a what-if.
 *
 * <p>One what-if at a time (synchronized): the copy is shared. Staleness: the copy remembers the coverage
 * generation ({@link CoverageService#generation()}) it copies; any later generation (a rebuild, or an import applied
 * incrementally — which changes the live model in place, so its identity says nothing) makes the next call bring
 * the copy to it. A delta the engine refuses (or anything failing half-way) drops the copy, so a half-applied one is never reused.
 *
 * <p>Once planning has used the copy, every new generation brings it up to date in the background
 * ({@link #onGenerationChanged}): after a rebuild that is a new copy (5–10 s nationally), which the next plan, scenario
 * or dry run would otherwise wait for. After a large upload the copy is released instead ({@link DetachedCopies#follow}).
 */
@Component
class WhatIfEngine {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WhatIfEngine.class);

    private final CoverageService coverage;
    private final DetachedCopies copies;
    /** The copy, always restored to its generation between calls; null until first used or after a failure. */
    private volatile DetachedCopies.Copy detached;
    /** Brings a used copy to each new generation, off the thread that published it. */
    private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "what-if-copy");
        t.setDaemon(true);
        return t;
    });
    /** A refresh is queued and not started: later generations are served by it. */
    private final java.util.concurrent.atomic.AtomicBoolean refreshQueued = new java.util.concurrent.atomic.AtomicBoolean();

    WhatIfEngine(CoverageService coverage, DetachedCopies copies) {
        this.coverage = coverage;
        this.copies = copies;
    }

    /** Indicators of the unchanged network at {@code asOf} (from the same copy as {@link #with}). */
    synchronized Indicators baseline(LocalDate asOf) {
        return model().indicators(asOf, CoverageFilter.ANY);
    }

    /** Baseline and what-if indicators measured on the same copy (one generation), before/after a delta. */
    record Comparison(Indicators before, Indicators after, long generation) {
    }

    /** {@link #baseline} and {@link #with} under one lock, so both are measured on the same generation's copy. */
    synchronized Comparison compare(NetworkDelta delta, LocalDate asOf) {
        Indicators before = baseline(asOf);
        Indicators after = with(delta, asOf);
        return new Comparison(before, after, detached.generation());
    }

    /** The coverage generation the copy reflects (after {@link #baseline} or {@link #with}). */
    synchronized long generation() {
        return detached == null ? -1 : detached.generation();
    }

    /** Indicators at {@code asOf} with the delta applied; the copy is restored afterwards. */
    synchronized Indicators with(NetworkDelta delta, LocalDate asOf) {
        CoverageModel m = model();
        if (delta.isEmpty()) {
            return m.indicators(asOf, CoverageFilter.ANY);
        }
        try {
            Set<Long> removedCellIds = new HashSet<>(delta.removedCellIds());
            Set<Long> removedSiteIds = new HashSet<>(delta.removedSiteIds());
            // removing (or replacing) a site removes its cells (the engine keeps them apart)
            m.cells().stream().filter(c -> removedSiteIds.contains(c.siteId())).forEach(c -> removedCellIds.add(c.id()));
            List<Cell> removedCells = present(m.cells(), removedCellIds, Cell::id);
            List<Site> removedSites = present(m.sites(), removedSiteIds, Site::id);
            List<FiberRoute> removedRoutes = present(m.fiberRoutes(), Set.copyOf(delta.removedRouteIds()), FiberRoute::id);
            List<FiberNode> removedNodes = present(m.fiberNodes(), Set.copyOf(delta.removedNodeIds()), FiberNode::id);
            m.applySiteChanges(removedCellIds, delta.addedCells(), removedSiteIds, delta.addedSites());
            m.applyFiberChanges(delta.removedRouteIds(), delta.addedRoutes(), delta.removedNodeIds(), delta.addedNodes());
            try {
                return m.indicators(asOf, CoverageFilter.ANY);
            } finally {
                m.applySiteChanges(delta.addedCells().stream().map(Cell::id).toList(), removedCells,
                        delta.addedSites().stream().map(Site::id).toList(), removedSites);
                m.applyFiberChanges(delta.addedRoutes().stream().map(FiberRoute::id).toList(), removedRoutes,
                        delta.addedNodes().stream().map(FiberNode::id).toList(), removedNodes);
            }
        } catch (RuntimeException e) {
            detached = null;
            throw e;
        }
    }

    /** Whether the copy is of the current generation (a what-if now waits for no copy); false before first use. */
    boolean copyCurrent() {
        DetachedCopies.Copy d = detached;
        return d != null && d.generation() == coverage.generation();
    }

    /** A new generation: a copy planning has used is brought to it in the background (nothing when none was used). */
    @EventListener
    void onGenerationChanged(GenerationChanged event) {
        if (detached == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        refresher.execute(() -> {
            refreshQueued.set(false);
            synchronized (this) {
                if (detached == null) {
                    return;
                }
                try {
                    bringCopy(copies::follow);
                } catch (RuntimeException e) {
                    log.warn("what-if: the copy could not follow generation {} in the background ({}); the next what-if "
                            + "makes a new one", event.generation(), e.getMessage());
                }
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    private static <T> List<T> present(List<T> all, Set<Long> ids, Function<T, Long> id) {
        return ids.isEmpty() ? List.of() : all.stream().filter(t -> ids.contains(id.apply(t))).toList();
    }

    private CoverageModel model() {
        bringCopy(copies::refresh);
        return detached.model();
    }

    /**
     * Brings the copy to the current generation when it is not there ({@code how}: {@link DetachedCopies#refresh} for a
     * what-if waiting for it, {@link DetachedCopies#follow} in the background, which may release it).
     */
    private void bringCopy(java.util.function.UnaryOperator<DetachedCopies.Copy> how) {
        if (detached != null && coverage.generation() == detached.generation()) {
            return;
        }
        DetachedCopies.Copy was = detached;
        detached = null; // a failure below leaves no copy, not a stale one
        detached = how.apply(was);
        if (detached == null) {
            log.info("what-if: copy of generation {} released after a large change; the next what-if makes a new one",
                    was.generation());
        } else {
            log.info("what-if: copy of generation {} ({})", detached.generation(), detached.how());
        }
    }
}
