package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;

/**
 * The greedy with exclusive alternatives against the exact programme (Σ x ≤ 1 per group) on the random regional
 * instances of {@link PlanOptimizerExactTest} with the generator's alternatives added
 * ({@link RandomInstances#withAlternatives}: per 4G upgrade a sector and the two together, per new site a high-ground
 * point). Asserts: no plan builds two members of a group, the oracle never loses, the gap ≤ 5%. Prints the table
 * of docs/planning.md.
 */
class ExclusiveAlternativesExactTest {

    private static final int INSTANCES = 12;
    private static final double MAX_GAP = 0.05;

    private static void assertOnePerGroup(PlanningProblem p, List<Integer> picks, String who) {
        Set<String> groups = new HashSet<>();
        for (int i : picks) {
            String g = p.candidates().get(i).exclusiveGroup();
            assertThat(g == null || groups.add(g)).as("%s builds two alternatives of %s", who, g).isTrue();
        }
    }

    private static List<Integer> indexes(PlanningProblem p, Plan plan) {
        return plan.steps().stream().map(s -> p.candidates().indexOf(s.candidate())).toList();
    }

    @Test
    void budgetAndTargetsGreedyWithAlternativesIsWithinFivePercent() {
        List<String> rows = new ArrayList<>();
        double worstBudget = 0;
        double worstTargets = 0;
        Map<Goal, Double> ratios = new EnumMap<>(Goal.class);
        ratios.put(Goal.SETTLEMENTS_MOBILE_INTERNET, 0.9);
        ratios.put(Goal.HIGHWAYS_4G_KM, 0.9);
        ratios.put(Goal.RAILWAY_TSB_4G_KM, 0.9);
        ratios.put(Goal.HOUSEHOLDS_FIXED_BROADBAND, 0.6);
        PlanObjective.Targets targets = new PlanObjective.Targets(ratios);
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Random rnd = new Random(seed);
            RandomInstances.Instance base = RandomInstances.regional(rnd, 40, 120);
            PlanningProblem p = RandomInstances.withAlternatives(base, rnd).problem();
            int groups = new ExclusiveGroups(p.candidates()).memberLists().size();

            PlanObjective.Budget budget = new PlanObjective.Budget(base.totalCost() * 0.15);
            Plan greedy = PlanOptimizer.optimize(p, budget);
            long t0 = System.nanoTime();
            ExactPlanSolver.Solution exact = ExactPlanSolver.solve(p, budget);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(exact.state()).as("seed %d", seed).isEqualTo(Optimisation.State.OPTIMAL);
            assertOnePerGroup(p, indexes(p, greedy), "greedy");
            assertOnePerGroup(p, exact.picks(), "exact");
            assertThat(greedy.totalCostUsd()).isLessThanOrEqualTo(budget.budgetUsd() + 1e-6);
            double exactValue = RandomInstances.value(p, exact.picks());
            assertThat(exactValue).as("seed %d", seed).isGreaterThanOrEqualTo(greedy.objectiveValue() - 1e-9);
            double gap = (exactValue - greedy.objectiveValue()) / exactValue;
            worstBudget = Math.max(worstBudget, gap);
            rows.add(String.format("| %d | budget | %d / %d | %.4f | %.4f | %.2f%% | %d |", seed, p.candidates().size(),
                    groups, greedy.objectiveValue(), exactValue, gap * 100, ms));
            assertThat(gap).as("budget gap of seed %d", seed).isLessThanOrEqualTo(MAX_GAP);

            Plan cover = PlanOptimizer.optimize(p, targets);
            t0 = System.nanoTime();
            ExactPlanSolver.Solution cheapest = ExactPlanSolver.solve(p, targets);
            ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(cheapest.state()).as("seed %d", seed).isEqualTo(Optimisation.State.OPTIMAL);
            assertOnePerGroup(p, indexes(p, cover), "greedy");
            assertOnePerGroup(p, cheapest.picks(), "exact");
            double exactCost = cheapest.picks().stream().mapToDouble(i -> p.candidates().get(i).costUsd()).sum();
            assertThat(exactCost).as("seed %d", seed).isLessThanOrEqualTo(cover.totalCostUsd() + 1e-6);
            double costGap = exactCost == 0 ? 0 : (cover.totalCostUsd() - exactCost) / exactCost;
            worstTargets = Math.max(worstTargets, costGap);
            // the same instance without the alternatives, for comparison in the table
            Plan baseCover = PlanOptimizer.optimize(base.problem(), targets);
            double baseExact = ExactPlanSolver.solve(base.problem(), targets).objective();
            double baseGap = (baseCover.totalCostUsd() - baseExact) / baseExact;
            rows.add(String.format("| %d | targets | %d / %d | %.0f | %.0f | %.2f%% (without alternatives %.2f%%) | %d |",
                    seed, p.candidates().size(), groups, cover.totalCostUsd(), exactCost, costGap * 100, baseGap * 100,
                    ms));
            assertThat(costGap).as("targets gap of seed %d", seed).isLessThanOrEqualTo(MAX_GAP);
        }
        StringBuilder b = new StringBuilder("\n| seed | mode | candidates / groups | greedy | exact | gap | exact ms |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        b.append(String.format("worst gap: budget %.2f%%, targets %.2f%%%n", worstBudget * 100, worstTargets * 100));
        System.out.println(b);
    }
}
