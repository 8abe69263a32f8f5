package uz.qamrov.planner.planning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uz.qamrov.engine.planning.Goal;
import uz.qamrov.engine.planning.GoalOutcome;
import uz.qamrov.engine.planning.Plan;
import uz.qamrov.engine.planning.PlanObjective;
import uz.qamrov.engine.planning.PlanStep;
import uz.qamrov.engine.planning.PlanningProblem;
import uz.qamrov.engine.planning.Shortfall;

/** Turns an engine {@link Plan} into the API's JSON shape (percent at the API, ratios inside). */
final class PlanReport {

    private PlanReport() {
    }

    static Map<String, Object> of(Plan plan, PlanningProblem problem, List<Map<String, Object>> projected,
            Map<String, Long> timingsMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", plan.objective() instanceof PlanObjective.Budget ? "budget" : "targets");
        if (plan.objective() instanceof PlanObjective.Budget b) {
            out.put("budgetUsd", b.budgetUsd());
        }
        out.put("totalCostUsd", round(plan.totalCostUsd()));
        out.put("proposalCount", plan.steps().size());
        out.put("candidateCount", problem.candidates().size());
        out.put("demandCount", problem.demands().size());
        out.put("evaluations", plan.evaluations());
        out.put("targetsMet", plan.objective() instanceof PlanObjective.Targets ? plan.targetsMet() : null);
        out.put("objectivePctPoints", plan.objectiveValue() * 100);
        List<Map<String, Object>> goals = new ArrayList<>();
        for (GoalOutcome o : plan.outcomes()) {
            if (o.total() <= 0) {
                continue;
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("goal", o.goal().key());
            g.put("total", o.total());
            g.put("baseline", o.baseline());
            g.put("planned", o.planned());
            g.put("reachable", o.reachable());
            g.put("baselinePct", 100 * o.baseline() / o.total());
            g.put("plannedPct", 100 * o.planned() / o.total());
            g.put("reachablePct", 100 * o.reachable() / o.total());
            g.put("targetPct", o.hasTarget() ? 100 * o.target() / o.total() : null);
            g.put("met", o.hasTarget() ? o.met() : null);
            goals.add(g);
        }
        out.put("goals", goals);
        List<Map<String, Object>> shortfalls = new ArrayList<>();
        for (Shortfall s : plan.shortfalls()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("goal", s.goal().key());
            m.put("open", s.openAmount());
            m.put("uncoverable", s.uncoverableAmount());
            m.put("leftByBudget", s.budgetAmount());
            m.put("reason", s.reason());
            m.put("uncoverableRefs", s.uncoverableRefs());
            shortfalls.add(m);
        }
        out.put("shortfalls", shortfalls);
        List<Map<String, Object>> proposals = new ArrayList<>();
        List<Map<String, Object>> curve = new ArrayList<>();
        Map<Goal, Double> cumulative = new EnumMap<>(Goal.class);
        for (PlanStep s : plan.steps()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", s.rank());
            p.put("ref", s.candidate().ref());
            p.put("type", s.candidate().type().name().toLowerCase());
            p.put("label", s.candidate().label());
            p.put("lon", s.candidate().lon());
            p.put("lat", s.candidate().lat());
            p.put("region", s.candidate().regionCode());
            p.put("costUsd", round(s.costUsd()));
            p.put("cumulativeCostUsd", round(s.cumulativeCostUsd()));
            Map<String, Object> bh = new LinkedHashMap<>();
            bh.put("kind", s.candidate().backhaul().kind().name().toLowerCase());
            bh.put("lengthKm", s.candidate().backhaul().lengthKm());
            bh.put("hops", s.candidate().backhaul().hops());
            bh.put("costUsd", round(s.candidate().backhaul().costUsd()));
            p.put("backhaul", bh);
            Map<String, Object> gains = new LinkedHashMap<>();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("rank", s.rank());
            point.put("cumulativeCostUsd", round(s.cumulativeCostUsd()));
            for (Goal g : Goal.values()) {
                double v = s.gains().get(g);
                cumulative.merge(g, v, Double::sum);
                if (v > 0) {
                    gains.put(g.key(), v);
                }
                point.put(g.key(), cumulative.get(g));
            }
            p.put("gains", gains);
            proposals.add(p);
            curve.add(point);
        }
        out.put("proposals", proposals);
        out.put("costCurve", curve);
        out.put("projectedIndicators", projected);
        out.put("timingsMs", timingsMs);
        return out;
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
