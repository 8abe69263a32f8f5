package uz.qamrov.planner.layer;

import java.time.LocalDate;

/**
 * A validated layer request. bbox = [minLon, minLat, maxLon, maxLat] in WGS84 (CRS84) or null; runId only for
 * per-run layers; service = the settlement_coverage key for the settlements' status. signalClassesPending: the run
 * was stored gaps first and its covered settlements' classes are not stored yet (they read null until they are).
 */
public record LayerQuery(double[] bbox, LocalDate asOf, Long runId, String service, int limit, long offset,
        boolean signalClassesPending) {
}
