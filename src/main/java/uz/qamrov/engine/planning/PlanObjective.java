package uz.qamrov.engine.planning;

import java.util.EnumMap;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;

/** What a plan optimises: the most objective for a budget, or the least cost that reaches targets. */
public sealed interface PlanObjective {

    /** Best plan whose cost does not exceed {@code budgetUsd} (&gt; 0). */
    record Budget(double budgetUsd) implements PlanObjective {
        public Budget {
            if (!(budgetUsd > 0) || Double.isInfinite(budgetUsd)) {
                throw InvalidInputException.of("budget must be a positive number of USD", "budgetUsd", budgetUsd);
            }
        }
    }

    /**
     * Cheapest plan that brings each listed goal to at least its ratio (0..1] of the goal's total. A target that no
     * set of candidates reaches is not an error: the plan gets as close as the candidates allow and reports the
     * shortfall.
     */
    record Targets(Map<Goal, Double> ratios) implements PlanObjective {
        public Targets {
            if (ratios == null || ratios.isEmpty()) {
                throw InvalidInputException.of("at least one target is required", "targets", null);
            }
            EnumMap<Goal, Double> copy = new EnumMap<>(Goal.class);
            for (var e : ratios.entrySet()) {
                Double r = e.getValue();
                if (r == null || !(r > 0 && r <= 1)) {
                    throw InvalidInputException.of("a target must be a share in (0, 1]", "targets." + e.getKey().key(), r);
                }
                copy.put(e.getKey(), r);
            }
            ratios = java.util.Collections.unmodifiableMap(copy);
        }

        /** Every goal to 100%. */
        public static Targets all() {
            EnumMap<Goal, Double> m = new EnumMap<>(Goal.class);
            for (Goal g : Goal.values()) {
                m.put(g, 1.0);
            }
            return new Targets(m);
        }
    }
}
