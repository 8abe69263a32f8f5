package uz.qamrov.engine.footprint;

/**
 * COST-231 Hata median path loss (COST Action 231 final report, 1999, §4.4), 1500–2000 MHz, 1–20 km,
 * base 30–200 m, mobile 1–10 m.
 *
 * <pre>
 * L = 46.3 + 33.9·log f − 13.82·log hb − a(hm) + (44.9 − 6.55·log hb)·log d + Cm
 * </pre>
 * with the Okumura–Hata small/medium city a(hm), Cm = 3 dB for URBAN (metropolitan centres) and 0 dB otherwise.
 * COST-231 defines no open-area term; for RURAL the Okumura–Hata open-area correction
 * {@code −4.78·(log f)² + 18.33·log f − 40.94} is applied, an extrapolation that is common practice and documented
 * here as such. Closed-form inverse.
 */
public final class Cost231Hata implements PathLossModel {

    public static final Cost231Hata INSTANCE = new Cost231Hata();

    @Override
    public String name() {
        return "cost231-hata";
    }

    @Override
    public double minFrequencyMhz() {
        return 1500;
    }

    @Override
    public double maxFrequencyMhz() {
        return 2000;
    }

    @Override
    public double minDistanceKm() {
        return 1;
    }

    @Override
    public double maxDistanceKm() {
        return 20;
    }

    double interceptDb(RadioLink l) {
        double logF = Math.log10(l.frequencyMhz());
        double base = 46.3 + 33.9 * logF - 13.82 * Math.log10(l.baseHeightM())
                - OkumuraHata.mobileCorrectionDb(logF, l.mobileHeightM());
        return switch (l.environment()) {
            case URBAN -> base + 3;
            case SUBURBAN -> base;
            case RURAL -> base - 4.78 * logF * logF + 18.33 * logF - 40.94;
        };
    }

    @Override
    public double pathLossDb(double distanceKm, RadioLink link) {
        double l = interceptDb(link) + OkumuraHata.slopeDb(link) * Math.log10(distanceKm);
        return distanceKm >= minDistanceKm() ? l : Math.max(l, OkumuraHata.freeSpaceBelowValidityDb(distanceKm, link));
    }

    @Override
    public LinkLoss lossFor(RadioLink link) {
        double intercept = interceptDb(link);
        double slope = OkumuraHata.slopeDb(link);
        double min = minDistanceKm();
        return distanceKm -> {
            double l = intercept + slope * Math.log10(distanceKm);
            return distanceKm >= min ? l : Math.max(l, OkumuraHata.freeSpaceBelowValidityDb(distanceKm, link));
        };
    }

    @Override
    public MaxDistance maxDistance(double allowedPathLossDb, RadioLink link) {
        double d = Math.pow(10, (allowedPathLossDb - interceptDb(link)) / OkumuraHata.slopeDb(link));
        if (d < minDistanceKm() && pathLossDb(d, link) > allowedPathLossDb) {
            // the free-space floor is what binds here: solve on the full curve
            return PathLossModel.super.maxDistance(allowedPathLossDb, link);
        }
        return PathLossModel.clamp(d, maxDistanceKm());
    }
}
