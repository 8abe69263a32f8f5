package uz.qamrov.engine.model;

import org.locationtech.jts.geom.Geometry;

/**
 * A region or district polygon (WGS84 lon/lat). For a region {@code regionCode} equals {@code code}; for a district
 * it is the parent region.
 */
public record AdminArea(String code, String regionCode, boolean isRegion, Geometry polygon) {

    public AdminArea {
        Checks.notNull("adminArea", 0, "code", code);
        if (regionCode == null && isRegion) {
            regionCode = code;
        }
        Checks.notNull("adminArea", 0, "regionCode", regionCode);
        Checks.polygonal("adminArea", 0, polygon);
    }
}
