package uz.qamrov.planner.planning;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/plans}. Exactly one of {@code budgetUsd} ("best plan for this budget") and
 * {@code targets} ("cheapest plan that reaches these": goal key → percent of the goal's total, e.g.
 * {@code {"settlements.mobile_internet": 100}}); {@code allTargets: true} is every goal at 100%.
 *
 * @param operator the operator that builds (its sites, its fiber); null or absent = neutral host
 * @param region a region code, or null for the whole country
 * @param weights goal key → weight of the objective (default 1 each)
 * @param costs cost key → value overriding the stored cost model for this plan only
 * @param asOf the baseline date (default today)
 * @param mode {@code proposals} (default: the budget/targets plan above) or {@code fiber-tree}: one shared fiber
 *        extension tree (minimum spanning tree) to every settlement without fixed broadband, per region — it takes
 *        no budget, targets or weights
 */
public record PlanRequest(Double budgetUsd, Map<String, Double> targets, Boolean allTargets, String operator,
        String region, Map<String, Double> weights, Map<String, Double> costs, String asOf, String mode) {

    public static final String FIBER_TREE = "fiber-tree";
}
