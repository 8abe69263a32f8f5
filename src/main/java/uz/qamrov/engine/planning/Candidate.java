package uz.qamrov.engine.planning;

import java.util.Arrays;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * One thing a plan may build, priced, with the demands it would close.
 *
 * @param ref stable reference (e.g. {@code new:settlement:123}, {@code upgrade4g:site:45})
 * @param costUsd total cost in USD including backhaul and the region multiplier; must be &gt; 0
 * @param backhaul how a new site is connected (and what that costs, already inside {@code costUsd})
 * @param covers indices into the problem's demand list that this candidate alone would close
 * @param delta what the candidate adds to / removes from the network, for the engine what-if
 * @param exclusiveGroup candidates sharing a non-null group are alternatives of which a plan builds at most one (the
 *     ways to work on one existing site; a new-site point and its high-ground alternative); null = independent.
 *     When the greedy has chosen one, another of its group that covers everything the chosen one covers stays
 *     available as a replacement at the difference in cost; the rest of the group is out
 *     ({@link PlanOptimizer}); the exact programme has Σ x ≤ 1 per group.
 */
public record Candidate(String ref, CandidateType type, String label, double lon, double lat, String regionCode,
        double costUsd, Backhaul backhaul, int[] covers, NetworkDelta delta, String exclusiveGroup) {

    /** An independent candidate (no exclusive group). */
    public Candidate(String ref, CandidateType type, String label, double lon, double lat, String regionCode,
            double costUsd, Backhaul backhaul, int[] covers, NetworkDelta delta) {
        this(ref, type, label, lon, lat, regionCode, costUsd, backhaul, covers, delta, null);
    }

    public Candidate {
        if (ref == null || type == null) {
            throw InvalidInputException.of("candidate needs a ref and a type", "candidate", ref);
        }
        if (!(costUsd > 0) || Double.isInfinite(costUsd)) {
            throw InvalidInputException.of("candidate cost must be > 0", "candidate", ref, "costUsd", costUsd);
        }
        covers = covers == null ? new int[0] : covers.clone();
        backhaul = backhaul == null ? Backhaul.EXISTING : backhaul;
        delta = delta == null ? NetworkDelta.EMPTY : delta;
    }

    @Override
    public int[] covers() {
        return covers.clone();
    }

    int coverCount() {
        return covers.length;
    }

    int cover(int i) {
        return covers[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && c.ref.equals(ref) && c.costUsd == costUsd && Arrays.equals(c.covers, covers);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return "Candidate[" + ref + ", " + type + ", " + costUsd + " USD, covers " + covers.length + "]";
    }
}
