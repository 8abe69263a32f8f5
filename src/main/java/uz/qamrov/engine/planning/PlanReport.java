package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns the optimiser's picks into a {@link Plan}: steps with their gains, outcomes per goal and shortfalls. */
final class PlanReport {

    private static final int G = Goal.values().length;

    private final PlanningProblem p;
    private final List<Candidate> cands;
    private final PlanMoves moves;
    private final int n;
    private final int groupCount;
    private final double[] amt;
    private final double[] unit;
    private final double[] reachable;
    private final boolean[] coverable;

    PlanReport(PlanningProblem p, PlanMoves moves, int groupCount, double[] amt, double[] unit, double[] reachable,
            boolean[] coverable) {
        this.p = p;
        this.cands = p.candidates();
        this.moves = moves;
        this.n = p.demands().size();
        this.groupCount = groupCount;
        this.amt = amt;
        this.unit = unit;
        this.reachable = reachable;
        this.coverable = coverable;
    }

    /**
     * The plan of {@code picks} in their order: each step replayed without truncation (its real effect on every goal),
     * the outcome per goal, and the shortfalls against {@code target} (null: budget mode, against every weighted goal's
     * total).
     */
    Plan of(PlanObjective objective, List<Integer> picks, double[] target) {
        long greedyEvaluations = moves.evaluations();
        double[] need0 = new double[G];
        Arrays.fill(need0, Double.POSITIVE_INFINITY);
        GreedyState replay = new GreedyState(n, cands.size(), groupCount, need0, unit);
        List<PlanStep> steps = new ArrayList<>();
        for (int index : picks) {
            Candidate c = cands.get(index);
            // replayed without truncation: a step's gains are its real effect on every goal
            double[] add = new double[G];
            double v = moves.gain(replay, c, add);
            moves.pick(replay, index);
            Map<Goal, Double> gains = new EnumMap<>(Goal.class);
            for (Goal g : Goal.values()) {
                gains.put(g, add[g.ordinal()]);
            }
            steps.add(new PlanStep(steps.size() + 1, c, c.costUsd(), replay.cost, gains, v, replay.value));
        }
        List<GoalOutcome> outcomes = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Goal g : Goal.values()) {
            int gi = g.ordinal();
            double tgt = target == null ? Double.NaN : target[gi];
            double planned = p.baseline(g) + replay.servedAdded[gi];
            outcomes.add(new GoalOutcome(g, p.total(g), p.baseline(g), planned, reachable[gi], tgt));
            boolean relevant = target == null ? unit[gi] > 0 : !Double.isNaN(tgt);
            double aim = target == null ? p.total(g) : tgt;
            double open = aim - planned;
            if (relevant && open > 1e-6) {
                double uncoverable = Math.max(0, aim - reachable[gi]);
                double budgetLeft = Math.max(0, open - uncoverable);
                shortfalls.add(new Shortfall(g, open, uncoverable, budgetLeft, Shortfall.reason(uncoverable, budgetLeft, target == null),
                        uncoverableRefs(gi)));
            }
        }
        return new Plan(objective, steps, outcomes, shortfalls, replay.cost, replay.value, greedyEvaluations);
    }

    private List<String> uncoverableRefs(int g) {
        List<String> refs = new ArrayList<>();
        for (int e = 0; e < n && refs.size() < 100; e++) {
            if (!coverable[e] && amt[e * G + g] > 0) {
                refs.add(p.demands().get(e).ref());
            }
        }
        return refs;
    }
}
