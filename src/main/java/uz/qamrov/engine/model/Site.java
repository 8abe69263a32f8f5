package uz.qamrov.engine.model;

/** A base station site (WGS84 lon/lat), used for counts and nearest-site distances. */
public record Site(long id, String operator, double lon, double lat, Validity validity) {

    public Site {
        Checks.notNull("site", id, "operator", operator);
        Checks.lonLat("site", id, lon, lat);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }
}
