package uz.qamrov.engine.footprint;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * How a {@link RadialFootprint} holds its radials' ranges in 16 bits: each as a whole number of units of 1/65,535 of
 * the longest radial, rounded towards the site (a footprint never reaches past a radial's range). The rounding is
 * below one unit: 1.6e-5 of the longest radial, 15 cm at 10 km, the order of {@code LocalMetric}'s own 1e-5. A
 * national model holds ~260,000 footprints of 360 radials (more after a national upload): as doubles the ranges were
 * 0.75 GB of its 1.2 GB, as floats still over half of it.
 */
final class RangeUnits {

    /** The most units a radial holds: a {@code char} is Java's unsigned 16-bit type. */
    static final int MAX_UNITS = Character.MAX_VALUE;

    private RangeUnits() {
    }

    /**
     * The unit in metres for these ranges (checked: finite, ≥ 0, at least one > 0): 1/65,535 of the longest, so
     * that the longest is held in whole units without reaching past it.
     */
    static double unitFor(double[] rangesM) {
        double longest = 0;
        for (double r : rangesM) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw InvalidInputException.of("radial range must be finite and ≥ 0", "rangeM", r);
            }
            longest = Math.max(longest, r);
        }
        if (!(longest > 0)) {
            throw InvalidInputException.of("footprint radius must be > 0", "radiusM", longest);
        }
        double unit = longest / MAX_UNITS;
        return unit * MAX_UNITS > longest ? Math.nextDown(unit) : unit;
    }

    /** The ranges as whole units of {@code unit}, each the most that does not reach past its range. */
    static char[] hold(double[] rangesM, double unit) {
        char[] held = new char[rangesM.length];
        for (int i = 0; i < rangesM.length; i++) {
            held[i] = towardsSite(rangesM[i], unit);
        }
        return held;
    }

    /** The most units of {@code unit} metres that do not reach past {@code r}. */
    static char towardsSite(double r, double unit) {
        long q = Math.min(MAX_UNITS, (long) Math.floor(r / unit));
        while (q > 0 && q * unit > r) {
            q--;
        }
        return (char) q;
    }
}
