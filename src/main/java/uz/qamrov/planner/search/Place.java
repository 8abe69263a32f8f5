package uz.qamrov.planner.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One search hit: a region, district or settlement with its names in the four languages we hold.
 *
 * @param type region, district or settlement
 * @param id region/district code, or the settlement's numeric id as text
 * @param region code of the region it lies in (itself for a region)
 * @param district code of the district (settlements only; null when unknown)
 * @param lon longitude of the settlement, or of the area's interior point (WGS84)
 * @param bbox [minLon, minLat, maxLon, maxLat] of the area, or of the point
 */
public record Place(String type, String id, Names names, String region, String district, Long population, double lon,
        double lat, List<Double> bbox) {

    public record Names(@JsonProperty("uz-Latn") String uzLatn, @JsonProperty("uz-Cyrl") String uzCyrl, String ru, String en) {
    }
}
