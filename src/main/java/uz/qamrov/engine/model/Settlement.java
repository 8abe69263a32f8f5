package uz.qamrov.engine.model;

import org.locationtech.jts.geom.Geometry;

/**
 * A settlement: its representative point and, optionally, its boundary (Polygon or MultiPolygon, WGS84 lon/lat).
 * {@code districtCode} may be null. Settlements with a boundary are judged by area share, the others by point.
 */
public record Settlement(long id, double lon, double lat, int population, int households, String regionCode,
        String districtCode, Geometry boundary) {

    public Settlement {
        Checks.lonLat("settlement", id, lon, lat);
        Checks.finiteNonNegative("settlement", id, "population", population);
        Checks.finiteNonNegative("settlement", id, "households", households);
        if (boundary != null) {
            Checks.polygonal("settlement", id, boundary);
        }
    }
}
