package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The planning problem as an exact integer programme (ojAlgo branch and bound), the oracle for the greedy's gap.
 *
 * <pre>
 * x_c ∈ {0,1} build candidate c;  0 ≤ y_e ≤ 1 demand e closed;  y_e ≤ Σ_{c covers e} x_c
 * budget:  max Σ_e v_e y_e   s.t. Σ_c cost_c x_c ≤ B            (v_e = Σ_g weight_g / total_g × amount_eg)
 * targets: min Σ_c cost_c x_c  s.t. Σ_e amount_eg y_e ≥ need_g   (need capped at what all candidates reach)
 * </pre>
 * y may stay continuous: for integral x the bound Σ x_c is 0 or ≥ 1, so an optimal y is 0/1 anyway.
 */
public final class ExactPlanSolver {

    public record Solution(List<Integer> picks, double objective, Optimisation.State state) {
    }

    private ExactPlanSolver() {
    }

    public static Solution solve(PlanningProblem p, PlanObjective objective) {
        return solve(p, objective, 0);
    }

    /** With a time limit in ms (0 = none): the state is then FEASIBLE rather than OPTIMAL when it stops early. */
    public static Solution solve(PlanningProblem p, PlanObjective objective, long timeLimitMs) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        if (timeLimitMs > 0) {
            m.options.time_abort = timeLimitMs;
            m.options.time_suffice = timeLimitMs;
        }
        List<Candidate> cs = p.candidates();
        List<Demand> ds = p.demands();
        Variable[] x = new Variable[cs.size()];
        for (int c = 0; c < cs.size(); c++) {
            x[c] = m.addVariable("x" + c).binary();
        }
        Variable[] y = new Variable[ds.size()];
        Expression[] link = new Expression[ds.size()];
        for (int e = 0; e < ds.size(); e++) {
            y[e] = m.addVariable("y" + e).lower(0).upper(1);
            link[e] = m.addExpression("link" + e).lower(0);
            link[e].set(y[e], -1);
        }
        for (int c = 0; c < cs.size(); c++) {
            for (int e : cs.get(c).covers()) {
                link[e].set(x[c], 1);
            }
        }
        Optimisation.Result r;
        if (objective instanceof PlanObjective.Budget b) {
            for (int e = 0; e < ds.size(); e++) {
                double v = 0;
                for (Goal g : Goal.values()) {
                    v += p.unitValue(g) * ds.get(e).amount(g);
                }
                y[e].weight(v);
            }
            Expression budget = m.addExpression("budget").upper(b.budgetUsd());
            for (int c = 0; c < cs.size(); c++) {
                budget.set(x[c], cs.get(c).costUsd());
            }
            r = m.maximise();
        } else {
            PlanObjective.Targets t = (PlanObjective.Targets) objective;
            for (int c = 0; c < cs.size(); c++) {
                x[c].weight(cs.get(c).costUsd());
            }
            boolean[] coverable = new boolean[ds.size()];
            cs.forEach(c -> {
                for (int e : c.covers()) {
                    coverable[e] = true;
                }
            });
            for (var entry : t.ratios().entrySet()) {
                Goal g = entry.getKey();
                double reachable = p.baseline(g);
                for (int e = 0; e < ds.size(); e++) {
                    reachable += coverable[e] ? ds.get(e).amount(g) : 0;
                }
                double need = Math.min(entry.getValue() * p.total(g), reachable) - p.baseline(g);
                if (need <= 1e-9) {
                    continue;
                }
                // a hair below the need: the greedy's own tolerance, and no integral solution is lost by it
                Expression goal = m.addExpression("goal" + g.ordinal()).lower(need - 1e-7);
                for (int e = 0; e < ds.size(); e++) {
                    if (ds.get(e).amount(g) > 0) {
                        goal.set(y[e], ds.get(e).amount(g));
                    }
                }
            }
            r = m.minimise();
        }
        List<Integer> picks = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            if (r.doubleValue(c) > 0.5) {
                picks.add(c);
            }
        }
        return new Solution(picks, r.getValue(), r.getState());
    }
}
