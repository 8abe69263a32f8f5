package uz.qamrov.engine.model;

/**
 * A service whose availability the engine reports. Mobile services are provided by any cell of at least
 * {@link #minimumTechnology()}; fixed broadband comes from fiber (route or node within the drop distance) or an
 * operator's declaration.
 */
public enum Service {
    MOBILE_ANY("mobile_any", Technology.G2),
    MOBILE_INTERNET("mobile_internet", Technology.G3),
    HIGH_SPEED_MOBILE("high_speed_mobile", Technology.G4),
    FIXED_BROADBAND("fixed_broadband", null);

    private final String key;
    private final Technology minimumTechnology;

    Service(String key, Technology minimumTechnology) {
        this.key = key;
        this.minimumTechnology = minimumTechnology;
    }

    /** Stable key as stored in {@code settlement_coverage.service}. */
    public String key() {
        return key;
    }

    /** Lowest technology that provides this service, or null for fixed broadband. */
    public Technology minimumTechnology() {
        return minimumTechnology;
    }

    public boolean isMobile() {
        return minimumTechnology != null;
    }

    /** Whether a cell of technology {@code t} provides this (mobile) service. */
    public boolean providedBy(Technology t) {
        return minimumTechnology != null && t.atLeast(minimumTechnology);
    }

    public static Service fromKey(String key) {
        for (Service s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw InvalidInputException.of("unknown service key", "service", key);
    }

    /** The three mobile services in increasing technology order. */
    public static Service[] mobile() {
        return new Service[] {MOBILE_ANY, MOBILE_INTERNET, HIGH_SPEED_MOBILE};
    }
}
