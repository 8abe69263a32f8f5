package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exclusive groups of a problem's candidates ({@link Candidate#exclusiveGroup}), by candidate index, and the rule
 * the greedy applies to them: while a member is chosen, another member is available only as a <em>replacement</em>
 * that covers every demand the chosen one covers (nothing is lost by the swap), at the difference in cost; the other
 * members are out. Without this, a site's 5G upgrade and its added sector were two independent picks and the greedy
 * bought both, each at full price, where the combination is one alternative with its own price and cells.
 */
final class ExclusiveGroups {

    /** Per candidate its group number, or -1. */
    private final int[] groupOf;
    private final int groups;
    /** Per group its members' indexes. */
    private final int[][] members;
    private final List<Candidate> cands;

    ExclusiveGroups(List<Candidate> cands) {
        this.cands = cands;
        this.groupOf = new int[cands.size()];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < cands.size(); i++) {
            String g = cands.get(i).exclusiveGroup();
            groupOf[i] = g == null ? -1 : ids.computeIfAbsent(g, k -> ids.size());
        }
        this.groups = ids.size();
        int[] size = new int[groups];
        for (int g : groupOf) {
            if (g >= 0) {
                size[g]++;
            }
        }
        this.members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[size[g]];
            size[g] = 0;
        }
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] >= 0) {
                members[groupOf[i]][size[groupOf[i]]++] = i;
            }
        }
    }

    int count() {
        return groups;
    }

    int groupOf(int candidate) {
        return groupOf[candidate];
    }

    /** Per group the members' indexes (the exact programme's Σ x ≤ 1 rows); groups of one member are left out. */
    List<int[]> memberLists() {
        return java.util.Arrays.stream(members).filter(m -> m.length > 1).map(int[]::clone).toList();
    }

    /** Members of candidate i's group other than i (empty when it has none). */
    List<Integer> others(int i) {
        List<Integer> out = new ArrayList<>();
        if (groupOf[i] >= 0) {
            for (int j : members[groupOf[i]]) {
                if (j != i) {
                    out.add(j);
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code j} may replace the chosen {@code k} of its group: j covers every demand k covers. Both covers
     * lists are sorted (the generator sorts them; hand-made problems may not, so this does not rely on it).
     */
    boolean replaces(int j, int k) {
        int[] a = cands.get(j).covers();
        int[] b = cands.get(k).covers();
        java.util.Arrays.sort(a);
        for (int e : b) {
            if (java.util.Arrays.binarySearch(a, e) < 0) {
                return false;
            }
        }
        return true;
    }
}
