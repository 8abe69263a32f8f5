package uz.qamrov.engine.planning;

/**
 * A roadmap quantity a plan can raise. Each {@link Demand} carries an amount for some goals (an uncovered settlement:
 * 1 settlement and its population for the two mobile-internet goals; an uncovered road piece: its km).
 */
public enum Goal {
    /** Settlements with mobile internet (3G+), count. */
    SETTLEMENTS_MOBILE_INTERNET("settlements.mobile_internet"),
    /** People in settlements with mobile internet. */
    POPULATION_MOBILE_INTERNET("population.mobile_internet"),
    /** km of international and state highways with 4G. */
    HIGHWAYS_4G_KM("highways.international_state.4g_km"),
    /** km of the Tashkent–Samarkand–Bukhara railway with 4G. */
    RAILWAY_TSB_4G_KM("railways.tashkent_samarkand_bukhara.4g_km"),
    /** Households in settlements where fixed broadband is possible. */
    HOUSEHOLDS_FIXED_BROADBAND("households.fixed_broadband");

    private final String key;

    Goal(String key) {
        this.key = key;
    }

    /** Stable API spelling. */
    public String key() {
        return key;
    }

    public static Goal fromKey(String key) {
        for (Goal g : values()) {
            if (g.key.equals(key) || g.name().equalsIgnoreCase(key)) {
                return g;
            }
        }
        throw uz.qamrov.engine.model.InvalidInputException.of("unknown goal", "goal", key);
    }
}
