package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.List;

import uz.qamrov.engine.measure.LineEdgeTable.LineRec;
import uz.qamrov.engine.model.Service;

/**
 * Sums per scope (national, region, district) of everything the indicators are ratios or counts of, then emits the
 * indicator values. Not thread-safe: one per evaluation.
 */
final class IndicatorAccumulator {

    /** What is summed per scope. */
    enum Measure {
        SETTLEMENTS, POPULATION, HOUSEHOLDS,
        SETTLEMENTS_MOBILE_ANY, SETTLEMENTS_MOBILE_INTERNET, SETTLEMENTS_HIGH_SPEED_MOBILE, SETTLEMENTS_FIXED_BROADBAND,
        POPULATION_MOBILE_ANY, POPULATION_MOBILE_INTERNET, POPULATION_HIGH_SPEED_MOBILE, POPULATION_FIXED_BROADBAND,
        HOUSEHOLDS_FIXED_BROADBAND,
        /** Population with high-speed mobile or fixed broadband. */
        POPULATION_TELECOM,
        INTERNATIONAL_KM, INTERNATIONAL_HSM_KM, INTERNATIONAL_STATE_KM, INTERNATIONAL_STATE_HSM_KM,
        RAIL_CORRIDOR_KM, RAIL_CORRIDOR_HSM_KM,
        SITES, FIBER_KM, PORTS;

        static Measure settlementsWith(Service s) {
            return switch (s) {
                case MOBILE_ANY -> SETTLEMENTS_MOBILE_ANY;
                case MOBILE_INTERNET -> SETTLEMENTS_MOBILE_INTERNET;
                case HIGH_SPEED_MOBILE -> SETTLEMENTS_HIGH_SPEED_MOBILE;
                case FIXED_BROADBAND -> SETTLEMENTS_FIXED_BROADBAND;
            };
        }

        static Measure populationWith(Service s) {
            return switch (s) {
                case MOBILE_ANY -> POPULATION_MOBILE_ANY;
                case MOBILE_INTERNET -> POPULATION_MOBILE_INTERNET;
                case HIGH_SPEED_MOBILE -> POPULATION_HIGH_SPEED_MOBILE;
                case FIXED_BROADBAND -> POPULATION_FIXED_BROADBAND;
            };
        }
    }

    private static final Service[] SERVICES = Service.values();

    private final Scopes scopes;
    private final double[][] sums;

    IndicatorAccumulator(Scopes scopes) {
        this.scopes = scopes;
        this.sums = new double[Measure.values().length][scopes.size()];
    }

    /** Adds {@code v} to the national scope and to the region and district scopes that are ≥ 0. */
    void add(Measure m, double v, int region, int district) {
        double[] acc = sums[m.ordinal()];
        acc[0] += v;
        if (region >= 0) {
            acc[region] += v;
        }
        if (district >= 0) {
            acc[district] += v;
        }
    }

    /** Adds {@code v} to one scope only. */
    void addTo(Measure m, int scope, double v) {
        sums[m.ordinal()][scope] += v;
    }

    /** One settlement with the services that cover it ({@code covered.test(s)}). */
    void settlement(SettlementTable.SettlementRec r, java.util.function.Predicate<Service> covered) {
        double pop = r.s.population();
        double hh = r.s.households();
        add(Measure.SETTLEMENTS, 1, r.region, r.district);
        add(Measure.POPULATION, pop, r.region, r.district);
        add(Measure.HOUSEHOLDS, hh, r.region, r.district);
        for (Service s : SERVICES) {
            if (covered.test(s)) {
                add(Measure.settlementsWith(s), 1, r.region, r.district);
                add(Measure.populationWith(s), pop, r.region, r.district);
            }
        }
        boolean fb = covered.test(Service.FIXED_BROADBAND);
        if (fb) {
            add(Measure.HOUSEHOLDS_FIXED_BROADBAND, hh, r.region, r.district);
        }
        if (fb || covered.test(Service.HIGH_SPEED_MOBILE)) {
            add(Measure.POPULATION_TELECOM, pop, r.region, r.district);
        }
    }

