package uz.qamrov.planner.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.planning.FiberTreePlanner;
import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.engine.planning.Plan;
import uz.qamrov.engine.planning.PlanStep;

/**
 * What a plan result adds to the network, with its cost on the rows that carry it: what a scenario saved from a plan
 * holds, whichever mode made the plan (proposals or the fiber tree).
 *
 * @param siteCostUsd  a new or upgraded site's cost, by site id (an upgrade's cost rides on its first cell)
 * @param routeCostUsd a new route's cost, by route id (for the fiber tree: the link's cable, cabinets and drops)
 */
record PlanDelta(NetworkDelta delta, Map<Long, Double> siteCostUsd, Map<Long, Double> routeCostUsd) {

    static PlanDelta of(Plan plan) {
        Map<Long, Double> siteCost = new HashMap<>();
        Map<Long, Double> routeCost = new HashMap<>();
        for (PlanStep s : plan.steps()) {
            NetworkDelta d = s.candidate().delta();
            // (an if, not a conditional expression: `long : Long` would unbox the null of a fiber-only step)
            Long site = null;
            if (!d.addedSites().isEmpty()) {
                site = d.addedSites().get(0).id();
            } else if (!d.addedCells().isEmpty()) {
                site = d.addedCells().get(0).siteId();
            }
            if (site != null) {
                siteCost.merge(site, s.costUsd(), Double::sum);
            } else if (!d.addedRoutes().isEmpty()) {
                routeCost.put(d.addedRoutes().get(0).id(), s.costUsd());
            }
        }
        return new PlanDelta(NetworkDelta.merge(plan.steps().stream().map(s -> s.candidate().delta()).toList()),
                siteCost, routeCost);
    }

    /** The tree's delta holds one new route per link, in the links' order. */
    static PlanDelta of(FiberTreePlanner.Result tree) {
        List<FiberRoute> routes = tree.delta().addedRoutes();
        if (routes.size() != tree.links().size()) {
            throw new IllegalStateException("a fiber tree of " + tree.links().size() + " links has " + routes.size() + " routes");
        }
        Map<Long, Double> routeCost = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            routeCost.put(routes.get(i).id(), tree.links().get(i).costUsd());
        }
        return new PlanDelta(tree.delta(), Map.of(), routeCost);
    }
}
