package uz.qamrov.engine.planning;

import java.util.LinkedHashMap;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Unit costs (USD) and reach limits the candidates are priced with. The application keeps them in the
 * {@code planning_costs} table (admin-editable; documented defaults and their sources in docs/planning.md) and may
 * override any of them per plan.
 *
 * @param newMacroSiteUsd a greenfield macro site: mast, power, civil works, three 4G sectors (backhaul extra)
 * @param newSectorUsd one sector added to an existing site
 * @param upgrade3gTo4gUsd adding 4G to an existing 2G/3G site (radio units, antennas, licence work)
 * @param upgrade4gTo5gUsd adding 5G to an existing 4G site
 * @param fiberPerKmUsd fiber built per km of route
 * @param fiberRouteFactor route length ÷ straight-line distance (roads and rights of way are not straight)
 * @param fiberDropUsd connecting one household (drop cable and terminal), counted for the expected take-up
 * @param fiberTakeUpRatio share of households passed that connect, for pricing drops (0..1]
 * @param oltCabinetUsd one OLT/street cabinet
 * @param oltCabinetPorts households one cabinet serves
 * @param microwaveHopUsd one microwave backhaul hop (two radios, antennas, installation)
 * @param microwaveHopMaxKm longest hop; longer distances need relays (one more hop each)
 * @param fiberInReachM a new site this close to fiber takes a short lead-in ("fiber within reach")
 * @param fiberExtensionMaxKm the longest fiber extension priced for a site or a settlement; farther is not a candidate
 */
