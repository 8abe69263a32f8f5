package uz.qamrov.engine.model;

import org.locationtech.jts.geom.LineString;

/**
 * A highway or railway as one WGS84 lon/lat line ordered from the line's start (km 0). {@code key} is the highway
 * ref (M39) or the rail line key (tashkent_samarkand_bukhara); {@code lineClass} is international/state/other for
 * roads and "rail" for rail.
 */
public record TransportLine(long id, LineKind kind, String key, String lineClass, LineString geometry) {

    public TransportLine {
        Checks.notNull("transportLine", id, "kind", kind);
        Checks.notNull("transportLine", id, "key", key);
        Checks.geometry("transportLine", id, geometry, LineString.class);
        if (lineClass == null) {
            lineClass = kind == LineKind.RAILWAY ? "rail" : "other";
        }
    }
}
