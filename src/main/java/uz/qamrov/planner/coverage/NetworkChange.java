package uz.qamrov.planner.coverage;

import java.util.Set;

/**
 * Rows of the network tables that an import inserted, or whose validity it changed (a closed version counts:
 * its {@code valid_to} moved). The coverage service reloads exactly these rows and recomputes what they touch.
 *
 * @param baseStationIds ids in {@code base_stations} (their cells come along)
 * @param fiberRouteIds ids in {@code fiber_routes}
 * @param fiberNodeIds ids in {@code fiber_nodes}
 * @param adminLayersChanged settlements, roads, rail or boundaries changed: only a full recompute is correct
 */
public record NetworkChange(Set<Long> baseStationIds, Set<Long> fiberRouteIds, Set<Long> fiberNodeIds,
        boolean adminLayersChanged) {

    public NetworkChange {
        baseStationIds = Set.copyOf(baseStationIds);
        fiberRouteIds = Set.copyOf(fiberRouteIds);
        fiberNodeIds = Set.copyOf(fiberNodeIds);
    }

    public static NetworkChange adminLayers() {
        return new NetworkChange(Set.of(), Set.of(), Set.of(), true);
    }

    public boolean isEmpty() {
        return baseStationIds.isEmpty() && fiberRouteIds.isEmpty() && fiberNodeIds.isEmpty() && !adminLayersChanged;
    }
}
