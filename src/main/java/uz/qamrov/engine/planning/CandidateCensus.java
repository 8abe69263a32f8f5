package uz.qamrov.engine.planning;

import java.util.Map;

/**
 * How many candidates each rule generated and what became of them, and how long each phase of the generation took.
 *
 * <p>Every generated radio candidate is judged against the demands: when no demand lies within the reach bound of its
 * cells (the link budget's boresight range, plus 10%) it cannot close any and its footprints are not built; otherwise
 * its footprints are built by the coverage model and it closes the demands they contain. Only candidates that close at
 * least one demand enter the {@link PlanningProblem}: a candidate that closes nothing has zero marginal gain in every
 * round, which is all the lazy greedy would ever learn about it.
 *
 * @param byClass per class (e.g. "upgrade to 4G", "new site: populated-grid"), in generation order
 * @param phaseMs wall time per phase in milliseconds, in order
 */
public record CandidateCensus(Map<String, Counts> byClass, Map<String, Long> phaseMs) {

    /**
     * @param generated candidates of the class in scope
     * @param footprintsBuilt of them, those with a demand within reach (footprints built and tested)
     * @param closing of them, those closing at least one demand (handed to the optimiser)
     */
    public record Counts(int generated, int footprintsBuilt, int closing) {
    }

    public CandidateCensus {
        byClass = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byClass));
        phaseMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMs));
    }

    public int generated() {
        return byClass.values().stream().mapToInt(Counts::generated).sum();
    }

    public int footprintsBuilt() {
        return byClass.values().stream().mapToInt(Counts::footprintsBuilt).sum();
    }

    public int closing() {
        return byClass.values().stream().mapToInt(Counts::closing).sum();
    }
}
