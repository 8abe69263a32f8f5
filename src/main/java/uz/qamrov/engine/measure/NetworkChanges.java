package uz.qamrov.engine.measure;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uz.qamrov.engine.measure.CellTable.SiteRec;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.Site;

/**
 * How a {@link CoverageModel} takes in changes of sites, cells and fiber: everything is validated and measured first,
 * then linked by steps that cannot throw, so a failed change leaves the model as it was. The caller holds the model's
 * locks: a read lock (or the write lock) to prepare, the write lock to commit.
 */
final class NetworkChanges {

    private final CoverageModel.Parts parts;
    private final CellReachIndex reach;

    NetworkChanges(CoverageModel.Parts parts, CellReachIndex reach) {
        this.parts = parts;
        this.reach = reach;
    }

    /** Validates and measures a change of sites and cells; changes nothing. */
    SiteChange prepareSites(Collection<Long> removedCellIds, Collection<Cell> addedCells, Collection<Long> removedSiteIds,
            Collection<Site> addedSites, long modification) {
        Set<Long> removedCells = ids(removedCellIds, "cellId");
        Set<Long> removedSites = ids(removedSiteIds, "siteId");
        CellTable table = parts.cells();
        List<Site> sites = table.validateSites(addedSites, removedSites);
        boolean sitesOnlyAdded = !table.holdsAnySite(removedSites);
        CellReachIndex.Prepared cells = reach.prepare(addedCells, removedCells);
        Map<String, Integer> delta = reach.operatorDelta(removedCells, cells);
        for (long id : removedSites) {
            SiteRec s = table.site(id);
            if (s != null) {
                delta.merge(s.site().operator(), -1, Integer::sum);
            }
        }
        sites.forEach(s -> delta.merge(s.operator(), 1, Integer::sum));
        parts.operators().checkRoom(delta);
        return new SiteChange(modification, removedCells, removedSites, sites, sitesOnlyAdded, cells);
    }

    /** Links a prepared change of sites and cells (nothing here throws: it was validated and measured). */
    ChangeStats commitSites(SiteChange c) {
        CellTable table = parts.cells();
        table.changed(where(c));
        Set<Integer> touchedS = new HashSet<>();
        Set<Integer> touchedE = new HashSet<>();
        CellReachIndex.Removed removed = reach.removeAll(c.removedCells, touchedS, touchedE);
        for (long id : c.removedSites) {
            SiteRec s = table.removeSite(id);
            if (s != null) {
                parts.operators().release(s.op());
            }
        }
        reach.commit(c.addedCells, false, touchedS, touchedE, removed);
        commitSiteRecs(c.addedSites);
        reach.compactIfSparse();
        return new ChangeStats(touchedS.size(), touchedE.size(), settlementIds(touchedS), c.sitesOnlyAdded);
    }

    /** Where the cells a change removes (those the model holds) and adds stand. */
    private ChangedCells where(SiteChange c) {
        double[] lon = new double[c.removedCells.size() + c.addedCells.recs().length];
        double[] lat = new double[lon.length];
        int n = 0;
        for (long id : c.removedCells) {
            int slot = parts.cells().cells.slotOf(id);
            if (slot >= 0) {
                lon[n] = parts.cells().cells.at(slot).cell.lon();
                lat[n++] = parts.cells().cells.at(slot).cell.lat();
            }
        }
        for (CellTable.CellRec r : c.addedCells.recs()) {
            lon[n] = r.cell.lon();
            lat[n++] = r.cell.lat();
        }
        return new ChangedCells(java.util.Arrays.copyOf(lon, n), java.util.Arrays.copyOf(lat, n));
    }

    /** Validates, measures and links a change of fiber routes and nodes. */
    ChangeStats applyFiber(Collection<Long> removedRouteIds, Collection<FiberRoute> addedRoutes,
            Collection<Long> removedNodeIds, Collection<FiberNode> addedNodes) {
        Set<Long> removedRoutes = ids(removedRouteIds, "routeId");
        Set<Long> removedNodes = ids(removedNodeIds, "nodeId");
        FiberReach fiber = parts.fiber();
        FiberReach.Prepared added = fiber.prepare(addedRoutes, removedRoutes, addedNodes, removedNodes);
        Map<String, Integer> delta = fiber.operatorDelta(removedRoutes, removedNodes, added);
        parts.operators().checkRoom(delta);

        Set<Integer> touchedS = new HashSet<>();
        for (long id : removedRoutes) {
            fiber.removeRoute(id, touchedS);
        }
        for (long id : removedNodes) {
            fiber.removeNode(id, touchedS);
        }
        fiber.commit(added, touchedS);
        fiber.compactIfSparse();
        return new ChangeStats(touchedS.size(), 0, settlementIds(touchedS), true);
    }

    /** Adds site records (operator and scopes resolved). */
    void commitSiteRecs(List<Site> sites) {
        for (Site s : sites) {
            int[] sc = parts.scopes().at(s.lon(), s.lat());
            parts.cells().putSite(new SiteRec(s, parts.operators().acquire(s.operator()), sc[0], sc[1]));
        }
    }

    private Set<Long> settlementIds(Set<Integer> indices) {
        Set<Long> out = new HashSet<>(indices.size() * 2);
        indices.forEach(i -> out.add(parts.settlements().get(i).s.id()));
        return out;
    }

    private static Set<Long> ids(Collection<Long> ids, String what) {
        Set<Long> out = new HashSet<>(ids.size() * 2);
        for (Long id : ids) {
            if (id == null) {
                throw InvalidInputException.of("null id among the removed", "field", what);
            }
            out.add(id);
        }
        return out;
    }
}
