package uz.qamrov.engine.radio;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Relative gain of a base-station antenna (dB, ≤ 0, 0 on boresight) after 3GPP TR 36.814 table A.2.1.1-2 and
 * TR 38.901 table 7.3-1:
 *
 * <pre>
 * A_H(φ) = −min(12·(φ/φ3dB)², A_m)                    φ = azimuth off boresight, −180°…180°
 * A_V(θ) = −min(12·((θ − θtilt)/θ3dB)², SLA_V)        θ = depression below the horizon, θtilt = mechanical + electrical
 * A(φ,θ) = −min(−(A_H + A_V), A_m)
 * </pre>
 * A_m is the front-to-back ratio (default 25 dB, 3GPP's value; per cell when the operator states it). An omni cell has
 * A_H = 0 in every direction but keeps its vertical pattern. EIRP is the boresight EIRP, so this gain is relative.
 *
 * @param horizontalBeamwidthDeg φ3dB; ignored when {@code omni}
 * @param frontToBackDb A_m
 * @param verticalBeamwidthDeg θ3dB (default 10°, TR 36.814)
 * @param sideLobeDb SLA_V (default 20 dB, TR 36.814)
 * @param tiltDeg downtilt θtilt, mechanical + electrical, positive below the horizon
 */
public record AntennaPattern(boolean omni, double horizontalBeamwidthDeg, double frontToBackDb,
        double verticalBeamwidthDeg, double sideLobeDb, double tiltDeg) {

    public static final double DEFAULT_FRONT_TO_BACK_DB = 25;
    public static final double DEFAULT_VERTICAL_BEAMWIDTH_DEG = 10;
    public static final double DEFAULT_SIDE_LOBE_DB = 20;

    public AntennaPattern {
        if (!omni && !(horizontalBeamwidthDeg > 0 && horizontalBeamwidthDeg <= 360)) {
            throw InvalidInputException.of("antenna beamwidth must be in (0, 360]", "horizontalBeamwidthDeg",
                    horizontalBeamwidthDeg);
        }
        if (!(frontToBackDb >= 0 && frontToBackDb <= 60) || !(verticalBeamwidthDeg > 0 && verticalBeamwidthDeg <= 180)
                || !(sideLobeDb >= 0 && sideLobeDb <= 60) || !(tiltDeg >= -30 && tiltDeg <= 45)) {
            throw InvalidInputException.of("invalid antenna pattern", "frontToBackDb", frontToBackDb,
                    "verticalBeamwidthDeg", verticalBeamwidthDeg, "sideLobeDb", sideLobeDb, "tiltDeg", tiltDeg);
        }
    }

    /** Sector pattern with 3GPP defaults for the lobes. */
    public static AntennaPattern sector(double beamwidthDeg, double tiltDeg) {
        return new AntennaPattern(false, beamwidthDeg, DEFAULT_FRONT_TO_BACK_DB, DEFAULT_VERTICAL_BEAMWIDTH_DEG,
                DEFAULT_SIDE_LOBE_DB, tiltDeg);
    }

    /** Omni pattern: no horizontal attenuation, 3GPP vertical pattern. */
    public static AntennaPattern omni(double tiltDeg) {
        return new AntennaPattern(true, 360, DEFAULT_FRONT_TO_BACK_DB, DEFAULT_VERTICAL_BEAMWIDTH_DEG,
                DEFAULT_SIDE_LOBE_DB, tiltDeg);
    }

    /** A_H for an azimuth {@code offDeg} off boresight (any real value; wrapped to −180…180). */
    public double horizontalDb(double offDeg) {
        if (omni) {
            return 0;
        }
        double x = offBoresightDeg(offDeg) / horizontalBeamwidthDeg;
        return -Math.min(12 * x * x, frontToBackDb);
    }

    /**
     * An angle off boresight wrapped to −180…180 ({@code Math.IEEEremainder(offDeg, 360)}): off − 360·rint(off/360)
     * is its exact result for the offsets radials and points use (|off| < 720°), without its slow native call; both
     * round half to even.
     */
    public static double offBoresightDeg(double offDeg) {
        return Math.abs(offDeg) < 720 ? offDeg - 360 * Math.rint(offDeg / 360) : Math.IEEEremainder(offDeg, 360);
    }

    /** A_V for a depression angle {@code downDeg} below the horizon. */
    public double verticalDb(double downDeg) {
        double x = (downDeg - tiltDeg) / verticalBeamwidthDeg;
        return -Math.min(12 * x * x, sideLobeDb);
    }

    /** Combined A(φ, θ) in dB. */
    public double gainDb(double offDeg, double downDeg) {
        return gainFromHorizontalDb(horizontalDb(offDeg), downDeg);
    }

    /**
     * A from a known A_H ({@link #horizontalDb}) and the depression: the gain depends on the azimuth only through
     * A_H, so radials with the same A_H (mirror images about boresight, the whole back lobe) share their solution.
     */
    public double gainFromHorizontalDb(double horizontalDb, double downDeg) {
        return combinedDb(horizontalDb, verticalDb(downDeg));
    }

    /** A from A_H and A_V. */
    public double combinedDb(double horizontalDb, double verticalDb) {
        return -Math.min(-(horizontalDb + verticalDb), frontToBackDb);
    }
}
