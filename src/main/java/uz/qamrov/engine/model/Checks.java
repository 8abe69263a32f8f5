package uz.qamrov.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/** Shared argument checks for the model records; package-private so the records stay the public surface. */
final class Checks {

    private Checks() {
    }

    static void lonLat(String what, long id, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new InvalidGeometryException(what + " coordinates are not WGS84 lon/lat",
                    details(what, id, "lon", lon, "lat", lat));
        }
    }

    static void finiteNonNegative(String what, long id, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidInputException(what + "." + field + " must be finite and >= 0", details(what, id, field, v));
        }
    }

    static void notNull(String what, long id, String field, Object v) {
        if (v == null) {
            throw new InvalidInputException(what + "." + field + " is required", details(what, id, field, null));
        }
    }

    static void geometry(String what, long id, Geometry g, Class<?> type) {
        if (g == null || g.isEmpty() || !type.isInstance(g)) {
            throw new InvalidGeometryException(what + " geometry must be a non-empty " + type.getSimpleName(),
                    details(what, id, "geometryType", g == null ? null : g.getGeometryType()));
        }
        var env = g.getEnvelopeInternal();
        lonLat(what, id, env.getMinX(), env.getMinY());
        lonLat(what, id, env.getMaxX(), env.getMaxY());
    }

    static void polygonal(String what, long id, Geometry g) {
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw new InvalidGeometryException(what + " geometry must be a non-empty Polygon or MultiPolygon",
                    details(what, id, "geometryType", g == null ? null : g.getGeometryType()));
        }
        var env = g.getEnvelopeInternal();
        lonLat(what, id, env.getMinX(), env.getMinY());
        lonLat(what, id, env.getMaxX(), env.getMaxY());
    }

    static Map<String, Object> details(String what, Object id, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", what);
        m.put("id", id);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        return m;
    }
}
