package uz.qamrov.planner.coverage;

import java.time.LocalDate;

/**
 * A stored run as readers see it.
 *
 * @param generation the model generation it was computed on (-1 for runs from before generations)
 * @param stale a later generation may answer this date differently; a fresh run is being computed
 * @param polygons its dissolved coverage polygons are stored
 */
public record RunRef(long id, LocalDate asOf, long generation, boolean stale, boolean polygons) {
}
