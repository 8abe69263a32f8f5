package uz.qamrov.engine.measure;

/**
 * Geodesic metres from a settlement's point to the nearest active site and the nearest active fiber (route or node)
 * on a date; null when none lies within the finder's search limit. Feeds {@code settlement_coverage.nearest_site_m}
 * and {@code nearest_fiber_m}.
 */
public record SettlementDistances(long settlementId, Double nearestSiteM, Double nearestFiberM) {
}
