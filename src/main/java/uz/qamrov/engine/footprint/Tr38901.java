package uz.qamrov.engine.footprint;

/**
 * 3GPP TR 38.901 (v17, table 7.4.1-1) path loss for 2000–6000 MHz. URBAN and SUBURBAN use UMa NLOS, RURAL uses
 * RMa NLOS; both are {@code max(PL_LOS, PL'_NLOS)} as the report specifies. d3D = √(d2D² + (hBS − hUT)²) in m,
 * fc in GHz, log = log10, c = 3e8 m/s.
 *
 * <pre>
 * UMa:  PL'_NLOS = 13.54 + 39.08·log d3D + 20·log fc − 0.6·(hUT − 1.5)
 *       PL_LOS   = 28.0 + 22·log d3D + 20·log fc                              d2D ≤ d'BP
 *                = 28.0 + 40·log d3D + 20·log fc − 9·log(d'BP² + (hBS−hUT)²)    d2D > d'BP,
 *       d'BP = 4·(hBS − 1)·(hUT − 1)·fc·1e9/c   (effective environment height 1 m)
 * RMa:  PL'_NLOS = 161.04 − 7.1·log W + 7.5·log h − (24.37 − 3.7·(h/hBS)²)·log hBS
 *                  + (43.42 − 3.1·log hBS)·(log d3D − 3) + 20·log fc − (3.2·(log(11.75·hUT))² − 4.97)
 *       PL1 = 20·log(40π·d3D·fc/3) + min(0.03·h^1.72, 10)·log d3D − min(0.044·h^1.72, 14.77) + 0.002·log(h)·d3D
 *       PL_LOS = PL1 (d2D ≤ dBP), PL1(dBP) + 40·log(d3D/dBP) beyond, dBP = 2π·hBS·hUT·fc·1e9/c
 *       with average building height h = 5 m and street width W = 20 m (the 38.901 defaults).
 * </pre>
 * Distance validity: 10 m – 5 km (UMa, and RMa NLOS per the table). The maximum distance is the smaller of the
 * branches' own maxima, each in closed form (see {@link #maxDistance}). NLOS is chosen for rural too because mobiles are
 * mostly inside buildings or behind terrain; RMa LOS would give ranges of tens of km at 3.5 GHz that operators do
 * not observe.
 */
public final class Tr38901 implements PathLossModel {

    public static final Tr38901 INSTANCE = new Tr38901();
    private static final double C = 3e8;
    private static final double BUILDING_HEIGHT_M = 5;
    private static final double STREET_WIDTH_M = 20;

    @Override
    public String name() {
        return "3gpp-38.901";
    }

    @Override
    public double minFrequencyMhz() {
        return 2000;
    }

    @Override
    public double maxFrequencyMhz() {
        return 6000;
    }

    @Override
    public double minDistanceKm() {
        return 0.01;
    }

    @Override
    public double maxDistanceKm() {
        return 5;
    }

    @Override
    public double pathLossDb(double distanceKm, RadioLink l) {
        double d2 = distanceKm * 1000;
        double hBs = l.baseHeightM();
        double hUt = l.mobileHeightM();
        double fc = l.frequencyMhz() / 1000;
        double d3 = Math.sqrt(d2 * d2 + (hBs - hUt) * (hBs - hUt));
        return l.environment() == EnvironmentClass.RURAL ? rma(d2, d3, hBs, hUt, fc) : uma(d2, d3, hBs, hUt, fc);
    }

    /**
     * Largest d2D with max(PL_LOS, PL'_NLOS) ≤ allowed = the smaller of the two branches' own largest distances
     * (both increase with distance). Each is in closed form (log-linear pieces in d3D), except the RMa PL1 piece
     * whose 0.002·log(h)·d3D term is solved by Newton on log d3D (convex, from above: monotone convergence).
     * {@code Tr38901Test} checks it against the generic bisection of {@link PathLossModel#maxDistance}.
     */
    @Override
    public MaxDistance maxDistance(double allowedPathLossDb, RadioLink l) {
        return inverseFor(l).maxDistance(allowedPathLossDb);
    }

