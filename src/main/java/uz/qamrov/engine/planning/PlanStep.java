package uz.qamrov.engine.planning;

import java.util.Map;

/**
 * One chosen candidate in pick order (the greedy's rank): its cost, what it adds per goal on top of the steps
 * before it, and the running totals that make the cumulative cost curve.
 */
public record PlanStep(int rank, Candidate candidate, double costUsd, double cumulativeCostUsd,
        Map<Goal, Double> gains, double objectiveGain, double cumulativeObjective) {
}
