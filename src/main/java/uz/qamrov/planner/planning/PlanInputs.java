package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.planning.Goal;
import uz.qamrov.engine.planning.PlanObjective;
import uz.qamrov.engine.planning.PlanningCosts;
import uz.qamrov.planner.web.ApiException;

/**
 * A validated {@link PlanRequest}: every rejection is a 400 whose {@code field} property names the offending member
 * (e.g. {@code budgetUsd}, {@code targets.highways.international_state.4g_km}, {@code costs.fiberPerKmUsd}).
 */
record PlanInputs(PlanObjective objective, Map<Goal, Double> weights, PlanningCosts costs, String operator,
        String region, LocalDate asOf, boolean fiberTree) {

    static PlanInputs of(PlanRequest r, PlanningRepository repo, LocalDate today) {
        if (r == null) {
            throw bad("a JSON body is required", "body", null).withMessage("detail.plan-body-required");
        }
        boolean hasTargets = (r.targets() != null && !r.targets().isEmpty()) || Boolean.TRUE.equals(r.allTargets());
        if (r.mode() != null && !r.mode().equals("proposals") && !r.mode().equals(PlanRequest.FIBER_TREE)) {
            throw bad("mode is proposals (default) or fiber-tree", "mode", r.mode()).withMessage("detail.plan-mode");
        }
        boolean fiberTree = PlanRequest.FIBER_TREE.equals(r.mode());
        if (fiberTree && (r.budgetUsd() != null || hasTargets || r.weights() != null)) {
            throw bad("a fiber-tree plan connects every settlement without fixed broadband it can reach: it takes no "
                    + "budgetUsd, targets or weights", "mode", r.mode()).withMessage("detail.plan-fiber-tree-options");
        }
        if (!fiberTree && (r.budgetUsd() == null) == !hasTargets) {
            throw bad("give either budgetUsd or targets (or allTargets), not both and not neither", "budgetUsd",
                    r.budgetUsd()).withMessage("detail.plan-budget-or-targets");
        }
        PlanObjective objective;
        if (fiberTree) {
            objective = null;
        } else if (r.budgetUsd() != null) {
            if (!(r.budgetUsd() > 0) || r.budgetUsd().isInfinite()) {
                throw bad("budgetUsd must be a positive number of USD", "budgetUsd", r.budgetUsd())
                        .withMessage("detail.plan-budget");
            }
            objective = new PlanObjective.Budget(r.budgetUsd());
        } else if (Boolean.TRUE.equals(r.allTargets())) {
            objective = PlanObjective.Targets.all();
        } else {
            Map<Goal, Double> ratios = new EnumMap<>(Goal.class);
            r.targets().forEach((k, v) -> {
                Goal g = goal(k, "targets." + k);
                if (v == null || !(v > 0 && v <= 100)) {
                    throw bad("a target is a percent in (0, 100]", "targets." + k, v).withMessage("detail.plan-target");
                }
                ratios.put(g, v / 100);
            });
            objective = new PlanObjective.Targets(ratios);
        }
        Map<Goal, Double> weights = new EnumMap<>(Goal.class);
        if (r.weights() != null) {
            r.weights().forEach((k, v) -> {
                Goal g = goal(k, "weights." + k);
                if (v == null || !(v >= 0) || v.isInfinite()) {
                    throw bad("a weight is a number >= 0", "weights." + k, v).withMessage("detail.plan-weight");
                }
                weights.put(g, v);
            });
        }
        PlanningCosts stored = PlanningCosts.fromMap(repo.costValues(), PlanningCosts.DEFAULTS);
        PlanningCosts costs;
        try {
            costs = r.costs() == null ? stored : PlanningCosts.fromMap(r.costs(), stored);
        } catch (InvalidInputException e) {
            throw badCost(e, "costs.");
        }
        if (r.region() != null && !repo.regionExists(r.region())) {
            throw bad("unknown region", "region", r.region()).withMessage("detail.unknown-region");
        }
        if (r.operator() != null && !repo.operatorExists(r.operator())) {
            throw bad("unknown operator", "operator", r.operator()).withMessage("detail.unknown-operator");
        }
        LocalDate asOf;
        try {
            asOf = r.asOf() == null ? today : LocalDate.parse(r.asOf());
        } catch (DateTimeParseException e) {
            throw bad("asOf must be an ISO date (YYYY-MM-DD)", "asOf", r.asOf()).withMessage("detail.plan-as-of");
        }
        return new PlanInputs(objective, weights, costs, r.operator(), r.region(), asOf, fiberTree);
    }

    private static Goal goal(String key, String field) {
        try {
            return Goal.fromKey(key);
        } catch (InvalidInputException e) {
            var goals = java.util.Arrays.stream(Goal.values()).map(Goal::key).toList();
            ApiException bad = bad("unknown goal; one of " + goals, field, key);
            Map<String, Object> args = new LinkedHashMap<>(bad.details());
            args.put("goals", goals);
            throw bad.withMessage("detail.plan-unknown-goal", args);
        }
    }

    /**
     * A cost the engine rejects ({@link PlanningCosts#fromMap}), the field named with {@code prefix}; translated by
     * the rule the engine's message states (an unknown key, not a number, out of range …), English if it states
     * another.
     */
    static ApiException badCost(InvalidInputException e, String prefix) {
        String name = e.details().keySet().stream().findFirst().orElse("?");
        ApiException bad = bad(e.getMessage(), prefix + name, e.details().get(name));
        String message = e.getMessage();
        String rule = message.startsWith(name + " ") ? message.substring(name.length() + 1) : message;
        Map<String, Object> args = new LinkedHashMap<>(bad.details());
        args.put("name", name);
        String key = switch (rule) {
            case "unknown cost key" -> "detail.cost-unknown-key";
            case "must be a number" -> "detail.cost-not-a-number";
            case "must be a whole number" -> "detail.cost-whole-number";
            case "must be a positive number" -> "detail.cost-positive";
            case "must be a number >= 0" -> "detail.cost-non-negative";
            default -> null;
        };
        if (key == null && rule.startsWith("must be in ")) {
            key = "detail.cost-range";
            args.put("range", rule.substring("must be in ".length()));
        } else if (key == null && rule.startsWith("must be >= ")) {
            key = "detail.cost-at-least";
            args.put("min", rule.substring("must be >= ".length()));
        }
        return key == null ? bad : bad.withMessage(key, args);
    }

    static ApiException bad(String message, String field, Object value) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("field", field);
        d.put("value", String.valueOf(value));
        return ApiException.badRequest(field + ": " + message, d);
    }
}
