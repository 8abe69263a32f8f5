package uz.qamrov.engine.radio;

import uz.qamrov.engine.model.Technology;

/**
 * The level one cell gives at one point, by the radial model's own budget ({@link PointLevels}). All levels are
 * dBm on the technology's reference signal (2G BCCH RxLev, 3G CPICH RSCP, 4G RSRP, 5G SS-RSRP) as the planning rule
 * compares them with {@code thresholdDbm}: the level exceeded at 90% of locations by a handheld phone (median minus
 * the fade margin and body loss of the {@code LinkBudget}), so that {@code levelDbm ≥ thresholdDbm} is exactly the
 * rule the footprint's radials end by.
 *
 * @param distanceM geodesic distance site → point
 * @param offBoresightDeg azimuth of the point off the cell's boresight, −180..180 (0 for omni cells)
 * @param levelDbm with the antenna pattern and the terrain loss (the level that decides)
 * @param flatLevelDbm with the pattern, without terrain
 * @param boresightLevelDbm as if the point lay on the boresight (no horizontal pattern), terrain included: what the
 *     cell would give there were its beam turned towards the point
 * @param terrainLossDb Bullington excess loss of the profile (0 on flat earth)
 * @param obstacle the profile point that blocks most (largest Fresnel parameter ν), null without terrain loss
 * @param beyondReach the point lies beyond the distance the cell's radials stop at (the model's validity limit, an
 *     explicit range or the observed range); the three levels are then capped just under the threshold
 */
public record PointLevel(long cellId, Technology technology, boolean omni, double distanceM, double offBoresightDeg,
        double levelDbm, double flatLevelDbm, double boresightLevelDbm, double thresholdDbm, double terrainLossDb,
        Obstacle obstacle, boolean beyondReach) {

    /** A terrain obstacle: WGS84 lon/lat of the profile point and its ground height above sea level. */
    public record Obstacle(double lon, double lat, double heightM) {
    }

    /** level − threshold, dB (≥ 0: the cell reaches the point). */
    public double marginDb() {
        return levelDbm - thresholdDbm;
    }
}
