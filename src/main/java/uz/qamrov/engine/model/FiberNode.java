package uz.qamrov.engine.model;

/**
 * A fiber node with its kind ({@code exchange}, {@code olt}, {@code cabinet}, {@code splice}; null = unknown) and
 * number of broadband ports, WGS84 lon/lat.
 */
public record FiberNode(long id, String operator, double lon, double lat, int broadbandPorts, Validity validity,
        String kind) {

    /** A node of unknown kind: it serves households only if it has ports. */
    public FiberNode(long id, String operator, double lon, double lat, int broadbandPorts, Validity validity) {
        this(id, operator, lon, lat, broadbandPorts, validity, null);
    }

    /**
     * Whether households can be connected here: exchanges, OLTs and cabinets are access points, and so is any node
     * with broadband ports. A splice closure with no ports only joins cables.
     */
    public boolean servesHouseholds() {
        return broadbandPorts > 0 || "exchange".equals(kind) || "olt".equals(kind) || "cabinet".equals(kind);
    }

    public FiberNode {
        Checks.notNull("fiberNode", id, "operator", operator);
        Checks.lonLat("fiberNode", id, lon, lat);
        Checks.finiteNonNegative("fiberNode", id, "broadbandPorts", broadbandPorts);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }
}
