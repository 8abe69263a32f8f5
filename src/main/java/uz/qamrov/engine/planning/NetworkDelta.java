package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;

/**
 * Additions and removals on top of the real network, in the engine's own records, so that a what-if is
 * {@code CoverageModel.applySiteChanges}/{@code applyFiberChanges} on a detached copy of the model — never a second
 * coverage model. Ids of added features must not clash with real ones (candidates use negative ids) — except a
 * replacement: an id both removed and added is the same row as it would be after a change (an import's dry run).
 * Removing a site removes its cells.
 */
public record NetworkDelta(List<Site> addedSites, List<Cell> addedCells, List<Long> removedCellIds,
        List<Long> removedSiteIds, List<FiberRoute> addedRoutes, List<FiberNode> addedNodes,
        List<Long> removedRouteIds, List<Long> removedNodeIds) {

    public static final NetworkDelta EMPTY = new NetworkDelta(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    public NetworkDelta {
        addedSites = List.copyOf(addedSites);
        addedCells = List.copyOf(addedCells);
        removedCellIds = List.copyOf(removedCellIds);
        removedSiteIds = List.copyOf(removedSiteIds);
        addedRoutes = List.copyOf(addedRoutes);
        addedNodes = List.copyOf(addedNodes);
        removedRouteIds = List.copyOf(removedRouteIds);
        removedNodeIds = List.copyOf(removedNodeIds);
    }

    /** A delta that removes no fiber (what planning proposes). */
    public NetworkDelta(List<Site> addedSites, List<Cell> addedCells, List<Long> removedCellIds,
            List<Long> removedSiteIds, List<FiberRoute> addedRoutes, List<FiberNode> addedNodes) {
        this(addedSites, addedCells, removedCellIds, removedSiteIds, addedRoutes, addedNodes, List.of(), List.of());
    }

    public boolean isEmpty() {
        return addedSites.isEmpty() && addedCells.isEmpty() && removedCellIds.isEmpty() && removedSiteIds.isEmpty()
                && addedRoutes.isEmpty() && addedNodes.isEmpty() && removedRouteIds.isEmpty()
                && removedNodeIds.isEmpty();
    }

    /** All deltas together (in order). A cell removed by one delta and re-added by another is a replacement. */
    public static NetworkDelta merge(Collection<NetworkDelta> deltas) {
        List<Site> s = new ArrayList<>();
        List<Cell> c = new ArrayList<>();
        List<Long> rc = new ArrayList<>();
        List<Long> rs = new ArrayList<>();
        List<FiberRoute> r = new ArrayList<>();
        List<FiberNode> n = new ArrayList<>();
        List<Long> rr = new ArrayList<>();
        List<Long> rn = new ArrayList<>();
        for (NetworkDelta d : deltas) {
            s.addAll(d.addedSites);
            c.addAll(d.addedCells);
            rc.addAll(d.removedCellIds);
            rs.addAll(d.removedSiteIds);
            r.addAll(d.addedRoutes);
            n.addAll(d.addedNodes);
            rr.addAll(d.removedRouteIds);
            rn.addAll(d.removedNodeIds);
        }
        return new NetworkDelta(s, c, rc, rs, r, n, rr, rn);
    }
}
