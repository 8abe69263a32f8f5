package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A partial plan of {@link PlanOptimizer}: which demands its picks close and how far each goal still is. */
final class GreedyState {

    private static final double EPS = 1e-9;

    final boolean[] covered;
    /** Per demand how many picks close it (pruning drops a pick only when its demands stay closed or are not needed). */
    final int[] count;
    final double[] need;
    /** What each goal needed at the start (targets mode; +∞ in budget mode): a removal recomputes the need from it. */
    final double[] need0;
    final double[] servedAdded;
    final List<Integer> picks = new ArrayList<>();
    final boolean[] picked;
    final boolean[] banned;
    /** Per exclusive group the chosen member's index, or -1 ({@link ExclusiveGroups}). */
    final int[] chosenIn;
    final double[] gainUnit;
    double cost;
    double value;
    int round;

    GreedyState(int demands, int candidates, int groups, double[] need0, double[] gainUnit) {
        this.covered = new boolean[demands];
        this.count = new int[demands];
        this.need = need0.clone();
        this.need0 = need0.clone();
        this.servedAdded = new double[need0.length];
        this.gainUnit = gainUnit;
        this.picked = new boolean[candidates];
        this.banned = new boolean[candidates];
        this.chosenIn = new int[groups];
        Arrays.fill(chosenIn, -1);
    }

    GreedyState(GreedyState o) {
        covered = o.covered.clone();
        count = o.count.clone();
        need = o.need.clone();
        need0 = o.need0;
        servedAdded = o.servedAdded.clone();
        picks.addAll(o.picks);
        picked = o.picked.clone();
        banned = o.banned.clone();
        chosenIn = o.chosenIn.clone();
        gainUnit = o.gainUnit;
        cost = o.cost;
        value = o.value;
        round = o.round;
    }

    boolean needsMet() {
        for (double v : need) {
            if (v > EPS) {
                return false;
            }
        }
        return true;
    }
}
