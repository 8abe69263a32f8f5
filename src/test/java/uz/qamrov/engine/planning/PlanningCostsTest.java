package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A new site's backhaul and a settlement's fiber extension priced on paper with the documented defaults: fiber
 * 12,000 USD/km × route factor 1.3, in reach within 1 km, extended up to 30 km; microwave 25,000 USD per hop of up to
 * 30 km; a cabinet (20,000 USD) per 256 ports at 30% take-up; 250 USD per drop.
 */
class PlanningCostsTest {

    private final PlanningCosts costs = PlanningCosts.DEFAULTS;

    @Test
    void fiberWithinReachIsALeadIn() {
        // 500 m × 1.3 = 0.65 km × 12,000 = 7,800 USD, less than a hop
        Backhaul b = costs.backhaul(500, 5_000);
        assertThat(b.kind()).isEqualTo(BackhaulKind.FIBER_IN_REACH);
        assertThat(b.lengthKm()).isCloseTo(0.65, within(1e-9));
        assertThat(b.costUsd()).isCloseTo(7_800, within(1e-6));
    }

    @Test
    void fiberBeyondReachIsAnExtensionWhileCheaperThanAHop() {
        // 1.5 km × 1.3 = 1.95 km × 12,000 = 23,400 USD < 25,000
        Backhaul near = costs.backhaul(1_500, 5_000);
        assertThat(near.kind()).isEqualTo(BackhaulKind.FIBER_EXTENSION);
        assertThat(near.costUsd()).isCloseTo(23_400, within(1e-6));
        // 2 km × 1.3 × 12,000 = 31,200 USD > one hop of 5 km: microwave
        Backhaul far = costs.backhaul(2_000, 5_000);
        assertThat(far.kind()).isEqualTo(BackhaulKind.MICROWAVE);
        assertThat(far.hops()).isEqualTo(1);
        assertThat(far.costUsd()).isEqualTo(25_000);
    }

    @Test
    void microwaveHopsCoverTheDistanceToTheNearestSite() {
        // fiber 40 km away is beyond the 30 km an extension may run; the nearest site 70 km away: ⌈70/30⌉ = 3 hops
        Backhaul b = costs.backhaul(40_000, 70_000);
        assertThat(b.kind()).isEqualTo(BackhaulKind.MICROWAVE);
        assertThat(b.hops()).isEqualTo(3);
        assertThat(b.costUsd()).isEqualTo(75_000);
        // nothing known anywhere: one hop is still priced
        assertThat(costs.backhaul(Double.NaN, Double.NaN).costUsd()).isEqualTo(25_000);
    }

    @Test
    void aSettlementNeedsOneCabinetPer256PortsOfItsTakeUp() {
        // 853 households × 0.3 = 255.9 ports: one cabinet; 20,000 + 853 × 0.3 × 250 = 83,975 USD
        assertThat(costs.fiberExtensionUsd(0, 853)).isCloseTo(83_975, within(1e-6));
        // 854 × 0.3 = 256.2 ports: two; 40,000 + 64,050 = 104,050 USD
        assertThat(costs.fiberExtensionUsd(0, 854)).isCloseTo(104_050, within(1e-6));
        // 2 km of new route and 1,000 households (300 ports, 2 cabinets): 24,000 + 40,000 + 75,000
        assertThat(costs.fiberExtensionUsd(2, 1_000)).isCloseTo(139_000, within(1e-6));
    }
}
