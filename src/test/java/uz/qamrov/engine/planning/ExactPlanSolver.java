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
 * exclusive groups: Σ_{c in group} x_c ≤ 1                      (alternatives of one site or place)
 * y may stay continuous: for integral x the bound Σ x_c is 0 or ≥ 1, so an optimal y is 0/1 anyway.
 *
 * <p>In process and unbounded in memory, and ojAlgo's time limit is only checked between branch-and-bound nodes (a
 * 60 s limit ran 166 s on a 5,186-candidate region): beside a large plan use {@link BoundedExactSolver}.
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
        return solve(ExactInstance.of(p, objective), timeLimitMs);
    }

    static Solution solve(ExactInstance in, long timeLimitMs) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        if (timeLimitMs > 0) {
            m.options.time_abort = timeLimitMs;
            m.options.time_suffice = timeLimitMs;
        }
        int candidates = in.costUsd().length;
        int demands = in.amounts().length;
        int goals = in.unitValue().length;
        Variable[] x = new Variable[candidates];
        for (int c = 0; c < candidates; c++) {
            x[c] = m.addVariable("x" + c).binary();
        }
        Variable[] y = new Variable[demands];
        Expression[] link = new Expression[demands];
        for (int e = 0; e < demands; e++) {
            y[e] = m.addVariable("y" + e).lower(0).upper(1);
            link[e] = m.addExpression("link" + e).lower(0);
            link[e].set(y[e], -1);
        }
        for (int c = 0; c < candidates; c++) {
            for (int e : in.covers()[c]) {
                link[e].set(x[c], 1);
            }
        }
        for (int k = 0; k < in.exclusive().length; k++) {
            Expression one = m.addExpression("exclusive" + k).upper(1);
            for (int c : in.exclusive()[k]) {
                one.set(x[c], 1);
            }
        }
        Optimisation.Result r;
        if (in.budgetMode()) {
            for (int e = 0; e < demands; e++) {
                double v = 0;
                for (int g = 0; g < goals; g++) {
                    v += in.unitValue()[g] * in.amounts()[e][g];
                }
                y[e].weight(v);
            }
            Expression budget = m.addExpression("budget").upper(in.budgetUsd());
            for (int c = 0; c < candidates; c++) {
                budget.set(x[c], in.costUsd()[c]);
            }
            r = m.maximise();
        } else {
            for (int c = 0; c < candidates; c++) {
                x[c].weight(in.costUsd()[c]);
            }
            boolean[] coverable = new boolean[demands];
            for (int[] cover : in.covers()) {
                for (int e : cover) {
                    coverable[e] = true;
                }
            }
            for (int g = 0; g < goals; g++) {
                if (Double.isNaN(in.targetRatios()[g])) {
                    continue;
                }
                double reachable = in.baseline()[g];
                for (int e = 0; e < demands; e++) {
                    reachable += coverable[e] ? in.amounts()[e][g] : 0;
                }
                double need = Math.min(in.targetRatios()[g] * in.total()[g], reachable) - in.baseline()[g];
                if (need <= 1e-9) {
                    continue;
                }
                // a hair below the need: the greedy's own tolerance, and no integral solution is lost by it
                Expression goal = m.addExpression("goal" + g).lower(need - 1e-7);
                for (int e = 0; e < demands; e++) {
                    if (in.amounts()[e][g] > 0) {
                        goal.set(y[e], in.amounts()[e][g]);
                    }
                }
            }
            r = m.minimise();
        }
        List<Integer> picks = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            if (r.doubleValue(c) > 0.5) {
                picks.add(c);
            }
        }
        return new Solution(picks, r.getValue(), r.getState());
    }
}
