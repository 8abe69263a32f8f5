package uz.qamrov.engine.signal;

import java.util.EnumMap;
import java.util.Map;

import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.Technology;

/**
 * Boundaries of the signal classes per technology, in dBm on the reference signal at the 90%-location level
 * ({@code PointLevel}):
 *
 * <ul>
 * <li><b>fair</b> from the coverage threshold of the {@link LinkBudget} — so a place is covered exactly when its
 * class is fair or good, and classes can never contradict the footprints of the radial model;</li>
 * <li><b>good</b> from the threshold + {@link #DEFAULT_GOOD_ABOVE_DB} (10 dB).</li>
 * </ul>
 * With the default budget: 4G RSRP good ≥ −95, fair −105…−95; 5G SS-RSRP the same; 3G RSCP good ≥ −87, fair −97…−87;
 * 2G RxLev good ≥ −92, fair −102…−92; below_threshold under the fair floor. Why 10 dB: our levels are 11 dB under the
 * median (8 dB fade margin + 3 dB body loss), so "good" is a median RSRP of −84 dBm or better, inside the −80…−90 dBm
 * band that drive-test practice (and most operators' coverage maps) call good, and "fair" is a median of −94…−84 dBm;
 * the same 10 dB step for RSCP and RxLev keeps one rule (median RSCP ≥ −76, RxLev ≥ −81 for good: the usual "good"
 * bands there start at −85). Immutable.
 */
public record SignalThresholds(Map<Technology, double[]> fairAndGoodDbm) {

    public static final double DEFAULT_GOOD_ABOVE_DB = 10;

    public static final SignalThresholds DEFAULTS = of(LinkBudget.DEFAULTS, DEFAULT_GOOD_ABOVE_DB);

    public SignalThresholds {
        EnumMap<Technology, double[]> copy = new EnumMap<>(Technology.class);
        for (Technology t : Technology.values()) {
            double[] v = fairAndGoodDbm.get(t);
            if (v == null || v.length != 2 || !(v[1] >= v[0])) {
                throw InvalidInputException.of("signal thresholds need fair ≤ good for every technology", "technology", t.label());
            }
            copy.put(t, v.clone());
        }
        fairAndGoodDbm = java.util.Collections.unmodifiableMap(copy);
    }

    /** Fair from each technology's coverage threshold, good {@code goodAboveDb} above it. */
    public static SignalThresholds of(LinkBudget budget, double goodAboveDb) {
        Map<Technology, double[]> m = new EnumMap<>(Technology.class);
        for (Technology t : Technology.values()) {
            double thr = budget.of(t).thresholdDbm();
            m.put(t, new double[] {thr, thr + goodAboveDb});
        }
        return new SignalThresholds(m);
    }

    public double fairDbm(Technology t) {
        return fairAndGoodDbm.get(t)[0];
    }

    public double goodDbm(Technology t) {
        return fairAndGoodDbm.get(t)[1];
    }

    /** Class of a level of technology {@code t}; boundaries belong to the better class. NaN is below threshold. */
    public SignalClass classify(Technology t, double levelDbm) {
        if (levelDbm >= goodDbm(t)) {
            return SignalClass.GOOD;
        }
        return levelDbm >= fairDbm(t) ? SignalClass.FAIR : SignalClass.BELOW_THRESHOLD;
    }
}
