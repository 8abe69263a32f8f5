package uz.qamrov.engine.planning;

import java.util.Arrays;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Something not served today that a plan may close: an uncovered settlement, an uncovered piece of highway or rail,
 * a settlement without fixed broadband. {@code amounts} is indexed by {@link Goal#ordinal()} (0 where the demand does
 * not count toward that goal). WGS84 lon/lat of a representative point; {@code regionCode} may be null.
 */
public record Demand(String ref, String label, double lon, double lat, String regionCode, double[] amounts) {

    public Demand {
        if (ref == null || amounts == null || amounts.length != Goal.values().length) {
            throw InvalidInputException.of("demand needs a ref and one amount per goal", "demand", ref);
        }
        for (double a : amounts) {
            if (!(a >= 0) || Double.isInfinite(a)) {
                throw InvalidInputException.of("demand amounts must be finite and >= 0", "demand", ref);
            }
        }
        amounts = amounts.clone();
    }

    /** A demand counting toward one goal. */
    public static Demand of(String ref, String label, double lon, double lat, String regionCode, Goal goal,
            double amount) {
        double[] a = new double[Goal.values().length];
        a[goal.ordinal()] = amount;
        return new Demand(ref, label, lon, lat, regionCode, a);
    }

    /** An uncovered settlement for the two mobile-internet goals. */
    public static Demand settlement(String ref, String label, double lon, double lat, String regionCode,
            int population) {
        double[] a = new double[Goal.values().length];
        a[Goal.SETTLEMENTS_MOBILE_INTERNET.ordinal()] = 1;
        a[Goal.POPULATION_MOBILE_INTERNET.ordinal()] = population;
        return new Demand(ref, label, lon, lat, regionCode, a);
    }

    public double amount(Goal g) {
        return amounts[g.ordinal()];
    }

    @Override
    public double[] amounts() {
        return amounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Demand d && d.ref.equals(ref) && Arrays.equals(d.amounts, amounts);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }
}
