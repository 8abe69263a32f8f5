package uz.qamrov.engine.planning;

import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.terrain.Dem;

/**
 * What a plan reuses from the model generation it plans on instead of building it itself.
 *
 * @param nearest the nearest-site/fiber index of the model's network, for new sites' backhaul; null = the generator
 *     builds one ({@link NearestFinder#of}: an index over every fiber route piece, seconds to minutes under load —
 *     build it once per model generation and pass it to every plan of that generation)
 * @param terrain the elevation model, for seeking high ground near new-site points ({@link HighGround}); null = no
 *     terrain preference (points stay where their rule put them)
 */
public record PlanningIndexes(NearestFinder nearest, Dem terrain) {

    /** Nothing shared: the generator builds its own nearest index and seeks no high ground. */
    public static final PlanningIndexes NONE = new PlanningIndexes(null, null);
}
