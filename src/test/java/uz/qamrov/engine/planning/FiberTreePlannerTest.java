package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.GF;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Validity;

/**
 * The shared fiber tree on a toy region (R1: 65.5–66.5°E × 39.5–40.5°N). At 40°N on WGS84, 0.1° of longitude is
 * N·cos φ·Δλ = 4,892,707.5 m × 0.0017453 = 8.5393 km and 0.1° of latitude is M·Δφ = 6,361,816 m × 0.0017453 =
 * 11.1035 km. Households = population / 5.
 *
 * <pre>
 *   40.45                                                 F (5, 60 hh) — over 30 km from everything
 *   40.1               E (4, 400 hh)
 *                      |
 *   40.0   A ══fiber══ · ─── B (2, 200 hh) ─── D (3, 100 hh)
 *          66.0      66.05  66.15             66.25
 *   A (1) is within 1 km of the access cable: it has fixed broadband already.
 * </pre>
 * On paper, Kruskal takes fiber–B 8.539, B–D 8.539, B–E 11.104 (fiber–E 14.01, D–E 14.01 and fiber–D 17.08 would
 * close cycles): 28.182 km straight, × 1.3 = 36.637 km of route against 39.63 straight km if each settlement had its
 * own extension. Costs (defaults): 36.637 km × 12,000 = 439,644; one cabinet each 3 × 20,000; drops 700 hh × 0.3 ×
 * 250 = 52,500; total 552,144 USD; 700 households / 36.637 km = 19.11 households per km.
 */
class FiberTreePlannerTest {

    static final double LON_KM = 8.5393;
    static final double LAT_KM = 11.1035;

    static CoverageModel toyModel() {
        var fiber = new FiberRoute(31, "OP", (LineString) Fixtures.wkt("LINESTRING (66 40, 66.05 40)"), Validity.ALWAYS,
                true);
        return new CoverageModelBuilder()
                .settlements(List.of(Fixtures.village(1, 66.0, 40.0, 1000), Fixtures.village(2, 66.15, 40.0, 1000),
                        Fixtures.village(3, 66.25, 40.0, 500), Fixtures.village(4, 66.15, 40.1, 2000),
                        Fixtures.village(5, 66.45, 40.45, 300)))
                .fiberRoutes(List.of(fiber))
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON ((65.5 39.5, 66.5 39.5, 66.5 40.5, 65.5 40.5, 65.5 39.5))")))
                .geometryFactory(GF).build();
    }

    @Test
    void theTreeIsTheMinimumSpanningTreeComputedOnPaper() {
        FiberTreePlanner.Result r = FiberTreePlanner.plan(toyModel(), CandidateOptions.defaults(D2026));
        // building order: from the fiber to B, then B's branches (shortest corridor first)
        assertThat(r.links()).extracting(FiberTreePlanner.Link::settlementId).containsExactly(2L, 3L, 4L);
        assertThat(r.links()).extracting(FiberTreePlanner.Link::fromSettlementId).containsExactly(0L, 2L, 2L);
        FiberTreePlanner.Link first = r.links().get(0);
        assertThat(first.fromLon()).isCloseTo(66.05, within(1e-9));
        assertThat(first.fromLat()).isCloseTo(40.0, within(1e-9));
        assertThat(first.straightKm()).isCloseTo(LON_KM, within(0.001));
        assertThat(r.links().get(1).straightKm()).isCloseTo(LON_KM, within(0.001));
        assertThat(r.links().get(2).straightKm()).isCloseTo(LAT_KM, within(0.001));
        assertThat(r.totalRouteKm()).isCloseTo(1.3 * (2 * LON_KM + LAT_KM), within(0.003));
        assertThat(r.totalCostUsd()).isCloseTo(552_144, within(40.0));
        assertThat(r.links()).extracting(FiberTreePlanner.Link::cabinets).containsExactly(1, 1, 1);
        assertThat(r.unreachableSettlementIds()).containsExactly(5L);
        assertThat(r.unreachableHouseholds()).isEqualTo(60);

        assertThat(r.regions()).hasSize(1);
        FiberTreePlanner.RegionSummary r1 = r.regions().get(0);
        assertThat(r1.regionCode()).isEqualTo("R1");
        assertThat(r1.settlements()).isEqualTo(3);
        assertThat(r1.households()).isEqualTo(700);
        assertThat(r1.cabinets()).isEqualTo(3);
        assertThat(r1.householdsPerKm()).isCloseTo(700 / 36.637, within(0.01));

        // shorter than every settlement on its own extension (fiber–B, fiber–D, fiber–E)
        double separate = LON_KM + 2 * LON_KM + Math.hypot(LON_KM, LAT_KM);
        assertThat(r.totalRouteKm()).isLessThan(1.3 * separate);
    }

