package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

/**
 * What-if indicators from the real engine: one detached copy of the coverage model (built once from the stored
 * inputs, rebuilt when the live network changes), to which a scenario's additions/removals are applied incrementally,
 * measured, and reverted. The incremental path re-examines only the settlements and road edges the changed
 * footprints touch, which is what keeps a 1,000-site what-if well under the cost of a rebuild.
 *
 * <p>One what-if at a time (synchronized): the copy is shared. Staleness check: the live model's identity and its
 * counts of cells, sites, routes and nodes (an incremental import changes at least one of them in practice; a change
 * that keeps every count is missed until the next full rebuild — to be replaced by the coverage generation number).
 */
@Component
class WhatIfEngine {

    private final CoverageService coverage;
    private CoverageModel detached;
    private List<Object> key;

    WhatIfEngine(CoverageService coverage) {
        this.coverage = coverage;
    }

    /** Indicators of the unchanged network at {@code asOf} (from the same copy as {@link #with}). */
    synchronized Indicators baseline(LocalDate asOf) {
        return model().indicators(asOf, CoverageFilter.ANY);
    }

    /** Indicators at {@code asOf} with the delta applied; the copy is restored afterwards. */
    synchronized Indicators with(NetworkDelta delta, LocalDate asOf) {
        CoverageModel m = model();
        if (delta.isEmpty()) {
            return m.indicators(asOf, CoverageFilter.ANY);
        }
        Set<Long> removedCellIds = new HashSet<>(delta.removedCellIds());
        Set<Long> removedSiteIds = new HashSet<>(delta.removedSiteIds());
        // removing a site removes its cells (the engine keeps them apart)
        m.cells().stream().filter(c -> removedSiteIds.contains(c.siteId())).forEach(c -> removedCellIds.add(c.id()));
        List<Cell> removedCells = m.cells().stream().filter(c -> removedCellIds.contains(c.id())).toList();
        List<Site> removedSites = m.sites().stream().filter(s -> removedSiteIds.contains(s.id())).toList();
        m.applySiteChanges(removedCellIds, delta.addedCells(), removedSiteIds, delta.addedSites());
        m.applyFiberChanges(List.of(), delta.addedRoutes(), List.of(), delta.addedNodes());
        try {
            return m.indicators(asOf, CoverageFilter.ANY);
        } finally {
            m.applySiteChanges(delta.addedCells().stream().map(Cell::id).toList(), removedCells,
                    delta.addedSites().stream().map(Site::id).toList(), removedSites);
            m.applyFiberChanges(delta.addedRoutes().stream().map(FiberRoute::id).toList(), List.of(),
                    delta.addedNodes().stream().map(FiberNode::id).toList(), List.of());
        }
    }

    private CoverageModel model() {
        CoverageModel live = coverage.currentModel();
        List<Object> k = List.of(System.identityHashCode(live), live.cells().size(), live.sites().size(),
                live.fiberRoutes().size(), live.fiberNodes().size());
        if (detached == null || !Objects.equals(k, key)) {
            detached = coverage.detachedModel();
            key = k;
        }
        return detached;
    }
}