    @Override
    public LinkInverse inverseFor(RadioLink l) {
        return new Inverse(l);
    }

    @Override
    public LinkLoss lossFor(RadioLink l) {
        return new Loss(l);
    }

    /**
     * {@link #uma} and {@link #rma} with the link's constants computed once: each sum keeps its left-to-right order,
     * and only its leading terms that do not depend on distance are folded (the same partial sums, so the same bits).
     */
    private static final class Loss implements LinkLoss {
        private final boolean rural;
        private final double hBs;
        private final double hUt;
        private final double fc;
        private final double dh2;
        private final double twentyLogFc;
        private final double dBp;
        // UMa
        private final double umaBreakTerm;
        private final double ueHeightTerm;
        // RMa
        private final double pl1Slope;
        private final double pl1Offset;
        private final double pl1Linear;
        private final double rmaBreakLoss;
        private final double nlosHead;
        private final double nlosSlope;
        private final double nlosTail;

        Loss(RadioLink l) {
            hBs = l.baseHeightM();
            hUt = l.mobileHeightM();
            fc = l.frequencyMhz() / 1000;
            rural = l.environment() == EnvironmentClass.RURAL;
            dh2 = (hBs - hUt) * (hBs - hUt);
            twentyLogFc = 20 * Math.log10(fc);
            double h = BUILDING_HEIGHT_M;
            if (rural) {
                dBp = 2 * Math.PI * hBs * hUt * fc * 1e9 / C;
                umaBreakTerm = Double.NaN;
                ueHeightTerm = Double.NaN;
                pl1Slope = Math.min(0.03 * Math.pow(h, 1.72), 10);
                pl1Offset = Math.min(0.044 * Math.pow(h, 1.72), 14.77);
                pl1Linear = 0.002 * Math.log10(h);
                rmaBreakLoss = rmaPl1(Math.sqrt(dBp * dBp + dh2), fc, h);
                nlosHead = 161.04 - 7.1 * Math.log10(STREET_WIDTH_M) + 7.5 * Math.log10(h)
                        - (24.37 - 3.7 * (h / hBs) * (h / hBs)) * Math.log10(hBs);
                nlosSlope = 43.42 - 3.1 * Math.log10(hBs);
                nlosTail = 3.2 * Math.pow(Math.log10(11.75 * hUt), 2) - 4.97;
            } else {
                dBp = 4 * (hBs - 1) * (hUt - 1) * fc * 1e9 / C;
                umaBreakTerm = 9 * Math.log10(dBp * dBp + (hBs - hUt) * (hBs - hUt));
                ueHeightTerm = 0.6 * (hUt - 1.5);
                pl1Slope = Double.NaN;
                pl1Offset = Double.NaN;
                pl1Linear = Double.NaN;
                rmaBreakLoss = Double.NaN;
                nlosHead = Double.NaN;
                nlosSlope = Double.NaN;
                nlosTail = Double.NaN;
            }
        }

        @Override
        public double pathLossDb(double distanceKm) {
            double d2 = distanceKm * 1000;
            double d3 = Math.sqrt(d2 * d2 + dh2);
            double logD3 = Math.log10(d3);
            if (rural) {
                double los = d2 <= dBp
                        ? 20 * Math.log10(40 * Math.PI * d3 * fc / 3) + pl1Slope * logD3 - pl1Offset + pl1Linear * d3
                        : rmaBreakLoss + 40 * Math.log10(d3 / dBp);
                double nlos = nlosHead + nlosSlope * (logD3 - 3) + twentyLogFc - nlosTail;
                return Math.max(los, nlos);
            }
            double los = d2 <= dBp ? 28.0 + 22 * logD3 + twentyLogFc : 28.0 + 40 * logD3 + twentyLogFc - umaBreakTerm;
            double nlos = 13.54 + 39.08 * logD3 + twentyLogFc - ueHeightTerm;
            return Math.max(los, nlos);
        }
    }

