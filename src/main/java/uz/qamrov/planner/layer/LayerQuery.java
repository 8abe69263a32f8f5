package uz.qamrov.planner.layer;

import java.time.LocalDate;

/**
 * A validated layer request. bbox = [minLon, minLat, maxLon, maxLat] in WGS84 (CRS84) or null; runId only for
 * per-run layers; service = the settlement_coverage key for the settlements' status.
 */
public record LayerQuery(double[] bbox, LocalDate asOf, Long runId, String service, int limit, long offset) {
}
