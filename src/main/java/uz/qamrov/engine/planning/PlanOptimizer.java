package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Budgeted maximum coverage by lazy greedy (CELF, Leskovec et al. 2007) on marginal objective gain per USD.
 *
 * <p>Why lazy greedy: the objective ({@link PlanningProblem}) is monotone submodular, so a candidate's gain can only
 * shrink as the plan grows; a gain computed in an earlier round is an upper bound, and only the top of the priority
 * queue needs recomputing. On national instances that skips almost all of the 100k+ re-evaluations of plain greedy.
 *
 * <ul>
 * <li>{@link PlanObjective.Budget}: the better of (a) the cost-effective greedy from scratch and (b) the same greedy
 * seeded with the single most valuable affordable candidate — the classic fix that gives the ratio greedy its
 * (1 − 1/e)/2 guarantee when one expensive candidate beats many cheap ones (Khuller, Moss, Naor 1999). Candidates
 * that no longer fit in the remaining budget are skipped, not a reason to stop.</li>
 * <li>{@link PlanObjective.Targets}: greedy set cover on the gain truncated at each goal's remaining need (still
 * submodular), until every target is met or nothing adds more; then a pruning pass drops, most expensive first,
 * any pick the targets no longer need, and a local search swaps picks ({@link CoverSwapSearch}). Targets beyond what
 * all candidates reach are capped there and reported as {@link Shortfall}s, not errors.</li>
 * </ul>
 * Ties are broken by candidate order, so a plan is deterministic. The optimality gap against an exact integer
 * programme is measured in {@code PlanOptimizerExactTest} (docs/planning.md).
 *
 * <p>Exclusive alternatives ({@link Candidate#exclusiveGroup}: the 5G upgrade, the added sector and the two together
 * on one site; a new-site point and the high ground near it): once one is chosen, a member that covers all it covers
 * may replace it at the difference in cost (re-offered to the queue at that price, since its queued ratio was computed
 * at the full price and would wrongly bound it), and the other members are out. A replacement removes the replaced
 * pick from the plan, so its cost is never paid twice.
 *
 * <p>Limitation: candidates of different groups are independent — two new sites near the same cable each pay their
 * own fiber extension.
 */
public final class PlanOptimizer {

    private static final double EPS = 1e-9;
    private static final int G = Goal.values().length;
    private static final int MAX_IMPROVE_TRIES = 64;

    private final PlanningProblem p;
    private final List<Candidate> cands;
    private final int n;
    private final double[] amt;
    private final double[] unit = new double[G];
    private final boolean[] coverable;
    private final double[] reachable = new double[G];
    private final ExclusiveGroups groups;
    private long evaluations;

    private PlanOptimizer(PlanningProblem problem) {
        this.p = problem;
        this.cands = problem.candidates();
        this.groups = new ExclusiveGroups(cands);
        this.n = problem.demands().size();
        this.amt = new double[n * G];
        for (int e = 0; e < n; e++) {
            double[] a = problem.demands().get(e).amounts();
            System.arraycopy(a, 0, amt, e * G, G);
        }
        for (Goal g : Goal.values()) {
            unit[g.ordinal()] = problem.unitValue(g);
            reachable[g.ordinal()] = problem.baseline(g);
        }
        coverable = new boolean[n];
        for (Candidate c : cands) {
            for (int i = 0; i < c.coverCount(); i++) {
                coverable[c.cover(i)] = true;
            }
        }
        for (int e = 0; e < n; e++) {
            if (coverable[e]) {
                for (int g = 0; g < G; g++) {
                    reachable[g] += amt[e * G + g];
                }
            }
        }
    }

    /** Plans with the lazy greedy; see the class comment for the two modes. */
    public static Plan optimize(PlanningProblem problem, PlanObjective objective) {
        return new PlanOptimizer(problem).run(objective);
    }

    private Plan run(PlanObjective objective) {
        if (objective instanceof PlanObjective.Budget b) {
            double[] need0 = new double[G];
            Arrays.fill(need0, Double.POSITIVE_INFINITY);
            GreedyState plain = new GreedyState(n, cands.size(), groups.count(), need0, unit);
            greedy(plain, b.budgetUsd());
            int best = -1;
            double bestValue = 0;
            GreedyState empty = new GreedyState(n, cands.size(), groups.count(), need0, unit);
            for (int i = 0; i < cands.size(); i++) {
                if (cands.get(i).costUsd() <= b.budgetUsd() + EPS) {
                    double v = gain(empty, cands.get(i), null);
                    if (v > bestValue + EPS) {
                        bestValue = v;
                        best = i;
                    }
                }
            }
            GreedyState chosen = plain;
            if (best >= 0 && !plain.picks.isEmpty() && plain.picks.get(0) != best) {
                GreedyState seeded = new GreedyState(n, cands.size(), groups.count(), need0, unit);
                pick(seeded, best);
                greedy(seeded, b.budgetUsd());
                if (seeded.value > plain.value + EPS) {
                    chosen = seeded;
                }
            }
            return result(objective, chosen.picks, null);
        }
        PlanObjective.Targets t = (PlanObjective.Targets) objective;
        double[] target = new double[G];
        double[] need0 = new double[G];
        Arrays.fill(target, Double.NaN);
        for (Map.Entry<Goal, Double> e : t.ratios().entrySet()) {
            int g = e.getKey().ordinal();
            target[g] = e.getValue() * p.total(e.getKey());
            // a target beyond what every candidate together reaches is capped there (reported as a shortfall)
            need0[g] = Math.max(0, Math.min(target[g], reachable[g]) - p.baseline(e.getKey()));
        }
        // set cover on several goals: each goal's gain counts as a share of what it still needs (Wolsey's greedy
        // for the submodular cover Σ_g min(served_g, need_g) / need_g), so no goal's unit dominates the choice
        double[] gainUnit = new double[G];
        for (int g = 0; g < G; g++) {
            gainUnit[g] = need0[g] > EPS ? 1 / need0[g] : 0;
        }
        GreedyState s = new GreedyState(n, cands.size(), groups.count(), need0, gainUnit);
        greedy(s, Double.POSITIVE_INFINITY);
        prune(s, need0);
        s = improve(s, need0);
        return result(objective, CoverSwapSearch.improve(p, groups, need0, s.picks), target);
    }

    private record Entry(int index, double ratio, int round) {
    }

    private void greedy(GreedyState s, double budget) {
        PriorityQueue<Entry> queue = new PriorityQueue<>(
                Comparator.comparingDouble((Entry e) -> -e.ratio()).thenComparingInt(Entry::index));
        for (int i = 0; i < cands.size(); i++) {
            offer(queue, s, i, budget);
        }
        while (!queue.isEmpty() && !s.needsMet()) {
            Entry top = queue.poll();
            int i = top.index();
            double price = price(s, i);
            // unavailable (+∞; with no budget the comparison below would not catch it), or the remaining budget only
            // shrinks and it will never fit again (a replacement that becomes cheaper is re-offered after a pick)
            if (price == Double.POSITIVE_INFINITY || price > budget - s.cost + EPS) {
                continue;
            }
            if (top.round() == s.round) {
                pick(s, i);
                // its group's replacements now cost only the difference: their queued ratios are too low, re-offer
                for (int j : groups.others(i)) {
                    offer(queue, s, j, budget);
                }
                continue;
            }
            double g = gain(s, cands.get(i), null);
            if (g > EPS) {
                queue.add(new Entry(i, g / price, s.round));
            }
        }
    }

    /** Queues candidate i at its current gain per USD, when it is available, fits and adds anything. */
    private void offer(PriorityQueue<Entry> queue, GreedyState s, int i, double budget) {
        double price = price(s, i);
        if (s.banned[i] || price == Double.POSITIVE_INFINITY || price > budget - s.cost + EPS) {
            return; // an unavailable candidate (picked, or excluded by its group) is priced at +∞
        }
        double g = gain(s, cands.get(i), null);
        if (g > EPS) {
            queue.add(new Entry(i, g / price, s.round));
        }
    }

    /**
     * What picking candidate i adds to the plan's cost: its cost; +∞ when picked already or excluded by the chosen
     * member of its exclusive group; the difference in cost when it would replace that member (it covers all the
     * chosen one covers; a cheaper replacement is priced at a token cent, it only improves the plan).
     */
    private double price(GreedyState s, int i) {
        if (s.picked[i]) {
            return Double.POSITIVE_INFINITY;
        }
        int grp = groups.groupOf(i);
        int k = grp < 0 ? -1 : s.chosenIn[grp];
        if (k < 0) {
            return cands.get(i).costUsd();
        }
        return groups.replaces(i, k) ? Math.max(0.01, cands.get(i).costUsd() - cands.get(k).costUsd())
                : Double.POSITIVE_INFINITY;
    }

    /** Objective gain of adding c to the state (truncated at each goal's need); per-goal raw adds into addOut. */
    private double gain(GreedyState s, Candidate c, double[] addOut) {
        evaluations++;
        double[] add = addOut == null ? new double[G] : addOut;
        for (int i = 0; i < c.coverCount(); i++) {
            int e = c.cover(i);
            if (!s.covered[e]) {
                for (int g = 0; g < G; g++) {
                    add[g] += amt[e * G + g];
                }
            }
        }
        double v = 0;
        for (int g = 0; g < G; g++) {
            v += s.gainUnit[g] * Math.min(add[g], s.need[g]);
        }
        return v;
    }

    /** Adds candidate {@code index}; when it replaces the chosen member of its group, that one leaves the plan. */
    private void pick(GreedyState s, int index) {
        Candidate c = cands.get(index);
        int grp = groups.groupOf(index);
        int replaced = grp < 0 ? -1 : s.chosenIn[grp];
        double[] add = new double[G];
        s.value += gain(s, c, add);
        for (int i = 0; i < c.coverCount(); i++) {
            int e = c.cover(i);
            s.covered[e] = true;
            s.count[e]++;
        }
        for (int g = 0; g < G; g++) {
            s.need[g] = Math.max(0, s.need[g] - add[g]);
            s.servedAdded[g] += add[g];
        }
        s.cost += c.costUsd();
        s.picks.add(index);
        s.picked[index] = true;
        s.round++;
        if (replaced >= 0) {
            // the replacement covers every demand of the replaced one, so removing it changes no goal or value
            unpick(s, replaced);
        }
        if (grp >= 0) {
            s.chosenIn[grp] = index;
        }
    }

    /** Drops picks the targets do not need, most expensive first (greedy set cover often over-buys early). */
    private void prune(GreedyState s, double[] need0) {
        List<Integer> byCost = byCostDescending(s.picks);
        for (int i : byCost) {
            Candidate c = cands.get(i);
            double[] loss = new double[G];
            for (int k = 0; k < c.coverCount(); k++) {
                int e = c.cover(k);
                if (s.count[e] == 1) {
                    for (int g = 0; g < G; g++) {
                        loss[g] += amt[e * G + g];
                    }
                }
            }
            boolean removable = true;
            for (int g = 0; g < G && removable; g++) {
                removable = need0[g] <= EPS || s.servedAdded[g] - loss[g] + EPS >= need0[g];
            }
            if (removable) {
                unpick(s, i);
            }
        }
    }

    /**
     * Local search after greedy and pruning: drop one pick (most expensive first), let the greedy refill what that
     * leaves open without it, prune, and keep the result when it is cheaper; repeat until no drop helps or
     * {@link #MAX_IMPROVE_TRIES} drops were tried (each is one lazy greedy run, so national plans stay fast).
     */
    private GreedyState improve(GreedyState s, double[] need0) {
        int tries = 0;
        boolean better = true;
        while (better && tries < MAX_IMPROVE_TRIES) {
            better = false;
            search:
            for (int i : byCostDescending(s.picks)) {
                // drop the pick (-1), or swap it for another alternative of its group: the greedy's replacements
                // only grow a group's choice, so a smaller alternative is reached only by this swap
                List<Integer> moves = new ArrayList<>(List.of(-1));
                moves.addAll(groups.others(i));
                for (int j : moves) {
                    if (tries++ >= MAX_IMPROVE_TRIES) {
                        break search;
                    }
                    GreedyState t = new GreedyState(s);
                    unpick(t, i);
                    t.banned[i] = true;
                    if (j >= 0 && price(t, j) < Double.POSITIVE_INFINITY) {
                        pick(t, j);
                    }
                    greedy(t, Double.POSITIVE_INFINITY);
                    if (!t.needsMet()) {
                        continue;
                    }
                    prune(t, need0);
                    if (t.cost < s.cost - 1e-6) {
                        Arrays.fill(t.banned, false);
                        s = t;
                        better = true;
                        break search;
                    }
                }
            }
        }
        return s;
    }

    private List<Integer> byCostDescending(List<Integer> picks) {
        List<Integer> out = new ArrayList<>(picks);
        out.sort(Comparator.comparingDouble((Integer i) -> -cands.get(i).costUsd()).thenComparing(i -> -i));
        return out;
    }

    private void unpick(GreedyState s, int index) {
        Candidate c = cands.get(index);
        for (int k = 0; k < c.coverCount(); k++) {
            int e = c.cover(k);
            if (--s.count[e] == 0) {
                s.covered[e] = false;
                for (int g = 0; g < G; g++) {
                    s.servedAdded[g] -= amt[e * G + g];
                }
            }
        }
        for (int g = 0; g < G; g++) {
            s.need[g] = Math.max(0, s.need0[g] - s.servedAdded[g]);
        }
        s.cost -= c.costUsd();
        s.picks.remove(Integer.valueOf(index));
        s.picked[index] = false;
        int grp = groups.groupOf(index);
        if (grp >= 0 && s.chosenIn[grp] == index) {
            s.chosenIn[grp] = -1;
        }
        s.round++;
    }

    private Plan result(PlanObjective objective, List<Integer> picks, double[] target) {
        long greedyEvaluations = evaluations;
        double[] need0 = new double[G];
        Arrays.fill(need0, Double.POSITIVE_INFINITY);
        GreedyState replay = new GreedyState(n, cands.size(), groups.count(), need0, unit);
        List<PlanStep> steps = new ArrayList<>();
        for (int index : picks) {
            Candidate c = cands.get(index);
            // replayed without truncation: a step's gains are its real effect on every goal
            double[] add = new double[G];
            double v = gain(replay, c, add);
            pick(replay, index);
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
