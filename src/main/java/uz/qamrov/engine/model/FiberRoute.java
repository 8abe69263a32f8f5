package uz.qamrov.engine.model;

import org.locationtech.jts.geom.LineString;

/** A fiber cable route (WGS84 lon/lat line) of one operator. */
public record FiberRoute(long id, String operator, LineString geometry, Validity validity) {

    public FiberRoute {
        Checks.notNull("fiberRoute", id, "operator", operator);
        Checks.geometry("fiberRoute", id, geometry, LineString.class);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }
}