    /** The same villages served by an access node at A (66.0, 40.0) with ports, and no cable. */
    static CoverageModel nodeModel(int ports) {
        return new CoverageModelBuilder()
                .settlements(List.of(Fixtures.village(1, 66.0, 40.0, 1000), Fixtures.village(2, 66.15, 40.0, 1000),
                        Fixtures.village(3, 66.25, 40.0, 500), Fixtures.village(4, 66.15, 40.1, 2000),
                        Fixtures.village(5, 66.45, 40.45, 300)))
                .fiberNodes(List.of(new uz.qamrov.engine.model.FiberNode(41, "OP", 66.0, 40.0, ports, Validity.ALWAYS)))
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON ((65.5 39.5, 66.5 39.5, 66.5 40.5, 65.5 40.5, 65.5 39.5))")))
                .geometryFactory(GF).build();
    }

    @Test
    void anAccessNodeIsARootOfTheTreeAsACableIs() {
        // from the node at A: node–B 0.15° of longitude = 1.5 × 8.5393 = 12.809 km, then B–D and B–E as from the cable
        FiberTreePlanner.Result r = FiberTreePlanner.plan(nodeModel(512), CandidateOptions.defaults(D2026));
        assertThat(r.links()).extracting(FiberTreePlanner.Link::settlementId).containsExactly(2L, 3L, 4L);
        FiberTreePlanner.Link first = r.links().get(0);
        assertThat(first.fromSettlementId()).isZero();
        assertThat(first.fromLon()).isCloseTo(66.0, within(1e-9));
        assertThat(first.straightKm()).isCloseTo(1.5 * LON_KM, within(0.002));
        assertThat(r.totalRouteKm()).isCloseTo(1.3 * (1.5 * LON_KM + LON_KM + LAT_KM), within(0.004));
        // a splice closure (no ports) serves no household: nothing to grow a tree from, every village out of reach
        FiberTreePlanner.Result none = FiberTreePlanner.plan(nodeModel(0), CandidateOptions.defaults(D2026));
        assertThat(none.links()).isEmpty();
        assertThat(none.unreachableSettlementIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void theEngineConfirmsTheTreeAndRegionMultipliersPriceIt() {
        CoverageModel model = toyModel();
        FiberTreePlanner.Result r = FiberTreePlanner.plan(model,
                CandidateOptions.defaults(D2026).withCosts(PlanningCosts.DEFAULTS, Map.of("R1", 2.0)));
        assertThat(r.totalCostUsd()).isCloseTo(2 * 552_144, within(80.0));
        // what-if: the new access cables and nodes give B, D and E fixed broadband; F stays without (900 of 960)
        NetworkDelta d = r.delta();
        assertThat(d.addedRoutes()).hasSize(3).allMatch(FiberRoute::access);
        model.applyFiberChanges(List.of(), d.addedRoutes(), List.of(), d.addedNodes());
        double pct = model.indicators(D2026, CoverageFilter.ANY).national(IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT)
                .orElseThrow().value();
        assertThat(pct).isCloseTo(900.0 / 960, within(1e-9));
    }

    @Test
    void noSettlementWithoutFixedBroadbandIsAnEmptyTree() {
        CoverageModel model = new CoverageModelBuilder().settlements(List.of(Fixtures.village(1, 66.0, 40.0, 1000)))
                .fiberRoutes(List.of(new FiberRoute(31, "OP", (LineString) Fixtures.wkt("LINESTRING (66 40, 66.05 40)"),
                        Validity.ALWAYS, true)))
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON ((65.5 39.5, 66.5 39.5, 66.5 40.5, 65.5 40.5, 65.5 39.5))")))
                .geometryFactory(GF).build();
        FiberTreePlanner.Result r = FiberTreePlanner.plan(model, CandidateOptions.defaults(D2026));
        assertThat(r.links()).isEmpty();
        assertThat(r.regions()).isEmpty();
        assertThat(r.unreachableSettlementIds()).isEmpty();
        assertThat(r.delta().isEmpty()).isTrue();
    }
}
