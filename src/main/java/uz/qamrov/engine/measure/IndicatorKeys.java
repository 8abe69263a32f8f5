package uz.qamrov.engine.measure;

import java.util.List;

/** The stable indicator keys stored in {@code indicator_values.indicator_key}. */
public final class IndicatorKeys {

    public static final String SETTLEMENTS_COUNT = "settlements.count";
    public static final String SETTLEMENTS_MOBILE_ANY_PCT = "settlements.mobile_any.pct";
    public static final String SETTLEMENTS_MOBILE_INTERNET_PCT = "settlements.mobile_internet.pct";
    public static final String SETTLEMENTS_MOBILE_INTERNET_UNCOVERED = "settlements.mobile_internet.uncovered";
    public static final String POPULATION_MOBILE_INTERNET_PCT = "population.mobile_internet.pct";
    public static final String SETTLEMENTS_HIGH_SPEED_MOBILE_PCT = "settlements.high_speed_mobile.pct";
    public static final String POPULATION_HIGH_SPEED_MOBILE_PCT = "population.high_speed_mobile.pct";
    public static final String SETTLEMENTS_FIXED_BROADBAND_PCT = "settlements.fixed_broadband.pct";
    public static final String HOUSEHOLDS_FIXED_BROADBAND_PCT = "households.fixed_broadband.pct";
    public static final String HIGHWAYS_INTERNATIONAL_HSM_PCT = "highways.international.high_speed_mobile.pct";
    public static final String HIGHWAYS_INTERNATIONAL_STATE_HSM_PCT = "highways.international_state.high_speed_mobile.pct";
    public static final String HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM = "highways.international_state.uncovered_km";
    public static final String RAILWAYS_TSB_HSM_PCT = "railways.tashkent_samarkand_bukhara.high_speed_mobile.pct";
    public static final String BASE_STATIONS_COUNT = "base_stations.count";
    public static final String FIBER_LENGTH_KM = "fiber.length_km";
    public static final String BROADBAND_PORTS_COUNT = "broadband_ports.count";
    public static final String TELECOM_COVERAGE_PCT = "telecom.coverage.pct";

    /** Rail line key of the Tashkent–Samarkand–Bukhara corridor indicator. */
    public static final String RAIL_CORRIDOR_KEY = "tashkent_samarkand_bukhara";

    public static final List<String> ALL = List.of(SETTLEMENTS_COUNT, SETTLEMENTS_MOBILE_ANY_PCT,
            SETTLEMENTS_MOBILE_INTERNET_PCT, SETTLEMENTS_MOBILE_INTERNET_UNCOVERED, POPULATION_MOBILE_INTERNET_PCT,
            SETTLEMENTS_HIGH_SPEED_MOBILE_PCT, POPULATION_HIGH_SPEED_MOBILE_PCT, SETTLEMENTS_FIXED_BROADBAND_PCT,
            HOUSEHOLDS_FIXED_BROADBAND_PCT, HIGHWAYS_INTERNATIONAL_HSM_PCT, HIGHWAYS_INTERNATIONAL_STATE_HSM_PCT,
            HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM, RAILWAYS_TSB_HSM_PCT, BASE_STATIONS_COUNT, FIBER_LENGTH_KM,
            BROADBAND_PORTS_COUNT, TELECOM_COVERAGE_PCT);

    private IndicatorKeys() {
    }
}
