package uz.qamrov.planner.layer;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated layer request. bbox = [minLon, minLat, maxLon, maxLat] in WGS84 (CRS84) or null; runId only for
 * per-run layers; service = the settlement_coverage key for the settlements' status. signalClassesPending: the run
 * was stored gaps first and its covered settlements' classes are not stored yet (they read null until they are).
 * properties: the names of the properties to answer, in the layer's order, or null for all of them. simplifyM: the
 * geometry is drawn to within this many metres (Douglas–Peucker), or null for the geometry as stored.
 */
public record LayerQuery(double[] bbox, LocalDate asOf, Long runId, String service, int limit, long offset,
        boolean signalClassesPending, List<String> properties, Double simplifyM) {

    LayerQuery(double[] bbox, LocalDate asOf, Long runId, String service, int limit, long offset, boolean signalClassesPending) {
        this(bbox, asOf, runId, service, limit, offset, signalClassesPending, null, null);
    }

    LayerQuery selecting(List<String> names) {
        return new LayerQuery(bbox, asOf, runId, service, limit, offset, signalClassesPending,
                names == null ? null : List.copyOf(names), simplifyM);
    }

    LayerQuery simplifying(Double metres) {
        return new LayerQuery(bbox, asOf, runId, service, limit, offset, signalClassesPending, properties, metres);
    }
}
