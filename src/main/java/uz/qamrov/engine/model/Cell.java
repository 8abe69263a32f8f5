package uz.qamrov.engine.model;

/**
 * One radio cell (sector) of a base station, WGS84 lon/lat. {@code azimuthDeg} null means omnidirectional;
 * {@code beamwidthDeg} is the horizontal beamwidth used as the sector's angular extent (ignored for omni).
 * {@code eirpDbm} is the effective EIRP the link budget compares with the technology threshold (see
 * {@code LinkBudget}); null takes the technology default. {@code rangeM}, when present, is the operator's own
 * planned main-lobe range and calibrates the propagation model (the antenna pattern still shapes the footprint).
 * {@code tiltDeg} is the total downtilt (mechanical + electrical, null = {@code RadioSettings} default),
 * {@code frontToBackDb} the antenna's front-to-back ratio (null = 25 dB), and {@code observedRangeM} an observed
 * upper bound on the range (e.g. the spread of crowd-sourced measurements): it only ever shortens a footprint.
 */
public record Cell(long id, long siteId, String operator, Technology technology, int bandMhz, Double azimuthDeg,
        double beamwidthDeg, double antennaHeightM, Double eirpDbm, Double rangeM, double lon, double lat,
        Validity validity, Double tiltDeg, Double frontToBackDb, Double observedRangeM) {

    /** A cell without tilt, front-to-back ratio or observed range. */
    public Cell(long id, long siteId, String operator, Technology technology, int bandMhz, Double azimuthDeg,
            double beamwidthDeg, double antennaHeightM, Double eirpDbm, Double rangeM, double lon, double lat,
            Validity validity) {
        this(id, siteId, operator, technology, bandMhz, azimuthDeg, beamwidthDeg, antennaHeightM, eirpDbm, rangeM, lon,
                lat, validity, null, null, null);
    }

    /** The same cell with another period on air (a decommission, a corrected commissioning date). */
    public Cell withValidity(Validity v) {
        return new Cell(id, siteId, operator, technology, bandMhz, azimuthDeg, beamwidthDeg, antennaHeightM, eirpDbm,
                rangeM, lon, lat, v, tiltDeg, frontToBackDb, observedRangeM);
    }

    public Cell {
        Checks.notNull("cell", id, "operator", operator);
        Checks.notNull("cell", id, "technology", technology);
        Checks.lonLat("cell", id, lon, lat);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
        if (bandMhz <= 0) {
            throw new InvalidInputException("cell.bandMhz must be > 0", Checks.details("cell", id, "bandMhz", bandMhz));
        }
        if (azimuthDeg != null && !(azimuthDeg >= 0 && azimuthDeg < 360)) {
            throw new InvalidInputException("cell.azimuthDeg must be in [0, 360)",
                    Checks.details("cell", id, "azimuthDeg", azimuthDeg));
        }
        if (azimuthDeg != null && !(beamwidthDeg > 0 && beamwidthDeg <= 360)) {
            throw new InvalidInputException("cell.beamwidthDeg must be in (0, 360]",
                    Checks.details("cell", id, "beamwidthDeg", beamwidthDeg));
        }
        if (!(antennaHeightM > 0) || Double.isInfinite(antennaHeightM)) {
            throw new InvalidInputException("cell.antennaHeightM must be > 0",
                    Checks.details("cell", id, "antennaHeightM", antennaHeightM));
        }
        if (rangeM != null && !(rangeM > 0 && rangeM <= 200_000)) {
            throw new InvalidInputException("cell.rangeM must be in (0, 200000]", Checks.details("cell", id, "rangeM", rangeM));
        }
        if (tiltDeg != null && !(tiltDeg >= -30 && tiltDeg <= 45)) {
            throw new InvalidInputException("cell.tiltDeg must be in [-30, 45]", Checks.details("cell", id, "tiltDeg", tiltDeg));
        }
        if (frontToBackDb != null && !(frontToBackDb >= 0 && frontToBackDb <= 60)) {
            throw new InvalidInputException("cell.frontToBackDb must be in [0, 60]",
                    Checks.details("cell", id, "frontToBackDb", frontToBackDb));
        }
        if (observedRangeM != null && !(observedRangeM > 0)) {
            throw new InvalidInputException("cell.observedRangeM must be > 0",
                    Checks.details("cell", id, "observedRangeM", observedRangeM));
        }
        if (eirpDbm != null && !Double.isFinite(eirpDbm)) {
            throw new InvalidInputException("cell.eirpDbm must be finite", Checks.details("cell", id, "eirpDbm", eirpDbm));
        }
    }

    public boolean isOmni() {
        return azimuthDeg == null || beamwidthDeg >= 360;
    }
}
