package uz.qamrov.planner.coverage;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What each generation since the last rebuild touched (the newest {@value #KEPT}), so that a run can carry over what
 * no change since touched: the settlements whose reach lists its site changes touched (their signals), and the
 * operators whose cells it changed (their stretches). Known for every generation after {@code knownAfter}: the last
 * rebuild, or the oldest entry dropped.
 */
final class GenerationChanges {

    static final int KEPT = 100;

    /** The settlements and operators a generation, or a span of them, touched. */
    record Touched(Set<Long> settlements, Set<String> operators) {
    }

    private final ConcurrentSkipListMap<Long, Touched> byGeneration = new ConcurrentSkipListMap<>();
    private volatile long knownAfter = Long.MAX_VALUE;

    /** A rebuild: it may have changed anything, and nothing before it can be carried over. */
    void rebuilt(long generation) {
        byGeneration.clear();
        knownAfter = generation;
    }

    void changed(long generation, Set<Long> settlements, Set<String> operators) {
        byGeneration.put(generation, new Touched(Set.copyOf(settlements), Set.copyOf(operators)));
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
        byGeneration.subMap(since, false, upTo, true).values().forEach(t -> {
            settlements.addAll(t.settlements());
            operators.addAll(t.operators());
        });
        return new Touched(settlements, operators);
    }
}
