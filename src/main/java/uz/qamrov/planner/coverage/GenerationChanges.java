package uz.qamrov.planner.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import uz.qamrov.engine.model.Site;

/**
 * What each generation since the last rebuild touched (the newest {@value #KEPT}), so that a run can carry over what
 * no change since touched: the settlements whose reach lists its site changes touched (their signals), and the
 * operators whose cells it changed (their stretches), and the sites it added when it only added sites (nearest-site
 * distances). Known for every generation after {@code knownAfter}: the last rebuild, or the oldest entry dropped.
 */
final class GenerationChanges {

    static final int KEPT = 100;

    /** Added sites are remembered up to this many per generation (a national upload is measured again instead). */
    static final int MAX_ADDED_SITES = 5_000;

    /**
     * The settlements and operators a generation, or a span of them, touched; {@code addedSites}: the sites they added
     * when they added sites only (none moved, changed or removed), else null.
     */
    record Touched(Set<Long> settlements, Set<String> operators, List<Site> addedSites) {
    }

    private final ConcurrentSkipListMap<Long, Touched> byGeneration = new ConcurrentSkipListMap<>();
    private volatile long knownAfter = Long.MAX_VALUE;

    /** A rebuild: it may have changed anything, and nothing before it can be carried over. */
    void rebuilt(long generation) {
        byGeneration.clear();
        knownAfter = generation;
    }

    /** {@code addedSites}: null when the change moved, changed or removed a site. */
    void changed(long generation, Set<Long> settlements, Set<String> operators, List<Site> addedSites) {
        List<Site> added = addedSites == null || addedSites.size() > MAX_ADDED_SITES ? null : List.copyOf(addedSites);
        byGeneration.put(generation, new Touched(Set.copyOf(settlements), Set.copyOf(operators), added));
        while (byGeneration.size() > KEPT) {
            knownAfter = Math.max(knownAfter, byGeneration.pollFirstEntry().getKey());
        }
    }

    /** What the generations after {@code since} up to {@code upTo} touched, or null when that is not known. */
    Touched between(long since, long upTo) {
        if (since < knownAfter || since > upTo) {
            return null;
        }
        Set<Long> settlements = new HashSet<>();
        Set<String> operators = new HashSet<>();
        List<Site> added = new ArrayList<>();
        boolean onlyAdded = true;
        for (Touched t : byGeneration.subMap(since, false, upTo, true).values()) {
            settlements.addAll(t.settlements());
            operators.addAll(t.operators());
            onlyAdded &= t.addedSites() != null;
            if (onlyAdded) {
                added.addAll(t.addedSites());
            }
        }
        return new Touched(settlements, operators, onlyAdded ? added : null);
    }
}
