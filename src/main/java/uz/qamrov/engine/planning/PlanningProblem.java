package uz.qamrov.engine.planning;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Demands, the candidates that could close them, and where each goal stands today.
 *
 * <p>The objective of a plan is the weighted sum, over goals, of the share of the goal's total that the plan adds:
 * {@code Σ_g weight_g × added_g / total_g} — i.e. the weighted percentage points the plan moves each indicator.
 * Dividing by the total puts settlements, people, km and households on one scale; the weights say what matters
 * more. A demand counts as closed when at least one chosen candidate covers it (maximum coverage), so the objective
 * is monotone and submodular and the lazy greedy applies.
 *
 * @param totals per goal the indicator's denominator (e.g. all settlements in scope); goals without a positive
 *     total are ignored
 * @param baseline per goal the amount already served today
 * @param weights per goal weight ≥ 0 (missing = 1)
 */
public record PlanningProblem(List<Demand> demands, List<Candidate> candidates, Map<Goal, Double> totals,
        Map<Goal, Double> baseline, Map<Goal, Double> weights) {

    public PlanningProblem {
        demands = List.copyOf(demands);
        candidates = List.copyOf(candidates);
        totals = fill(totals, 0);
        baseline = fill(baseline, 0);
        weights = fill(weights, 1);
        for (Goal g : Goal.values()) {
            double w = weights.get(g);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw InvalidInputException.of("goal weight must be finite and >= 0", "weights." + g.key(), w);
            }
            if (!(totals.get(g) >= 0) || !(baseline.get(g) >= 0)) {
                throw InvalidInputException.of("goal totals and baselines must be >= 0", "goal", g.key());
            }
        }
        for (Candidate c : candidates) {
            for (int e : c.covers()) {
                if (e < 0 || e >= demands.size()) {
                    throw InvalidInputException.of("candidate covers an unknown demand", "candidate", c.ref(),
                            "demandIndex", e);
                }
            }
        }
    }

    private static Map<Goal, Double> fill(Map<Goal, Double> m, double missing) {
        EnumMap<Goal, Double> out = new EnumMap<>(Goal.class);
        for (Goal g : Goal.values()) {
            Double v = m == null ? null : m.get(g);
            out.put(g, v == null ? missing : v);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    public double total(Goal g) {
        return totals.get(g);
    }

    public double baseline(Goal g) {
        return baseline.get(g);
    }

    public double weight(Goal g) {
        return weights.get(g);
    }

    /** Value of one unit of goal g in the objective: weight / total (0 when the goal has no total). */
    public double unitValue(Goal g) {
        double t = totals.get(g);
        return t > 0 ? weights.get(g) / t : 0;
    }
}
