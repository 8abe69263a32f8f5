package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The moves of a partial plan ({@link GreedyState}) over one problem's candidates: what a candidate would cost and
 * add, picking and unpicking it. One definition for the optimiser's greedy, pruning and local search and for the
 * replay that reports a plan ({@link PlanReport}), so a reported step's cost and gain are those the optimiser used.
 */
final class PlanMoves {

    private static final int G = Goal.values().length;

    private final List<Candidate> cands;
    private final ExclusiveGroups groups;
    /** Per demand and goal the amount it adds to the goal when closed: {@code amt[e * G + g]}. */
    private final double[] amt;
    private long evaluations;

    PlanMoves(List<Candidate> cands, ExclusiveGroups groups, double[] amt) {
        this.cands = cands;
        this.groups = groups;
        this.amt = amt;
    }

    /** How many marginal gains were computed so far. */
    long evaluations() {
        return evaluations;
    }

    /**
     * What picking candidate i adds to the plan's cost: its cost; +∞ when picked already or excluded by the chosen
     * member of its exclusive group; the difference in cost when it would replace that member (it covers all the
     * chosen one covers; a cheaper replacement is priced at a token cent, it only improves the plan).
     */
    double price(GreedyState s, int i) {
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
    double gain(GreedyState s, Candidate c, double[] addOut) {
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
    void pick(GreedyState s, int index) {
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

    /** Removes candidate {@code index} from the plan; the goals' needs are recomputed from what the rest serve. */
    void unpick(GreedyState s, int index) {
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

    /** The picks, most expensive first (ties: the later candidate first), the order pruning tries them in. */
    List<Integer> byCostDescending(List<Integer> picks) {
        List<Integer> out = new ArrayList<>(picks);
        out.sort(Comparator.comparingDouble((Integer i) -> -cands.get(i).costUsd()).thenComparing(i -> -i));
        return out;
    }
}
