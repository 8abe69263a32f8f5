package uz.qamrov.planner.ingest;

import java.util.List;

/**
 * How one network row differs from its current version, as an import (or a dry run) sees it.
 *
 * @param change {@code added}, {@code moved} (more than {@link #MOVED_M} from where it was), {@code reparametrised}
 *     (same place, other values), {@code removed} (decommissioned by the file or by {@code snapshot=full})
 * @param movedM geodesic distance between the old and the new position (points) or null
 * @param fields the stored fields that differ ({@code geom}, {@code tower_height_m}, {@code cells}, …)
 * @param lengthKm geodesic length of the new route (fiber routes), else null
 * @param oldLengthKm geodesic length of the route before (fiber routes), else null
 * @param wkt the row's geometry (new, or the removed one) in EPSG:4326
 */
public record DiffRow(String operator, String externalId, String change, Double movedM, List<String> fields, Double lengthKm,
        Double oldLengthKm, String wkt) {

    public static final double MOVED_M = 50;
}