    /**
     * The closed forms of {@link #maxDistance} with the link's constants computed once (the same expressions in the
     * same order, so the same bits).
     */
    private final class Inverse implements LinkInverse {
        private final boolean rural;
        private final double dh;
        private final double twentyLogFc;
        // UMa
        private final double ueHeightTerm;
        private final double umaBreakM;
        private final double umaBreakTerm;
        // RMa
        private final double rest;
        private final double nlosSlope;
        private final double rmaBreakM;
        private final double rmaBreakLoss;
        private final double pl1K;
        private final double pl1Slope;
        private final double pl1Linear;

        Inverse(RadioLink l) {
            double hBs = l.baseHeightM();
            double hUt = l.mobileHeightM();
            double fc = l.frequencyMhz() / 1000;
            double h = BUILDING_HEIGHT_M;
            rural = l.environment() == EnvironmentClass.RURAL;
            dh = hBs - hUt;
            twentyLogFc = 20 * Math.log10(fc);
            ueHeightTerm = 0.6 * (hUt - 1.5);
            umaBreakM = 4 * (hBs - 1) * (hUt - 1) * fc * 1e9 / C;
            umaBreakTerm = 9 * Math.log10(umaBreakM * umaBreakM + dh * dh);
            rest = 161.04 - 7.1 * Math.log10(STREET_WIDTH_M) + 7.5 * Math.log10(h)
                    - (24.37 - 3.7 * (h / hBs) * (h / hBs)) * Math.log10(hBs) + 20 * Math.log10(fc)
                    - (3.2 * Math.pow(Math.log10(11.75 * hUt), 2) - 4.97);
            nlosSlope = 43.42 - 3.1 * Math.log10(hBs);
            rmaBreakM = 2 * Math.PI * hBs * hUt * fc * 1e9 / C;
            rmaBreakLoss = rural ? rmaPl1(Math.sqrt(rmaBreakM * rmaBreakM + dh * dh), fc, h) : Double.NaN;
            double a = Math.min(0.03 * Math.pow(h, 1.72), 10);
            double b = Math.min(0.044 * Math.pow(h, 1.72), 14.77);
            pl1Linear = 0.002 * Math.log10(h);
            pl1K = 20 * Math.log10(40 * Math.PI * fc / 3) - b;
            pl1Slope = (20 + a) / Math.log(10);
        }

        /**
         * Largest d2D with max(PL_LOS, PL'_NLOS) ≤ allowed = the smaller of the two branches' own largest distances
         * (both increase with distance). Each is in closed form (log-linear pieces in d3D), except the RMa PL1 piece
         * whose 0.002·log(h)·d3D term is solved by Newton on log d3D (convex, from above: monotone convergence).
         * {@code Tr38901Test} checks it against the generic bisection of {@link PathLossModel#maxDistance}.
         */
        @Override
        public MaxDistance maxDistance(double allowedPathLossDb) {
            double nlos;
            double los;
            if (rural) {
                nlos = horizontal(Math.pow(10, 3 + (allowedPathLossDb - rest) / nlosSlope), dh);
                los = rmaLosKm(allowedPathLossDb);
            } else {
                nlos = horizontal(Math.pow(10, (allowedPathLossDb - 13.54 - twentyLogFc + ueHeightTerm) / 39.08), dh);
                los = umaLosKm(allowedPathLossDb);
            }
            double d2Km = Math.min(los, nlos);
            if (d2Km >= maxDistanceKm()) {
                return new MaxDistance(maxDistanceKm(), true);
            }
            return new MaxDistance(Math.max(FLOOR_KM, d2Km), false);
        }

