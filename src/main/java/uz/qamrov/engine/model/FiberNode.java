package uz.qamrov.engine.model;

/** A fiber node (exchange, OLT, cabinet) with its number of broadband ports, WGS84 lon/lat. */
public record FiberNode(long id, String operator, double lon, double lat, int broadbandPorts, Validity validity) {

    public FiberNode {
        Checks.notNull("fiberNode", id, "operator", operator);
        Checks.lonLat("fiberNode", id, lon, lat);
        Checks.finiteNonNegative("fiberNode", id, "broadbandPorts", broadbandPorts);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }
}
