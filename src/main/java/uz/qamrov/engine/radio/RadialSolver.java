package uz.qamrov.engine.radio;

import uz.qamrov.engine.footprint.PathLossModel;
import uz.qamrov.engine.footprint.RadioLink;
import uz.qamrov.engine.geodesy.FdlibmAtan;

/**
 * The flat-earth margin of a cell's radials, {@code allowed + A(φ, θ(d)) − L(d)} (dB, ≥ 0: covered), where θ(d) is the
 * depression from the antenna to the mobile over flat ground; {@link FlatRanges} finds where it ends. Immutable.
 */
final class RadialSolver {

    private final PathLossModel model;
    private final RadioLink link;
    private final AntennaPattern pattern;
    private final double allowedDb;
    private final double capKm;
    private final PathLossModel.LinkInverse inverse;
    private final PathLossModel.LinkLoss loss;

    RadialSolver(PathLossModel model, RadioLink link, AntennaPattern pattern, double allowedDb, double capKm) {
        this(model, link, pattern, allowedDb, capKm, model.inverseFor(link), model.lossFor(link));
    }

    private RadialSolver(PathLossModel model, RadioLink link, AntennaPattern pattern, double allowedDb, double capKm,
            PathLossModel.LinkInverse inverse, PathLossModel.LinkLoss loss) {
        this.model = model;
        this.link = link;
        this.pattern = pattern;
        this.allowedDb = allowedDb;
        this.capKm = capKm;
        this.inverse = inverse;
        this.loss = loss;
    }

    RadialSolver withAllowed(double a) {
        return new RadialSolver(model, link, pattern, a, capKm, inverse, loss);
    }

    RadialSolver withCap(double c) {
        return new RadialSolver(model, link, pattern, allowedDb, c, inverse, loss);
    }

    /** L(d) of this link in dB ({@link PathLossModel#lossFor}: its constants computed once, the same bits). */
    double pathLossDb(double dKm) {
        return loss.pathLossDb(dKm);
    }

    double capKm() {
        return capKm;
    }

    double allowedDb() {
        return allowedDb;
    }

    /** The path-loss model's inverse for this link. */
    PathLossModel.LinkInverse linkInverse() {
        return inverse;
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

    /**
     * Depression angle (degrees) from the antenna to a mobile at {@code dKm} over flat ground. fdlibm's arctangent in
     * Java ({@link FdlibmAtan}: the same bits as {@code Math.atan2}, without its native call).
     */
    double depressionDeg(double dKm) {
        return Math.toDegrees(FdlibmAtan.atan2(link.baseHeightM() - link.mobileHeightM(), dKm * 1000));
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
        return allowedDb + pattern.gainFromHorizontalDb(aH, depressionDeg(dKm)) - loss.pathLossDb(dKm);
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
}