    /** One edge of a line, {@code hsmKm} of its {@code lenKm} covered by high-speed mobile. */
    void edge(LineRec lr, int region, int district, double lenKm, double hsmKm) {
        if (lr.international()) {
            add(Measure.INTERNATIONAL_KM, lenKm, region, district);
            add(Measure.INTERNATIONAL_HSM_KM, hsmKm, region, district);
        }
        if (lr.internationalState()) {
            add(Measure.INTERNATIONAL_STATE_KM, lenKm, region, district);
            add(Measure.INTERNATIONAL_STATE_HSM_KM, hsmKm, region, district);
        }
        if (lr.railCorridor()) {
            add(Measure.RAIL_CORRIDOR_KM, lenKm, region, district);
            add(Measure.RAIL_CORRIDOR_HSM_KM, hsmKm, region, district);
        }
    }

    Indicators indicators() {
        List<IndicatorValue> out = new ArrayList<>();
        for (int sc = 0; sc < scopes.size(); sc++) {
            Emitter em = new Emitter(out, scopes.types.get(sc), scopes.codes.get(sc), sc);
            double settlements = em.get(Measure.SETTLEMENTS);
            double pop = em.get(Measure.POPULATION);
            em.count(IndicatorKeys.SETTLEMENTS_COUNT, settlements);
            em.ratio(IndicatorKeys.SETTLEMENTS_MOBILE_ANY_PCT, em.get(Measure.SETTLEMENTS_MOBILE_ANY), settlements);
            em.ratio(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT, em.get(Measure.SETTLEMENTS_MOBILE_INTERNET),
                    settlements);
            em.count(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_UNCOVERED,
                    settlements - em.get(Measure.SETTLEMENTS_MOBILE_INTERNET));
            em.ratio(IndicatorKeys.POPULATION_MOBILE_INTERNET_PCT, em.get(Measure.POPULATION_MOBILE_INTERNET), pop);
            em.ratio(IndicatorKeys.SETTLEMENTS_HIGH_SPEED_MOBILE_PCT, em.get(Measure.SETTLEMENTS_HIGH_SPEED_MOBILE),
                    settlements);
            em.ratio(IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT, em.get(Measure.POPULATION_HIGH_SPEED_MOBILE), pop);
            em.ratio(IndicatorKeys.SETTLEMENTS_FIXED_BROADBAND_PCT, em.get(Measure.SETTLEMENTS_FIXED_BROADBAND),
                    settlements);
            em.ratio(IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT, em.get(Measure.HOUSEHOLDS_FIXED_BROADBAND),
                    em.get(Measure.HOUSEHOLDS));
            em.ratio(IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT, em.get(Measure.INTERNATIONAL_HSM_KM),
                    em.get(Measure.INTERNATIONAL_KM));
            double isKm = em.get(Measure.INTERNATIONAL_STATE_KM);
            double isHsm = em.get(Measure.INTERNATIONAL_STATE_HSM_KM);
            em.ratio(IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_HSM_PCT, isHsm, isKm);
            if (isKm > 0) {
                em.km(IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM, Math.max(0, isKm - isHsm));
            }
            em.ratio(IndicatorKeys.RAILWAYS_TSB_HSM_PCT, em.get(Measure.RAIL_CORRIDOR_HSM_KM),
                    em.get(Measure.RAIL_CORRIDOR_KM));
            em.count(IndicatorKeys.BASE_STATIONS_COUNT, em.get(Measure.SITES));
            em.km(IndicatorKeys.FIBER_LENGTH_KM, em.get(Measure.FIBER_KM));
            em.count(IndicatorKeys.BROADBAND_PORTS_COUNT, em.get(Measure.PORTS));
            em.ratio(IndicatorKeys.TELECOM_COVERAGE_PCT, em.get(Measure.POPULATION_TELECOM), pop);
        }
        return new Indicators(out);
    }

    private final class Emitter {
        final List<IndicatorValue> out;
        final ScopeType type;
        final String code;
        final int scope;

        Emitter(List<IndicatorValue> out, ScopeType type, String code, int scope) {
            this.out = out;
            this.type = type;
            this.code = code;
            this.scope = scope;
        }

        double get(Measure m) {
            return sums[m.ordinal()][scope];
        }

        void count(String key, double v) {
            out.add(new IndicatorValue(key, type, code, v, v, 1, Unit.COUNT));
        }

        void km(String key, double v) {
            out.add(new IndicatorValue(key, type, code, v, v, 1, Unit.KM));
        }

        /** Emitted only when the denominator is positive (no NaN); capped at 1 against rounding. */
        void ratio(String key, double num, double den) {
            if (den > 0) {
                out.add(new IndicatorValue(key, type, code, Math.min(1, num / den), num, den, Unit.RATIO));
            }
        }
    }
}
