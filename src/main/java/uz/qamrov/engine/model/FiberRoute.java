package uz.qamrov.engine.model;

import org.locationtech.jts.geom.LineString;

/**
 * A fiber cable route (WGS84 lon/lat line) of one operator.
 *
 * @param access true for distribution (access) cables, which households can be connected to; backbone and regional
 *     cables count in fiber length but are not tapped for households, so they make no settlement "fixed broadband
 *     possible" on their own
 */
public record FiberRoute(long id, String operator, LineString geometry, Validity validity, boolean access) {

    /** An access (distribution) route. */
    public FiberRoute(long id, String operator, LineString geometry, Validity validity) {
        this(id, operator, geometry, validity, true);
    }

    public FiberRoute {
        Checks.notNull("fiberRoute", id, "operator", operator);
        Checks.geometry("fiberRoute", id, geometry, LineString.class);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }
}
