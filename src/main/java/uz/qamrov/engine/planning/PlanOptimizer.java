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
 * that no longer fit in the remaining budget are skipped, not a reason to stop. In each, picks a later pick made
 * redundant are dropped and the greedy spends their cost again ({@link #respend}).</li>
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
    private static final int MAX_RESPEND_ROUNDS = 16;

    private final PlanningProblem p;
    private final List<Candidate> cands;
    private final int n;
    private final double[] amt;
    private final double[] unit = new double[G];
    private final boolean[] coverable;
    private final double[] reachable = new double[G];
    private final ExclusiveGroups groups;
    private final PlanMoves moves;
    private final PlanReport report;

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
        this.moves = new PlanMoves(cands, groups, amt);
        this.report = new PlanReport(problem, moves, groups.count(), amt, unit, reachable, coverable);
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
                    double v = moves.gain(empty, cands.get(i), null);
                    if (v > bestValue + EPS) {
                        bestValue = v;
                        best = i;
                    }
                }
            }
            boolean seedDiffers = best >= 0 && !plain.picks.isEmpty() && plain.picks.get(0) != best;
            GreedyState chosen = respend(plain, b.budgetUsd());
            if (seedDiffers) {
                GreedyState seeded = new GreedyState(n, cands.size(), groups.count(), need0, unit);
                moves.pick(seeded, best);
                greedy(seeded, b.budgetUsd());
                seeded = respend(seeded, b.budgetUsd());
                if (seeded.value > chosen.value + EPS) {
                    chosen = seeded;
                }
            }
            return report.of(objective, chosen.picks, null);
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
        return report.of(objective, CoverSwapSearch.improve(p, groups, need0, s.picks), target);
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
            double price = moves.price(s, i);
            // unavailable (+∞; with no budget the comparison below would not catch it), or the remaining budget only
            // shrinks and it will never fit again (a replacement that becomes cheaper is re-offered after a pick)
            if (price == Double.POSITIVE_INFINITY || price > budget - s.cost + EPS) {
                continue;
            }
            if (top.round() == s.round) {
                moves.pick(s, i);
                // its group's replacements now cost only the difference: their queued ratios are too low, re-offer
                for (int j : groups.others(i)) {
                    offer(queue, s, j, budget);
                }
                continue;
            }
            double g = moves.gain(s, cands.get(i), null);
            if (g > EPS) {
                queue.add(new Entry(i, g / price, s.round));
            }
        }
    }

    /** Queues candidate i at its current gain per USD, when it is available, fits and adds anything. */
    private void offer(PriorityQueue<Entry> queue, GreedyState s, int i, double budget) {
        double price = moves.price(s, i);
        if (s.banned[i] || price == Double.POSITIVE_INFINITY || price > budget - s.cost + EPS) {
            return; // an unavailable candidate (picked, or excluded by its group) is priced at +∞
        }
        double g = moves.gain(s, cands.get(i), null);
        if (g > EPS) {
            queue.add(new Entry(i, g / price, s.round));
        }
    }




    /**
     * Budget mode: a later pick may close every demand an earlier one closed, which then adds nothing but still holds
     * its cost. Drops such picks (most expensive first) and lets the greedy spend what they held; repeats while
     * something is dropped. The value never falls (a dropped pick closes nothing alone) and each further round either
     * adds value or ends, so this stops; {@link #MAX_RESPEND_ROUNDS} bounds it all the same.
     */
    private GreedyState respend(GreedyState s, double budget) {
        for (int round = 0; round < MAX_RESPEND_ROUNDS && dropIdle(s); round++) {
            greedy(s, budget);
        }
        return s;
    }

    /**
     * Unpicks, most expensive first, each pick that closes nothing alone (every demand it closes that is worth anything
     * another pick closes too); whether any was.
     */
    private boolean dropIdle(GreedyState s) {
        boolean dropped = false;
        for (int i : moves.byCostDescending(s.picks)) {
            if (closesNothingAlone(s, cands.get(i))) {
                moves.unpick(s, i);
                dropped = true;
            }
        }
        return dropped;
    }

    private boolean closesNothingAlone(GreedyState s, Candidate c) {
        for (int k = 0; k < c.coverCount(); k++) {
            int e = c.cover(k);
            if (s.count[e] == 1) {
                for (int g = 0; g < G; g++) {
                    if (amt[e * G + g] > 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Drops picks the targets do not need, most expensive first (greedy set cover often over-buys early). */
    private void prune(GreedyState s, double[] need0) {
        List<Integer> byCost = moves.byCostDescending(s.picks);
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
                moves.unpick(s, i);
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
            for (int i : moves.byCostDescending(s.picks)) {
                // drop the pick (-1), or swap it for another alternative of its group: the greedy's replacements
                // only grow a group's choice, so a smaller alternative is reached only by this swap
                List<Integer> options = new ArrayList<>(List.of(-1));
                options.addAll(groups.others(i));
                for (int j : options) {
                    if (tries++ >= MAX_IMPROVE_TRIES) {
                        break search;
                    }
                    GreedyState t = new GreedyState(s);
                    moves.unpick(t, i);
                    t.banned[i] = true;
                    if (j >= 0 && moves.price(t, j) < Double.POSITIVE_INFINITY) {
                        moves.pick(t, j);
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




}
