package uz.qamrov.engine.measure;

import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;

/**
 * A maximal run of a transport line that is covered (or uncovered) for a service and lies in one region. km marks
 * are geodesic from the line's start; {@code geometry} is WGS84 lon/lat. {@code regionCode} is null outside all
 * regions.
 */
public record LineStretch(long lineId, LineKind lineKind, String lineKey, Service service, boolean covered,
        double fromKm, double toKm, double lengthKm, String regionCode, LineString geometry) {

    /** The point halfway along the geometry (where a stretch's signal is diagnosed). */
    public org.locationtech.jts.geom.Coordinate middle() {
        return new org.locationtech.jts.linearref.LengthIndexedLine(geometry).extractPoint(geometry.getLength() / 2);
    }
}
