package uz.qamrov.engine.footprint;

/**
 * Okumura–Hata median path loss (Hata 1980), 150–1500 MHz, 1–20 km, base 30–200 m, mobile 1–10 m.
 *
 * <pre>
 * a(hm)  = (1.1·log f − 0.7)·hm − (1.56·log f − 0.8)                        small/medium city mobile correction
 * L_U    = 69.55 + 26.16·log f − 13.82·log hb − a(hm) + (44.9 − 6.55·log hb)·log d      URBAN
 * L_SU   = L_U − 2·(log(f/28))² − 5.4                                                   SUBURBAN
 * L_O    = L_U − 4.78·(log f)² + 18.33·log f − 40.94                                    RURAL (open area)
 * </pre>
 * f in MHz, heights in m, d in km, log = log10. Base heights below 30 m are extrapolated (common for 20–30 m
 * masts; the error grows as hb falls). The inverse is closed form because L is linear in log d.
 */
public final class OkumuraHata implements PathLossModel {

    public static final OkumuraHata INSTANCE = new OkumuraHata();

    @Override
    public String name() {
        return "okumura-hata";
    }

    @Override
    public double minFrequencyMhz() {
        return 150;
    }

    @Override
    public double maxFrequencyMhz() {
        return 1500;
    }

    @Override
    public double minDistanceKm() {
        return 1;
    }

    @Override
    public double maxDistanceKm() {
        return 20;
    }

    static double mobileCorrectionDb(double logF, double hm) {
        return (1.1 * logF - 0.7) * hm - (1.56 * logF - 0.8);
    }

    /** Loss at 1 km (the intercept) including the environment correction. */
    double interceptDb(RadioLink l) {
        double logF = Math.log10(l.frequencyMhz());
        double lu = 69.55 + 26.16 * logF - 13.82 * Math.log10(l.baseHeightM()) - mobileCorrectionDb(logF, l.mobileHeightM());
        return switch (l.environment()) {
            case URBAN -> lu;
            case SUBURBAN -> lu - 2 * Math.pow(Math.log10(l.frequencyMhz() / 28), 2) - 5.4;
            case RURAL -> lu - 4.78 * logF * logF + 18.33 * logF - 40.94;
        };
    }

    /**
     * Below 1 km the Hata formula is extrapolated (common practice; the alternative, clamping the range up to 1 km,
     * inflated an urban 1800 MHz cell's area six-fold); it is floored by the free-space loss over the 3-D distance,
     * which it would otherwise undercut within a few tens of metres of the mast.
     */
    static double freeSpaceBelowValidityDb(double distanceKm, RadioLink l) {
        double dh = l.baseHeightM() - l.mobileHeightM();
        double d = distanceKm * 1000;
        return PathLossModel.freeSpaceDb(Math.sqrt(d * d + dh * dh), l.frequencyMhz());
    }

    static double slopeDb(RadioLink l) {
        return 44.9 - 6.55 * Math.log10(l.baseHeightM());
    }

    @Override
    public double pathLossDb(double distanceKm, RadioLink link) {
        double l = interceptDb(link) + slopeDb(link) * Math.log10(distanceKm);
        return distanceKm >= minDistanceKm() ? l : Math.max(l, freeSpaceBelowValidityDb(distanceKm, link));
    }

    @Override
    public LinkLoss lossFor(RadioLink link) {
        double intercept = interceptDb(link);
        double slope = slopeDb(link);
        double min = minDistanceKm();
        return distanceKm -> {
            double l = intercept + slope * Math.log10(distanceKm);
            return distanceKm >= min ? l : Math.max(l, freeSpaceBelowValidityDb(distanceKm, link));
        };
    }

    @Override
    public MaxDistance maxDistance(double allowedPathLossDb, RadioLink link) {
        double d = Math.pow(10, (allowedPathLossDb - interceptDb(link)) / slopeDb(link));
        if (d < minDistanceKm() && pathLossDb(d, link) > allowedPathLossDb) {
            // the free-space floor is what binds here: solve on the full curve
            return PathLossModel.super.maxDistance(allowedPathLossDb, link);
        }
        return PathLossModel.clamp(d, maxDistanceKm());
    }
}
