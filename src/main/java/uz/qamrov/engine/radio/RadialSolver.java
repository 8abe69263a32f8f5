package uz.qamrov.engine.radio;

import uz.qamrov.engine.footprint.PathLossModel;
import uz.qamrov.engine.footprint.RadioLink;

/**
 * Flat-earth range of one radial: the largest d ≤ cap with {@code allowed + A(φ, θ(d)) − L(d) ≥ 0}, where θ(d) is the
 * depression from the antenna to the mobile over flat ground. Immutable.
 */
final class RadialSolver {

    private final PathLossModel model;
    private final RadioLink link;
    private final AntennaPattern pattern;
    private final double allowedDb;
    private final double capKm;
    private final PathLossModel.LinkInverse inverse;

    RadialSolver(PathLossModel model, RadioLink link, AntennaPattern pattern, double allowedDb, double capKm) {
        this(model, link, pattern, allowedDb, capKm, model.inverseFor(link));
    }

    private RadialSolver(PathLossModel model, RadioLink link, AntennaPattern pattern, double allowedDb, double capKm,
            PathLossModel.LinkInverse inverse) {
        this.model = model;
        this.link = link;
        this.pattern = pattern;
        this.allowedDb = allowedDb;
        this.capKm = capKm;
        this.inverse = inverse;
    }

    RadialSolver withAllowed(double a) {
        return new RadialSolver(model, link, pattern, a, capKm, inverse);
    }

    RadialSolver withCap(double c) {
        return new RadialSolver(model, link, pattern, allowedDb, c, inverse);
    }

    double capKm() {
        return capKm;
    }

    double allowedDb() {
        return allowedDb;
    }

    PathLossModel model() {
        return model;
    }

    RadioLink link() {
        return link;
    }

    AntennaPattern pattern() {
        return pattern;
    }

    /** Depression angle (degrees) from the antenna to a mobile at {@code dKm} over flat ground. */
    double depressionDeg(double dKm) {
        return Math.toDegrees(Math.atan2(link.baseHeightM() - link.mobileHeightM(), dKm * 1000));
    }

    double verticalDb(double dKm) {
        return pattern.verticalDb(depressionDeg(dKm));
    }

    /** Margin in dB at {@code dKm} on a radial {@code offDeg} off boresight, before terrain (≥ 0: covered). */
    double marginDb(double offDeg, double dKm) {
        return marginForHorizontalDb(pattern.horizontalDb(offDeg), dKm);
    }

    /** {@link #marginDb} on a radial whose horizontal attenuation is {@code aH} (the only way the azimuth enters). */
    double marginForHorizontalDb(double aH, double dKm) {
        return allowedDb + pattern.gainFromHorizontalDb(aH, depressionDeg(dKm)) - model.pathLossDb(dKm, link);
    }

    /**
     * {@link #marginForHorizontalDb} from the distance-dependent terms {@code verticalDb} = A_V(θ(d)) and
     * {@code lossDb} = L(d), which radials with the same sample distances share (same arithmetic, same result).
     */
    double marginFromTermsDb(double aH, double verticalDb, double lossDb) {
        return allowedDb + pattern.combinedDb(aH, verticalDb) - lossDb;
    }

    boolean reachesCap(double offDeg) {
        return marginDb(offDeg, capKm) >= 0;
    }

    /**
     * Range in km. Fixed point d ← L⁻¹(allowed + A(φ, θ(d))) from the horizontal-only solution: the vertical gain
     * changes slowly near the cell edge, so this converges in 2–4 steps; if it does not, bisection on log d below the
     * horizontal-only solution (an upper bound: A = max(A_H + A_V, −A_m) ≤ A_H because A_V ≤ 0 and A_H ≥ −A_m) finds
     * the root.
     */
    double rangeKm(double offDeg) {
        return rangeForHorizontalKm(pattern.horizontalDb(offDeg));
    }

    /** {@link #rangeKm} of a radial whose horizontal attenuation is {@code aH}. */
    double rangeForHorizontalKm(double aH) {
        if (marginForHorizontalDb(aH, capKm) >= 0) {
            return capKm;
        }
        double upper = Math.min(capKm, inverse(allowedDb + aH));
        double d = upper;
        // near the mast the vertical pattern turns fast and the contraction is slow (~0.25 a round for a 3.5 GHz cell
        // at 300 m); 24 cheap rounds spare most cells the 40-step bisection
        for (int i = 0; i < 24; i++) {
            double next = Math.min(capKm, inverse(allowedDb + pattern.gainFromHorizontalDb(aH, depressionDeg(d))));
            if (Math.abs(next - d) <= 1e-7 + 1e-6 * d) {
                if (marginForHorizontalDb(aH, next) >= -1e-6) {
                    return next;
                }
                break;
            }
            d = next;
        }
        return bisect(aH, upper);
    }

    /** Largest d with L(d) ≤ lossDb (the model's inverse, extrapolated below its minimum distance). */
    private double inverse(double lossDb) {
        return inverse.maxDistance(lossDb).distanceKm();
    }

    private double bisect(double aH, double upperKm) {
        double lo = Math.log(PathLossModel.FLOOR_KM);
        double hi = Math.log(Math.max(upperKm, PathLossModel.FLOOR_KM));
        if (marginForHorizontalDb(aH, Math.exp(hi)) >= 0) {
            return Math.exp(hi);
        }
        if (marginForHorizontalDb(aH, Math.exp(lo)) < 0) {
            return PathLossModel.FLOOR_KM;
        }
        for (int i = 0; i < 40; i++) {
            double m = 0.5 * (lo + hi);
            if (marginForHorizontalDb(aH, Math.exp(m)) >= 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return Math.exp(lo);
    }
}
