package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Swap local search for the targets mode of {@link PlanOptimizer} (cheapest plan that reaches every target), run after
 * the greedy, its pruning and its drop-and-refill search. Moves, each accepted only when every goal keeps what the plan
 * reaches (its need, or what the plan already served where that was less) and the cost falls:
 * <ul>
 * <li>1-for-1: one pick out, one cheaper candidate in;</li>
 * <li>2-for-1: two picks out, one candidate in that costs less than the two together — greedy set cover buys two
 * mid-sized sites early where one bigger site later turns out to close both their demands;</li>
 * <li>2-for-2: when the 2-for-1 leaves a goal short, the cheapest candidate that closes the rest, if the saving pays
 * for it (seed 8 of {@code ExclusiveAlternativesExactTest}: two fiber extensions replaced by a bigger one and a small
 * one elsewhere, since a 60% household target is met by any households);</li>
 * <li>after every accepted move, redundant picks (the targets stay reached without them) are dropped, most expensive
 * first.</li>
 * </ul>
 * A candidate's price is its {@link Candidate#costUsd} (backhaul included), exactly what the greedy adds to a plan;
 * exclusive groups stay at most one member per plan: a candidate enters only when its group has no pick or that pick
 * is one of those leaving.
 *
 * <p>Bound: entering candidates are those sharing a demand with a pick or closing an open demand of a target goal;
 * for each, every single pick and every pair of picks may leave (P + P²/2 checks of O(cover size), P picks), and a
 * pair short of a goal scans the candidates for the cheapest repair. The whole search stops after {@link #MAX_MOVES}
 * accepted moves or {@link #MAX_CHECKS} checks, whichever comes first: on a national plan (~200k candidates, ~100
 * picks) the cap, not the neighbourhood, is the bound, and the search is then not exhaustive. First improvement in a
 * fixed order, so the result is deterministic.
 */
final class CoverSwapSearch {

    private static final double EPS = 1e-9;
    static final int MAX_MOVES = 64;
    static final long MAX_CHECKS = 5_000_000;

    private final List<Candidate> cands;
    private final ExclusiveGroups groups;
    private final int goals;
    private final double[] amt;
    private final double[] need0;
    /** Per demand the candidates that close it, to find the neighbourhood of a pick. */
    private final int[][] coveredBy;
    private final int[] count;
    private final double[] served;
    private final double[] floor;
    private final boolean[] picked;
    private final List<Integer> picks;
    private long checks;

    private CoverSwapSearch(PlanningProblem p, ExclusiveGroups groups, double[] need0, List<Integer> start) {
        this.cands = p.candidates();
        this.groups = groups;
        this.goals = need0.length;
        this.need0 = need0;
        int n = p.demands().size();
        this.amt = new double[n * goals];
        for (int e = 0; e < n; e++) {
            System.arraycopy(p.demands().get(e).amounts(), 0, amt, e * goals, goals);
        }
        int[] deg = new int[n];
        for (Candidate c : cands) {
            for (int k = 0; k < c.coverCount(); k++) {
                deg[c.cover(k)]++;
            }
        }
        coveredBy = new int[n][];
        for (int e = 0; e < n; e++) {
            coveredBy[e] = new int[deg[e]];
            deg[e] = 0;
        }
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            for (int k = 0; k < c.coverCount(); k++) {
                int e = c.cover(k);
                coveredBy[e][deg[e]++] = i;
            }
        }
        this.count = new int[n];
        this.served = new double[goals];
        this.picked = new boolean[cands.size()];
        this.picks = new ArrayList<>();
        for (int i : start) {
            add(i, picks.size());
        }
        // a goal whose need the plan could not reach keeps at least what it reached
        this.floor = new double[goals];
        for (int g = 0; g < goals; g++) {
            floor[g] = need0[g] <= EPS ? 0 : Math.min(need0[g], served[g]);
        }
    }

    /**
     * The picks improved by swaps and redundancy removal, in their original order with an entering candidate at the
     * place of the first pick it replaces. {@code need0}: per goal the amount the plan must add (0 = no target).
     */
    static List<Integer> improve(PlanningProblem p, ExclusiveGroups groups, double[] need0, List<Integer> picks) {
        CoverSwapSearch s = new CoverSwapSearch(p, groups, need0, picks);
        s.dropRedundant();
        for (int moves = 0; moves < MAX_MOVES && s.checks < MAX_CHECKS && s.swapOnce(); moves++) {
            s.dropRedundant();
        }
        return List.copyOf(s.picks);
    }

    /** Tries entering candidates in index order; applies the first move that lowers the cost. */
    private boolean swapOnce() {
        for (int c : neighbourhood()) {
            if (checks >= MAX_CHECKS) {
                return false;
            }
            List<Integer> out = leavingCandidates(c);
            double in = cands.get(c).costUsd();
            add(c, picks.size());
            // 1-for-1 first (it keeps more of the plan), then 2-for-1, then 2-for-2
            for (int a = 0; a < out.size(); a++) {
                int ra = out.get(a);
                if (cost(ra) > in + 1e-6 && removable(ra) && groupOk(c, ra, -1)) {
                    replace(c, ra, -1);
                    return true;
                }
            }
            for (int a = 0; a < out.size(); a++) {
                int ra = out.get(a);
                int place = picks.indexOf(ra);
                remove(ra);
                for (int b = a + 1; b < out.size(); b++) {
                    int rb = out.get(b);
                    checks++;
                    double saving = cost(ra) + cost(rb) - in;
                    if (saving <= 1e-6 || !groupOk(c, ra, rb)) {
                        continue;
                    }
                    if (removable(rb)) {
                        add(ra, place);
                        replace(c, ra, rb);
                        return true;
                    }
                    // 2-for-2: the cheapest candidate that closes what is still open, if the saving pays for it
                    int placeB = picks.indexOf(rb);
                    remove(rb);
                    int d = repair(saving, ra, rb);
                    add(rb, placeB);
                    if (d >= 0) {
                        add(ra, place);
                        replace(c, ra, rb);
                        add(d, picks.size());
                        return true;
                    }
                }
                add(ra, place);
            }
            remove(c);
        }
        return false;
    }

    /**
     * With ra and rb out, the cheapest other unpicked candidate costing less than {@code saving} that brings every goal
     * back to its floor; -1 if none. A scan of all candidates (cheap ones are rejected before any cover is touched).
     */
    private int repair(double saving, int ra, int rb) {
        int best = -1;
        for (int d = 0; d < cands.size() && checks < MAX_CHECKS; d++) {
            checks++;
            if (picked[d] || d == ra || d == rb || cost(d) >= saving - 1e-6 || (best >= 0 && cost(d) >= cost(best))
                    || !groupOk(d, ra, rb)) {
                continue;
            }
            add(d, picks.size());
            if (feasible()) {
                best = d;
            }
            remove(d);
        }
        return best;
    }

    private boolean feasible() {
        for (int g = 0; g < goals; g++) {
            if (need0[g] > EPS && served[g] + EPS < floor[g]) {
                return false;
            }
        }
        return true;
    }

    /** Unpicked candidates that close a demand of some pick, in index order. */
    private Set<Integer> neighbourhood() {
        Set<Integer> out = new TreeSet<>();
        for (int i : picks) {
            Candidate c = cands.get(i);
            for (int k = 0; k < c.coverCount(); k++) {
                addUnpicked(coveredBy[c.cover(k)], out);
            }
        }
        // and those closing a demand still open that counts toward a target: with targets as shares, a candidate
        // elsewhere (a fiber extension to other households) may stand in for two picks it shares no demand with
        for (int e = 0; e < count.length; e++) {
            if (count[e] == 0 && countsTowardTarget(e)) {
                addUnpicked(coveredBy[e], out);
            }
        }
        return out;
    }

    private void addUnpicked(int[] candidates, Set<Integer> out) {
        for (int j : candidates) {
            checks++;
            if (!picked[j]) {
                out.add(j);
            }
        }
    }

    private boolean countsTowardTarget(int e) {
        for (int g = 0; g < goals; g++) {
            if (need0[g] > EPS && amt[e * goals + g] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Picks that may leave when c enters: first those sharing a demand with c and its group's pick, then the rest. */
    private List<Integer> leavingCandidates(int c) {
        Set<Integer> out = new LinkedHashSet<>();
        int grp = groups.groupOf(c);
        Candidate cand = cands.get(c);
        for (int k = 0; k < cand.coverCount(); k++) {
            for (int j : coveredBy[cand.cover(k)]) {
                if (picked[j]) {
                    out.add(j);
                }
            }
        }
        if (grp >= 0) {
            for (int j : groups.others(c)) {
                if (picked[j]) {
                    out.add(j);
                }
            }
        }
        // then every other pick: targets are shares (90% of settlements), so what c adds elsewhere may free a pick it
        // shares no demand with
        out.addAll(picks);
        return new ArrayList<>(out);
    }

    /** c may stay with ra (and rb, or -1) gone: no other pick of its group remains. */
    private boolean groupOk(int c, int ra, int rb) {
        for (int j : groups.others(c)) {
            if (picked[j] && j != ra && j != rb) {
                return false;
            }
        }
        return true;
    }

    /** c is already added; ra and rb (or -1) leave; c takes the place of the earliest of them. */
    private void replace(int c, int ra, int rb) {
        picks.remove(Integer.valueOf(c));
        int at = picks.indexOf(ra);
        if (rb >= 0) {
            at = Math.min(at, picks.indexOf(rb));
        }
        picks.add(at, c);
        remove(ra);
        if (rb >= 0) {
            remove(rb);
        }
    }

    /** Drops picks the plan no longer needs, most expensive first (a swap can make an earlier pick redundant). */
    private void dropRedundant() {
        List<Integer> byCost = new ArrayList<>(picks);
        byCost.sort(Comparator.comparingDouble((Integer i) -> -cost(i)).thenComparing(i -> -i));
        for (int i : byCost) {
            if (removable(i)) {
                remove(i);
            }
        }
    }

    /** Whether removing pick i keeps every goal at its floor. */
    private boolean removable(int i) {
        checks++;
        Candidate c = cands.get(i);
        double[] loss = new double[goals];
        for (int k = 0; k < c.coverCount(); k++) {
            int e = c.cover(k);
            if (count[e] == 1) {
                for (int g = 0; g < goals; g++) {
                    loss[g] += amt[e * goals + g];
                }
            }
        }
        for (int g = 0; g < goals; g++) {
            if (need0[g] > EPS && served[g] - loss[g] + EPS < floor[g]) {
                return false;
            }
        }
        return true;
    }

    private double cost(int i) {
        return cands.get(i).costUsd();
    }

    private void add(int i, int at) {
        Candidate c = cands.get(i);
        for (int k = 0; k < c.coverCount(); k++) {
            int e = c.cover(k);
            if (count[e]++ == 0) {
                for (int g = 0; g < goals; g++) {
                    served[g] += amt[e * goals + g];
                }
            }
        }
        picks.add(at, i);
        picked[i] = true;
    }

    private void remove(int i) {
        Candidate c = cands.get(i);
        for (int k = 0; k < c.coverCount(); k++) {
            int e = c.cover(k);
            if (--count[e] == 0) {
                for (int g = 0; g < goals; g++) {
                    served[g] -= amt[e * goals + g];
                }
            }
        }
        picks.remove(Integer.valueOf(i));
        picked[i] = false;
    }
}