public record PlanningCosts(double newMacroSiteUsd, double newSectorUsd, double upgrade3gTo4gUsd,
        double upgrade4gTo5gUsd, double fiberPerKmUsd, double fiberRouteFactor, double fiberDropUsd,
        double fiberTakeUpRatio, double oltCabinetUsd, int oltCabinetPorts, double microwaveHopUsd,
        double microwaveHopMaxKm, double fiberInReachM, double fiberExtensionMaxKm) {

    /** The documented defaults (docs/planning.md gives the reasoning and sources). */
    public static final PlanningCosts DEFAULTS = new PlanningCosts(120_000, 15_000, 25_000, 45_000, 12_000, 1.3, 250,
            0.3, 20_000, 256, 25_000, 30, 1_000, 30);

    public PlanningCosts {
        positive("newMacroSiteUsd", newMacroSiteUsd);
        positive("newSectorUsd", newSectorUsd);
        positive("upgrade3gTo4gUsd", upgrade3gTo4gUsd);
        positive("upgrade4gTo5gUsd", upgrade4gTo5gUsd);
        positive("fiberPerKmUsd", fiberPerKmUsd);
        if (!(fiberRouteFactor >= 1 && fiberRouteFactor <= 5)) {
            throw InvalidInputException.of("fiberRouteFactor must be in [1, 5]", "fiberRouteFactor", fiberRouteFactor);
        }
        nonNegative("fiberDropUsd", fiberDropUsd);
        if (!(fiberTakeUpRatio > 0 && fiberTakeUpRatio <= 1)) {
            throw InvalidInputException.of("fiberTakeUpRatio must be in (0, 1]", "fiberTakeUpRatio", fiberTakeUpRatio);
        }
        positive("oltCabinetUsd", oltCabinetUsd);
        if (oltCabinetPorts < 1) {
            throw InvalidInputException.of("oltCabinetPorts must be >= 1", "oltCabinetPorts", oltCabinetPorts);
        }
        positive("microwaveHopUsd", microwaveHopUsd);
        positive("microwaveHopMaxKm", microwaveHopMaxKm);
        nonNegative("fiberInReachM", fiberInReachM);
        positive("fiberExtensionMaxKm", fiberExtensionMaxKm);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw InvalidInputException.of(field + " must be a positive number", field, v);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw InvalidInputException.of(field + " must be a number >= 0", field, v);
        }
    }

    /** Field name → value, in declaration order (the keys of the {@code planning_costs} table). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("newMacroSiteUsd", newMacroSiteUsd);
        m.put("newSectorUsd", newSectorUsd);
        m.put("upgrade3gTo4gUsd", upgrade3gTo4gUsd);
        m.put("upgrade4gTo5gUsd", upgrade4gTo5gUsd);
        m.put("fiberPerKmUsd", fiberPerKmUsd);
        m.put("fiberRouteFactor", fiberRouteFactor);
        m.put("fiberDropUsd", fiberDropUsd);
        m.put("fiberTakeUpRatio", fiberTakeUpRatio);
        m.put("oltCabinetUsd", oltCabinetUsd);
        m.put("oltCabinetPorts", (double) oltCabinetPorts);
        m.put("microwaveHopUsd", microwaveHopUsd);
        m.put("microwaveHopMaxKm", microwaveHopMaxKm);
        m.put("fiberInReachM", fiberInReachM);
        m.put("fiberExtensionMaxKm", fiberExtensionMaxKm);
        return m;
    }

    /**
     * Builds costs from a map of the same keys; keys absent take the value from {@code base}.
     *
     * @throws InvalidInputException naming the field on an unknown key or an invalid value
     */
    public static PlanningCosts fromMap(Map<String, ? extends Number> values, PlanningCosts base) {
        Map<String, Double> m = base.asMap();
        for (var e : values.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw InvalidInputException.of("unknown cost key", e.getKey(), e.getValue());
            }
            if (e.getValue() == null) {
                throw InvalidInputException.of(e.getKey() + " must be a number", e.getKey(), null);
            }
            m.put(e.getKey(), e.getValue().doubleValue());
        }
        double ports = m.get("oltCabinetPorts");
        if (ports != Math.rint(ports)) {
            throw InvalidInputException.of("oltCabinetPorts must be a whole number", "oltCabinetPorts", ports);
        }
        return new PlanningCosts(m.get("newMacroSiteUsd"), m.get("newSectorUsd"), m.get("upgrade3gTo4gUsd"),
                m.get("upgrade4gTo5gUsd"), m.get("fiberPerKmUsd"), m.get("fiberRouteFactor"), m.get("fiberDropUsd"),
                m.get("fiberTakeUpRatio"), m.get("oltCabinetUsd"), (int) ports, m.get("microwaveHopUsd"),
                m.get("microwaveHopMaxKm"), m.get("fiberInReachM"), m.get("fiberExtensionMaxKm"));
    }

    /** Backhaul of a new site: the cheapest of a fiber lead-in/extension and microwave hops (see {@link Backhaul}). */
    public Backhaul backhaul(double fiberDistanceM, double nearestSiteDistanceM) {
        Backhaul best = null;
        if (Double.isFinite(fiberDistanceM) && fiberDistanceM / 1000 <= fiberExtensionMaxKm) {
            double km = fiberDistanceM / 1000 * fiberRouteFactor;
            best = new Backhaul(fiberDistanceM <= fiberInReachM ? BackhaulKind.FIBER_IN_REACH : BackhaulKind.FIBER_EXTENSION,
                    km, 0, km * fiberPerKmUsd);
        }
        // with no site anywhere a hop still reaches the operator's network somewhere: price one
        int hops = Double.isFinite(nearestSiteDistanceM)
                ? Math.max(1, (int) Math.ceil(nearestSiteDistanceM / 1000 / microwaveHopMaxKm)) : 1;
        Backhaul mw = new Backhaul(BackhaulKind.MICROWAVE, 0, hops, hops * microwaveHopUsd);
        return best == null || mw.costUsd() < best.costUsd() ? mw : best;
    }

    /** Cost of bringing fixed broadband to a settlement of {@code households} over {@code extensionKm} of new route. */
    public double fiberExtensionUsd(double extensionKm, int households) {
        int cabinets = Math.max(1, (int) Math.ceil(households * fiberTakeUpRatio / oltCabinetPorts));
        return extensionKm * fiberPerKmUsd + cabinets * oltCabinetUsd + households * fiberTakeUpRatio * fiberDropUsd;
    }
}
