package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.GF;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * A toy region around (66°E, 40°N), where 0.01° lon ≈ 853.9 m and 0.01° lat ≈ 1,110.4 m:
 *
 * <pre>
 *   lat 40.3                                    C (3, pop 300) — no site, no fiber within 30 km
 *   lat 40.0   A (1, pop 1000) 4G ──fiber── (66.05)        B (2, pop 500) 2G site S2
 *              66.0                                         66.2
 *   M1 (international) along lon 65.8 from lat 39.8 to 39.9 (≈ 11.1 km, no coverage)
 * </pre>
 */
class CandidateGeneratorTest {

    static CoverageModel toyModel() {
        var a = Fixtures.village(1, 66.0, 40.0, 1000);
        var b = Fixtures.village(2, 66.2, 40.0, 500);
        var c = Fixtures.village(3, 66.4, 40.3, 300);
        Cell lte = Fixtures.cell(11, "OP", Technology.G4, 66.0, 40.0, null, 360, 3_000);
        Cell gsm = new Cell(21, 2, "OP", Technology.G2, 900, null, 360, 30, null, 2_000.0, 66.2, 40.0, Validity.ALWAYS);
        var fiber = new FiberRoute(31, "OP", (LineString) Fixtures.wkt("LINESTRING (66 40, 66.05 40)"), Validity.ALWAYS,
                true);
        return new CoverageModelBuilder().settlements(List.of(a, b, c)).cells(List.of(lte, gsm))
                .sites(List.of(Fixtures.site(1, "OP", 66.0, 40.0), Fixtures.site(2, "OP", 66.2, 40.0)))
                .lines(List.of(Fixtures.highway(41, "M1", "international", "LINESTRING (65.8 39.8, 65.8 39.9)")))
                .fiberRoutes(List.of(fiber))
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON ((65.5 39.5, 66.5 39.5, 66.5 40.5, 65.5 40.5, 65.5 39.5))")))
                .geometryFactory(GF).build();
    }

