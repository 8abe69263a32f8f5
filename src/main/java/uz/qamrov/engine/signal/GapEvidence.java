package uz.qamrov.engine.signal;

import java.util.List;

import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.radio.PointLevel;

/**
 * What {@link GapReasonRule} decides from, for one uncovered place and one mobile service. Distances are geodesic
 * metres from the place (a settlement's point, a stretch's middle) to the nearest active cell location (= its site).
 *
 * @param required the lowest technology that provides the service
 * @param limitM the search limit of {@code no_site_within_km}
 * @param nearestAnyM nearest active cell of any technology; null when none within the search
 * @param nearestServiceM nearest active cell of technology ≥ {@code required} within the limit, or null
 * @param nearestLowerM nearest active cell of a lower technology within the limit, or null
 * @param nearestLowerTechnology the best technology at that nearest lower site, or null
 * @param terrain whether levels include terrain (a DEM is in use)
 * @param areaRule the place is judged by area (a settlement with a boundary)
 * @param coveredShare the share of its area in the footprints (0..1; 0 for a point)
 * @param requiredShare the share the area rule needs
 * @param candidates levels of the active cells of technology ≥ {@code required} within the limit
 */
public record GapEvidence(Technology required, double limitM, Double nearestAnyM, Double nearestServiceM,
        Double nearestLowerM, Technology nearestLowerTechnology, boolean terrain, boolean areaRule, double coveredShare,
        double requiredShare, List<PointLevel> candidates) {

    public GapEvidence {
        candidates = List.copyOf(candidates);
    }
}