        private double umaLosKm(double allowed) {
            // 28 + 22·log d3 + 20·log fc up to d'BP, continuous with the 40·log piece beyond
            double d3 = Math.pow(10, (allowed - 28.0 - twentyLogFc) / 22);
            double d2 = horizontal(d3, dh);
            if (d2 * 1000 <= umaBreakM) {
                return d2;
            }
            d3 = Math.pow(10, (allowed - 28.0 - twentyLogFc + umaBreakTerm) / 40);
            return Math.max(umaBreakM / 1000, horizontal(d3, dh));
        }

        private double rmaLosKm(double allowed) {
            double d3 = rmaPl1Inverse(allowed);
            double d2 = horizontal(d3, dh);
            if (d2 * 1000 <= rmaBreakM) {
                return d2;
            }
            // beyond dBP the loss jumps to PL1(d3(dBP)) + 40·log(d3/dBP) (≥ PL1 there): up to dBP it holds
            d3 = rmaBreakM * Math.pow(10, (allowed - rmaBreakLoss) / 40);
            return Math.max(rmaBreakM / 1000, d3 > rmaBreakM ? horizontal(d3, dh) : 0);
        }

        /** d3 (m) with PL1(d3) = allowed: Newton on x = ln d3 from the root without the linear term (an upper bound). */
        private double rmaPl1Inverse(double allowed) {
            double x = (allowed - pl1K) / pl1Slope;
            for (int i = 0; i < 60; i++) {
                double ex = Math.exp(x);
                double g = pl1K + pl1Slope * x + pl1Linear * ex - allowed;
                double next = x - g / (pl1Slope + pl1Linear * ex);
                if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
                    return Math.exp(next);
                }
                x = next;
            }
            return Math.exp(x);
        }
    }

    /** Horizontal distance in km for a 3-D distance in m (0 when the 3-D distance is below the height difference). */
    private static double horizontal(double d3M, double dh) {
        return d3M > Math.abs(dh) ? Math.sqrt(d3M * d3M - dh * dh) / 1000 : 0;
    }

    static double uma(double d2, double d3, double hBs, double hUt, double fc) {
        double dBp = 4 * (hBs - 1) * (hUt - 1) * fc * 1e9 / C;
        double los = d2 <= dBp ? 28.0 + 22 * Math.log10(d3) + 20 * Math.log10(fc)
                : 28.0 + 40 * Math.log10(d3) + 20 * Math.log10(fc) - 9 * Math.log10(dBp * dBp + (hBs - hUt) * (hBs - hUt));
        double nlos = 13.54 + 39.08 * Math.log10(d3) + 20 * Math.log10(fc) - 0.6 * (hUt - 1.5);
        return Math.max(los, nlos);
    }

    static double rma(double d2, double d3, double hBs, double hUt, double fc) {
        double h = BUILDING_HEIGHT_M;
        double dBp = 2 * Math.PI * hBs * hUt * fc * 1e9 / C;
        double los = d2 <= dBp ? rmaPl1(d3, fc, h) : rmaPl1(Math.sqrt(dBp * dBp + (hBs - hUt) * (hBs - hUt)), fc, h)
                + 40 * Math.log10(d3 / dBp);
        double nlos = 161.04 - 7.1 * Math.log10(STREET_WIDTH_M) + 7.5 * Math.log10(h)
                - (24.37 - 3.7 * (h / hBs) * (h / hBs)) * Math.log10(hBs)
                + (43.42 - 3.1 * Math.log10(hBs)) * (Math.log10(d3) - 3) + 20 * Math.log10(fc)
                - (3.2 * Math.pow(Math.log10(11.75 * hUt), 2) - 4.97);
        return Math.max(los, nlos);
    }

    private static double rmaPl1(double d3, double fc, double h) {
        return 20 * Math.log10(40 * Math.PI * d3 * fc / 3) + Math.min(0.03 * Math.pow(h, 1.72), 10) * Math.log10(d3)
                - Math.min(0.044 * Math.pow(h, 1.72), 14.77) + 0.002 * Math.log10(h) * d3;
    }
}
