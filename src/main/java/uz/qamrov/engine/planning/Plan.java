package uz.qamrov.engine.planning;

import java.util.List;

/**
 * The result of {@link PlanOptimizer}: chosen steps in rank order, the outcome per goal, what stays open and why.
 *
 * @param evaluations how many marginal gains the lazy greedy computed (CELF saves most of them)
 */
public record Plan(PlanObjective objective, List<PlanStep> steps, List<GoalOutcome> outcomes,
        List<Shortfall> shortfalls, double totalCostUsd, double objectiveValue, long evaluations) {

    public GoalOutcome outcome(Goal g) {
        return outcomes.stream().filter(o -> o.goal() == g).findFirst().orElseThrow();
    }

    /** True when every target of a {@link PlanObjective.Targets} objective is met. */
    public boolean targetsMet() {
        return outcomes.stream().filter(GoalOutcome::hasTarget).allMatch(GoalOutcome::met);
    }
}
