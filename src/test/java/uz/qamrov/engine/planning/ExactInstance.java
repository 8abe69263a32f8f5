package uz.qamrov.engine.planning;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The numbers of a planning problem the exact programme needs, and nothing else (no geometry, no network delta), so
 * that it can be handed to a separate JVM ({@link BoundedExactSolver}) as a few kilobytes of binary.
 *
 * @param costUsd      per candidate
 * @param covers       per candidate the demand indexes it closes
 * @param amounts      per demand, per goal (by ordinal)
 * @param unitValue    per goal: objective value of one unit ({@link PlanningProblem#unitValue})
 * @param baseline     per goal
 * @param total        per goal
 * @param budgetUsd    the budget (budget mode), NaN in targets mode
 * @param targetRatios per goal the target share of the total (targets mode), NaN where the goal has no target
 * @param exclusive    per exclusive group of two or more candidates their indexes: at most one is built
 */
record ExactInstance(double[] costUsd, int[][] covers, double[][] amounts, double[] unitValue, double[] baseline,
        double[] total, double budgetUsd, double[] targetRatios, int[][] exclusive) {

    static ExactInstance of(PlanningProblem p, PlanObjective objective) {
        int goals = Goal.values().length;
        double[] cost = p.candidates().stream().mapToDouble(Candidate::costUsd).toArray();
        int[][] covers = p.candidates().stream().map(Candidate::covers).toArray(int[][]::new);
        double[][] amounts = new double[p.demands().size()][goals];
        for (int e = 0; e < amounts.length; e++) {
            for (Goal g : Goal.values()) {
                amounts[e][g.ordinal()] = p.demands().get(e).amount(g);
            }
        }
        double[] unit = new double[goals];
        double[] base = new double[goals];
        double[] tot = new double[goals];
        double[] ratios = new double[goals];
        Arrays.fill(ratios, Double.NaN);
        for (Goal g : Goal.values()) {
            unit[g.ordinal()] = p.unitValue(g);
            base[g.ordinal()] = p.baseline(g);
            tot[g.ordinal()] = p.total(g);
        }
        double budget = Double.NaN;
        if (objective instanceof PlanObjective.Budget b) {
            budget = b.budgetUsd();
        } else {
            ((PlanObjective.Targets) objective).ratios().forEach((g, r) -> ratios[g.ordinal()] = r);
        }
        return new ExactInstance(cost, covers, amounts, unit, base, tot, budget, ratios,
                new ExclusiveGroups(p.candidates()).memberLists().toArray(int[][]::new));
    }

    boolean budgetMode() {
        return !Double.isNaN(budgetUsd);
    }

    /** Binary x per candidate and continuous y per demand. */
    int variables() {
        return costUsd.length + amounts.length;
    }

    /** One link row per demand and one per exclusive group, plus the budget row or one row per targeted goal. */
    int constraints() {
        return amounts.length + exclusive.length + (budgetMode() ? 1 : (int) Arrays.stream(targetRatios).filter(r -> !Double.isNaN(r)).count());
    }

    /** Non-zero coefficients of the constraint matrix (what ojAlgo's memory grows with). */
    long nonZeros() {
        long n = amounts.length;
        for (int[] c : covers) {
            n += c.length;
        }
        for (int[] g : exclusive) {
            n += g.length;
        }
        if (budgetMode()) {
            return n + costUsd.length;
        }
        for (int g = 0; g < targetRatios.length; g++) {
            if (!Double.isNaN(targetRatios[g])) {
                for (double[] a : amounts) {
                    n += a[g] > 0 ? 1 : 0;
                }
            }
        }
        return n;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(costUsd.length);
        for (int c = 0; c < costUsd.length; c++) {
            out.writeDouble(costUsd[c]);
            out.writeInt(covers[c].length);
            for (int e : covers[c]) {
                out.writeInt(e);
            }
        }
        out.writeInt(amounts.length);
        out.writeInt(unitValue.length);
        for (double[] a : amounts) {
            for (double v : a) {
                out.writeDouble(v);
            }
        }
        for (double[] perGoal : new double[][] {unitValue, baseline, total, targetRatios}) {
            for (double v : perGoal) {
                out.writeDouble(v);
            }
        }
        out.writeDouble(budgetUsd);
        out.writeInt(exclusive.length);
        for (int[] g : exclusive) {
            out.writeInt(g.length);
            for (int c : g) {
                out.writeInt(c);
            }
        }
    }

    static ExactInstance read(DataInput in) throws IOException {
        int candidates = in.readInt();
        double[] cost = new double[candidates];
        int[][] covers = new int[candidates][];
        for (int c = 0; c < candidates; c++) {
            cost[c] = in.readDouble();
            covers[c] = new int[in.readInt()];
            for (int k = 0; k < covers[c].length; k++) {
                covers[c][k] = in.readInt();
            }
        }
        int demands = in.readInt();
        int goals = in.readInt();
        double[][] amounts = new double[demands][goals];
        for (double[] a : amounts) {
            for (int g = 0; g < goals; g++) {
                a[g] = in.readDouble();
            }
        }
        double[][] perGoal = new double[4][goals];
        for (double[] row : perGoal) {
            for (int g = 0; g < goals; g++) {
                row[g] = in.readDouble();
            }
        }
        double budget = in.readDouble();
        int[][] exclusive = new int[in.readInt()][];
        for (int g = 0; g < exclusive.length; g++) {
            exclusive[g] = new int[in.readInt()];
            for (int k = 0; k < exclusive[g].length; k++) {
                exclusive[g][k] = in.readInt();
            }
        }
        return new ExactInstance(cost, covers, amounts, perGoal[0], perGoal[1], perGoal[2], budget, perGoal[3],
                exclusive);
    }
}