    static Candidate find(PlanningProblem p, String ref) {
        return p.candidates().stream().filter(c -> c.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + ref + " in " + p.candidates()));
    }

    static List<String> refs(PlanningProblem p, Candidate c) {
        return java.util.Arrays.stream(c.covers()).mapToObj(i -> p.demands().get(i).ref()).toList();
    }

    @Test
    void demandsAndBaselinesComeFromTheEngineEvaluation() {
        PlanningProblem p = CandidateGenerator.generate(toyModel(), CandidateOptions.defaults(D2026));
        assertThat(p.total(Goal.SETTLEMENTS_MOBILE_INTERNET)).isEqualTo(3);
        assertThat(p.baseline(Goal.SETTLEMENTS_MOBILE_INTERNET)).isEqualTo(1);
        assertThat(p.total(Goal.POPULATION_MOBILE_INTERNET)).isEqualTo(1800);
        assertThat(p.baseline(Goal.POPULATION_MOBILE_INTERNET)).isEqualTo(1000);
        // households = population / 5; A has fiber within 2 km
        assertThat(p.total(Goal.HOUSEHOLDS_FIXED_BROADBAND)).isEqualTo(360);
        assertThat(p.baseline(Goal.HOUSEHOLDS_FIXED_BROADBAND)).isEqualTo(200);
        // 0.1° of latitude at 39.85°N ≈ 11.10 km, none of it covered; 1 km pieces add up to it
        assertThat(p.total(Goal.HIGHWAYS_4G_KM)).isCloseTo(11.10, within(0.02));
        assertThat(p.baseline(Goal.HIGHWAYS_4G_KM)).isZero();
        double pieces = p.demands().stream().mapToDouble(d -> d.amount(Goal.HIGHWAYS_4G_KM)).sum();
        assertThat(pieces).isCloseTo(p.total(Goal.HIGHWAYS_4G_KM), within(1e-9));
        assertThat(p.demands().stream().filter(d -> d.amount(Goal.HIGHWAYS_4G_KM) > 0)).hasSize(12);
        assertThat(p.demands()).extracting(Demand::ref).contains("settlement:2", "settlement:3", "fixed:2", "fixed:3")
                .doesNotContain("settlement:1", "fixed:1");
    }

    @Test
    void candidatesArePricedAndCoverWhatTheirFootprintsReach() {
        PlanningProblem p = CandidateGenerator.generate(toyModel(), CandidateOptions.defaults(D2026));
        // the 2G site S2 gets a 4G layer for 25,000 USD and covers B (at the site), not C (37 km away)
        Candidate up = find(p, "upgrade4g:site:2");
        assertThat(up.costUsd()).isEqualTo(25_000);
        assertThat(up.backhaul().kind()).isEqualTo(BackhaulKind.EXISTING);
        assertThat(refs(p, up)).containsExactly("settlement:2");
        // a new site at C: fiber ≈ 44.7 km away (> 30 km), nearest site S2 ≈ 37.4 km → two 30 km microwave hops
        Candidate atC = p.candidates().stream().filter(c -> c.type() == CandidateType.NEW_SITE
                && refs(p, c).contains("settlement:3")).findFirst().orElseThrow();
        assertThat(atC.backhaul().kind()).isEqualTo(BackhaulKind.MICROWAVE);
        assertThat(atC.backhaul().hops()).isEqualTo(2);
        assertThat(atC.costUsd()).isEqualTo(120_000 + 2 * 25_000);
        assertThat(atC.delta().addedCells()).hasSize(3).allMatch(c -> c.technology() == Technology.G4 && c.id() < 0);
        // road candidates every 5 km: 11.1 km → 3 points, each covering road pieces only
        long road = p.candidates().stream().filter(c -> c.ref().startsWith("new:highway:")).count();
        assertThat(road).isEqualTo(3);
        // fiber to B: 0.15° lon ≈ 12.81 km × 1.3 = 16.65 km × 12,000 + one cabinet 20,000 + 100 hh × 0.3 × 250
        Candidate fb = find(p, "fiber:settlement:2");
        assertThat(fb.costUsd()).isCloseTo(16.652 * 12_000 + 20_000 + 7_500, within(150.0));
        assertThat(refs(p, fb)).containsExactly("fixed:2");
        // C is 44.7 km from fiber, beyond the 30 km extension limit: no fiber candidate
        assertThat(p.candidates()).noneMatch(c -> c.ref().equals("fiber:settlement:3"));
    }

    @Test
    void cheapestPlanForEverySettlementIsConfirmedByTheEngineWhatIf() {
        CoverageModel model = toyModel();
        PlanningProblem p = CandidateGenerator.generate(model, CandidateOptions.defaults(D2026));
        Map<Goal, Double> t = new EnumMap<>(Goal.class);
        t.put(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0);
        t.put(Goal.HOUSEHOLDS_FIXED_BROADBAND, 1.0);
        Plan plan = PlanOptimizer.optimize(p, new PlanObjective.Targets(t));
        // B by the 25k upgrade (cheaper than a 145k new site), C by the only candidate that reaches it (170k), and
        // fixed broadband: B by fiber; C cannot be reached
        assertThat(plan.steps()).extracting(s -> s.candidate().ref()).contains("upgrade4g:site:2", "fiber:settlement:2");
        assertThat(plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned()).isEqualTo(3);
        Shortfall fixed = plan.shortfalls().stream().filter(s -> s.goal() == Goal.HOUSEHOLDS_FIXED_BROADBAND)
                .findFirst().orElseThrow();
        assertThat(fixed.uncoverableRefs()).containsExactly("fixed:3");
        assertThat(fixed.uncoverableAmount()).isEqualTo(60);

        // the engine itself, with the plan's additions applied, agrees
        NetworkDelta d = NetworkDelta.merge(plan.steps().stream().map(s -> s.candidate().delta()).toList());
        model.applySiteChanges(d.removedCellIds(), d.addedCells(), d.removedSiteIds(), d.addedSites());
        model.applyFiberChanges(List.of(), d.addedRoutes(), List.of(), d.addedNodes());
        var ind = model.indicators(D2026, CoverageFilter.ANY);
        assertThat(ind.national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT).orElseThrow().value()).isEqualTo(1.0);
        assertThat(ind.national(IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT).orElseThrow().value())
                .isCloseTo(300.0 / 360, within(1e-9));
    }

    @Test
    void widestGapMiddlePointsIntoTheHole() {
        Cell a = Fixtures.cell(1, "OP", Technology.G4, 66, 40, 0.0, 65, 1000);
        Cell b = Fixtures.cell(2, "OP", Technology.G4, 66, 40, 90.0, 65, 1000);
        // gaps: 0→90 (90°) and 90→360 (270°): middle of the latter is 225°
        assertThat(ExistingSiteCandidates.widestGapMiddle(List.of(a, b))).isEqualTo(225.0);
        // 0, 90, 240: widest gap 90→240 (150°), wider than the 65° the two beams cover of it → 165°
        Cell c = Fixtures.cell(3, "OP", Technology.G4, 66, 40, 240.0, 65, 1000);
        assertThat(ExistingSiteCandidates.widestGapMiddle(List.of(a, b, c))).isEqualTo(165.0);
        // three 120° beams 120° apart leave no direction uncovered
        List<Cell> full = List.of(Fixtures.cell(4, "OP", Technology.G4, 66, 40, 10.0, 120, 1000),
                Fixtures.cell(5, "OP", Technology.G4, 66, 40, 130.0, 120, 1000),
                Fixtures.cell(6, "OP", Technology.G4, 66, 40, 250.0, 120, 1000));
        assertThat(ExistingSiteCandidates.widestGapMiddle(full)).isNull();
        assertThat(ExistingSiteCandidates.widestGapMiddle(List.of(Fixtures.cell(7, "OP", Technology.G4, 66, 40, null,
                360, 1000)))).isNull();
        assertThat(ExistingSiteCandidates.widestGapMiddle(List.of())).isNull();
    }
}
