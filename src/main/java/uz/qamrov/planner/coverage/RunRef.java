package uz.qamrov.planner.coverage;

import java.time.LocalDate;

/**
 * A stored run as readers see it.
 *
 * @param generation the model generation it was computed on (-1 for runs from before generations)
 * @param stale a later generation may answer this date differently; a fresh run is being computed
 * @param polygons its dissolved coverage polygons are stored
 * @param complete everything of the run is stored; false for a run a reader waited for, stored gaps first, while the
 *     covered places' signal classes and each operator's uncovered stretches are being added (a second or so later)
 */
public record RunRef(long id, LocalDate asOf, long generation, boolean stale, boolean polygons, boolean complete) {
}
