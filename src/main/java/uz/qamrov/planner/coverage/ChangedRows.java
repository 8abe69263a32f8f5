package uz.qamrov.planner.coverage;

import java.util.List;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.planning.NetworkDelta;

/**
 * The network rows of a {@link NetworkChange} as the engine reads them ({@link CoverageModels#read}): what the
 * model loads in place of the changed ids. A changed id whose row no longer counts is absent here (it is removed).
 */
public record ChangedRows(NetworkChange change, List<Site> sites, List<Cell> cells, List<FiberRoute> routes,
        List<FiberNode> nodes) {

    public ChangedRows {
        sites = List.copyOf(sites);
        cells = List.copyOf(cells);
        routes = List.copyOf(routes);
        nodes = List.copyOf(nodes);
    }

    /**
     * The change as a what-if delta for a detached copy of the model: every changed id removed (a site with its
     * cells), then every row added back as read — what an incremental update does to the live model.
     */
    public NetworkDelta asDelta() {
        return new NetworkDelta(sites, cells, List.of(), List.copyOf(change.baseStationIds()), routes, nodes,
                List.copyOf(change.fiberRouteIds()), List.copyOf(change.fiberNodeIds()));
    }
}
