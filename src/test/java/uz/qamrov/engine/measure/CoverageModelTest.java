package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.cell;
import static uz.qamrov.engine.Fixtures.from;
import static uz.qamrov.engine.Fixtures.highway;
import static uz.qamrov.engine.Fixtures.site;
import static uz.qamrov.engine.Fixtures.village;
import static uz.qamrov.engine.Fixtures.wkt;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;

/**
 * Hand-made cases around (66°E, 40°N): 0.01° lon ≈ 853.9 m, 0.01° lat ≈ 1110.4 m. Ranges are explicit so the
 * answers do not depend on the propagation model.
 */
class CoverageModelTest {

    /** The hand-worked cases here are drawn on hard sector wedges, so the model uses them. */
    static CoverageModel model(List<Cell> cells, List<Settlement> settlements, List<TransportLine> lines) {
        return new CoverageModelBuilder().settings(CoverageSettings.DEFAULTS.withRadio(RadioSettings.WEDGES)).cells(cells)
                .settlements(settlements).lines(lines).build();
    }

    @Test
    void sectorCoversExactlyOneOfTwoVillages() {
        //   B(65.9414 40)     site(66 40)  ▷▷▷  A(66.0586 40)
        //        5 km west          sector az 90°, bw 90°, r 10 km       5 km east
        Cell c = cell(1, "ucell", Technology.G4, 66, 40, 90.0, 90, 10_000);
        Settlement a = village(1, 66.0586, 40, 1000);
        Settlement b = village(2, 65.9414, 40, 2000);
        CoverageSnapshot s = model(List.of(c), List.of(a, b), List.of()).evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.isCovered(1, Service.HIGH_SPEED_MOBILE)).isTrue();
        assertThat(s.isCovered(1, Service.MOBILE_ANY)).isTrue();
        assertThat(s.isCovered(2, Service.MOBILE_ANY)).isFalse();
        assertThat(s.settlement(1, Service.MOBILE_INTERNET).orElseThrow().operators()).containsExactly("ucell");
        IndicatorValue pop = s.indicators().national(IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT).orElseThrow();
        assertThat(pop.value()).isCloseTo(1000.0 / 3000, within(1e-12));
        assertThat(pop.numerator()).isEqualTo(1000);
        assertThat(pop.denominator()).isEqualTo(3000);
        assertThat(s.indicators().national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_UNCOVERED).orElseThrow().value())
                .isEqualTo(1);
    }

    @Test
    void roadHalfInsideFootprint() {
        //  site ●━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ road 20 km due east
        //       └──── omni r = 10 km ────┘
        double[] end = from(66, 40, 90, 20_000);
        TransportLine road = highway(7, "M39", "international", "LINESTRING(66 40, " + end[0] + " " + end[1] + ")");
        Cell c = cell(1, "op", Technology.G4, 66, 40, null, 360, 10_000);
        CoverageModel m = model(List.of(c), List.of(), List.of(road));
        CoverageSnapshot s = m.evaluate(D2026, CoverageFilter.ANY);
        double lengthKm = m.lineLengthKm(7, LineKind.HIGHWAY);
        assertThat(lengthKm).isCloseTo(20, within(0.02));
        assertThat(s.coveredKm(7, Service.HIGH_SPEED_MOBILE)).isCloseTo(lengthKm / 2, within(lengthKm / 2 * 1e-3));
        List<LineStretch> st = s.stretches(7, Service.HIGH_SPEED_MOBILE);
        assertThat(st).hasSize(2);
        assertThat(st.get(0).covered()).isTrue();
        assertThat(st.get(0).fromKm()).isZero();
        assertThat(st.get(0).toKm()).isCloseTo(10, within(0.01));
        assertThat(st.get(1).covered()).isFalse();
        assertThat(st.get(1).toKm()).isCloseTo(lengthKm, within(1e-9));
        assertThat(LocalMetric.lengthM(st.get(0).geometry()) / 1000).isCloseTo(st.get(0).lengthKm(), within(1e-6));
        IndicatorValue v = s.indicators().national(IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT).orElseThrow();
        assertThat(v.value()).isCloseTo(0.5, within(5e-4));
        assertThat(s.indicators().national(IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM).orElseThrow().value())
                .isCloseTo(10, within(0.01));
        // 3G only covers mobile_internet, not high_speed_mobile
        Cell c3 = cell(1, "op", Technology.G3, 66, 40, null, 360, 10_000);
        CoverageSnapshot s3 = model(List.of(c3), List.of(), List.of(road)).evaluate(D2026, CoverageFilter.ANY);
        assertThat(s3.coveredKm(7, Service.HIGH_SPEED_MOBILE)).isZero();
        assertThat(s3.coveredKm(7, Service.MOBILE_INTERNET)).isCloseTo(10, within(0.01));
    }

    @Test
    void siteCommissionedAfterAsOfDoesNotCount() {
        Cell c = cell(1, "op", Technology.G4, 66, 40, null, 360, 5_000, Validity.from(LocalDate.of(2027, 1, 1)));
        CoverageModel m = model(List.of(c), List.of(village(1, 66.01, 40, 100)), List.of());
        assertThat(m.evaluate(D2026, CoverageFilter.ANY).isCovered(1, Service.MOBILE_ANY)).isFalse();
        assertThat(m.evaluate(LocalDate.of(2026, 12, 31), CoverageFilter.ANY).isCovered(1, Service.MOBILE_ANY)).isFalse();
        assertThat(m.evaluate(LocalDate.of(2027, 1, 1), CoverageFilter.ANY).isCovered(1, Service.MOBILE_ANY)).isTrue();
    }

    @Test
    void decommissionedSiteStopsCountingOnItsEndDate() {
        Cell c = cell(1, "op", Technology.G4, 66, 40, null, 360, 5_000,
                Validity.between(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)));
        var m = new CoverageModelBuilder().cells(List.of(c)).settlements(List.of(village(1, 66.01, 40, 100)))
                .sites(List.of(new uz.qamrov.engine.model.Site(1, "op", 66, 40,
                        Validity.between(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)))))
                .build();
        CoverageSnapshot before = m.evaluate(LocalDate.of(2025, 12, 31), CoverageFilter.ANY);
        CoverageSnapshot after = m.evaluate(LocalDate.of(2026, 1, 1), CoverageFilter.ANY);
        assertThat(before.isCovered(1, Service.HIGH_SPEED_MOBILE)).isTrue();
        assertThat(after.isCovered(1, Service.HIGH_SPEED_MOBILE)).isFalse();
        assertThat(before.indicators().national(IndicatorKeys.BASE_STATIONS_COUNT).orElseThrow().value()).isEqualTo(1);
        assertThat(after.indicators().national(IndicatorKeys.BASE_STATIONS_COUNT).orElseThrow().value()).isZero();
    }

    @Test
    void overlappingFootprintsAreCountedOnce() {
        //      ( r=10 )    ( r=10 )
        //  ━━━━━━●━━━━━━━━━━━━●━━━━━━━━   road from −20 km to +35 km; sites at 0 and 15 km
        //  union on the road = [−10, 25] = 35 km (not 40)
        double[] a = from(66, 40, 270, 20_000);
        double[] b = from(66, 40, 90, 35_000);
        double[] s2 = from(66, 40, 90, 15_000);
        TransportLine road = highway(1, "A1", "state", "LINESTRING(" + a[0] + " " + a[1] + ", 66 40, " + b[0] + " "
                + b[1] + ")");
        CoverageModel m = model(List.of(cell(1, "x", Technology.G4, 66, 40, null, 360, 10_000),
                cell(2, "y", Technology.G4, s2[0], s2[1], null, 360, 10_000)), List.of(), List.of(road));
        CoverageSnapshot s = m.evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.coveredKm(1, Service.HIGH_SPEED_MOBILE)).isCloseTo(35, within(35e-3));
        assertThat(s.stretches(1, Service.HIGH_SPEED_MOBILE)).extracting(LineStretch::covered)
                .containsExactly(false, true, false);
        // per operator: x alone covers [−10, 10]
        assertThat(m.evaluate(D2026, CoverageFilter.operator("x")).coveredKm(1, Service.HIGH_SPEED_MOBILE))
                .isCloseTo(20, within(0.02));
    }

    @Test
    void settlementPolygonCoveredWhenAtLeastHalfItsAreaIs() {
        // a 0.02° × 0.02° square (≈ 1.71 km × 2.22 km) centred on (66.01, 40.01)
        //  +------+------+
        //  |      |▷▷▷▷▷▷|   sector facing east, bw 180°, r 5 km, from a site on the square's vertical mid-line:
        //  |      ●▷▷▷▷▷▷|   covers the eastern half → 50% → covered
        //  +------+------+
        Settlement sq = new Settlement(1, 66.01, 40.01, 500, 100, "R1", "D1",
                wkt("POLYGON((66 40, 66.02 40, 66.02 40.02, 66 40.02, 66 40))"));
        CoverageSnapshot half = model(List.of(cell(1, "x", Technology.G4, 66.01, 40.01, 90.0, 180, 5_000)), List.of(sq),
                List.of()).evaluate(D2026, CoverageFilter.ANY);
        assertThat(half.isCovered(1, Service.HIGH_SPEED_MOBILE)).isTrue();
        // site moved 0.004° east (20% of the width): 30% covered → not covered
        CoverageSnapshot less = model(List.of(cell(1, "x", Technology.G4, 66.014, 40.01, 90.0, 180, 5_000)),
                List.of(sq), List.of()).evaluate(D2026, CoverageFilter.ANY);
        assertThat(less.isCovered(1, Service.HIGH_SPEED_MOBILE)).isFalse();
        // 30% by x plus a second 30% by y (west edge strip): union 60% → covered, but neither operator alone
        CoverageSnapshot two = model(List.of(cell(1, "x", Technology.G4, 66.014, 40.01, 90.0, 180, 5_000),
                cell(2, "y", Technology.G4, 66.006, 40.01, 270.0, 180, 5_000)), List.of(sq), List.of())
                .evaluate(D2026, CoverageFilter.ANY);
        assertThat(two.isCovered(1, Service.HIGH_SPEED_MOBILE)).isTrue();
        assertThat(two.settlement(1, Service.HIGH_SPEED_MOBILE).orElseThrow().operators()).isEmpty();
    }

    @Test
    void settlementWithAHoleAndWithZeroArea() {
        // 0.04° square with a 0.02° hole in the middle (a park): hole = 1/4 of the outer square, so the settlement's
        // area is the 3/4 ring. A disc covering just the hole and a little more covers < 50% of the ring.
        //  +-----------+
        //  |   +---+   |
        //  |   | ○ |   |    ○ = omni r = 1.3 km centred in the hole
        //  |   +---+   |
        //  +-----------+
        Settlement ring = new Settlement(1, 66.02, 40.02, 100, 20, "R1", null, wkt(
                "POLYGON((66 40, 66.04 40, 66.04 40.04, 66 40.04, 66 40), (66.01 40.01, 66.01 40.03, 66.03 40.03, 66.03 40.01, 66.01 40.01))"));
        // a degenerate (zero-area) boundary falls back to its interior point
        Settlement flat = new Settlement(2, 66.2, 40, 100, 20, "R1", null, wkt("POLYGON((66.2 40, 66.21 40, 66.22 40, 66.2 40))"));
        CoverageSnapshot s = model(List.of(cell(1, "x", Technology.G4, 66.02, 40.02, null, 360, 1_300),
                cell(2, "x", Technology.G4, 66.2, 40, null, 360, 3_000)), List.of(ring, flat), List.of())
                .evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.isCovered(1, Service.HIGH_SPEED_MOBILE)).isFalse();
        assertThat(s.isCovered(2, Service.HIGH_SPEED_MOBILE)).isTrue();
        // a disc covering the whole square covers the ring
        CoverageSnapshot big = model(List.of(cell(1, "x", Technology.G4, 66.02, 40.02, null, 360, 3_500)), List.of(ring),
                List.of()).evaluate(D2026, CoverageFilter.ANY);
        assertThat(big.isCovered(1, Service.HIGH_SPEED_MOBILE)).isTrue();
    }

    @Test
    void pointsExactlyOnTheFootprintBoundaryAreCovered() {
        // village exactly r = 3 km from the site, and one exactly on the sector's edge ray (az 45° − bw/2 = 15°)
        double[] onArc = from(66, 40, 45, 3_000);
        double[] onEdge = from(66, 40, 15, 2_000);
        double[] justOut = from(66, 40, 45, 3_000.5);
        CoverageSnapshot s = model(List.of(cell(1, "x", Technology.G2, 66, 40, 45.0, 60, 3_000)),
                List.of(village(1, onArc[0], onArc[1], 10), village(2, onEdge[0], onEdge[1], 10),
                        village(3, justOut[0], justOut[1], 10), village(4, 66, 40, 10)),
                List.of()).evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.isCovered(1, Service.MOBILE_ANY)).isTrue();
        assertThat(s.isCovered(2, Service.MOBILE_ANY)).isTrue();
        assertThat(s.isCovered(3, Service.MOBILE_ANY)).isFalse();
        // the site itself is the apex of its sector
        assertThat(s.isCovered(4, Service.MOBILE_ANY)).isTrue();
    }

    @Test
    void emptyInputsGiveCountsOfZeroAndNoRatios() {
        CoverageSnapshot s = new CoverageModelBuilder().build().evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.settlements()).isEmpty();
        assertThat(s.stretches()).isEmpty();
        assertThat(s.indicators().national(IndicatorKeys.SETTLEMENTS_COUNT).orElseThrow().value()).isZero();
        assertThat(s.indicators().national(IndicatorKeys.FIBER_LENGTH_KM).orElseThrow().value()).isZero();
        assertThat(s.indicators().values()).noneMatch(v -> v.unit() == Unit.RATIO);
        assertThat(s.indicators().values()).allMatch(v -> Double.isFinite(v.value()));
    }

    @Test
    void beamwidthOver180CoversAllButTheBackWedge() {
        //        N        270° sector facing north: covered unless bearing in (135°, 225°)
        //     ╲  ●  ╱
        //      ╲ ▽ ╱  ← gap
        double[] south = from(66, 40, 180, 2_000);
        double[] se = from(66, 40, 130, 2_000);
        double[] sw = from(66, 40, 230, 2_000);
        CoverageSnapshot s = model(List.of(cell(1, "x", Technology.G4, 66, 40, 0.0, 270, 3_000)),
                List.of(village(1, south[0], south[1], 1), village(2, se[0], se[1], 1), village(3, sw[0], sw[1], 1)),
                List.of()).evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.isCovered(1, Service.MOBILE_ANY)).isFalse();
        assertThat(s.isCovered(2, Service.MOBILE_ANY)).isTrue();
        assertThat(s.isCovered(3, Service.MOBILE_ANY)).isTrue();
    }

    @Test
    void operatorAndTechnologyFilters() {
        Settlement v = village(1, 66.01, 40, 100);
        CoverageModel m = model(List.of(cell(1, "beeline", Technology.G2, 66, 40, null, 360, 5_000),
                cell(2, "ucell", Technology.G4, 66, 40, null, 360, 5_000)), List.of(v), List.of());
        CoverageSnapshot any = m.evaluate(D2026, CoverageFilter.ANY);
        assertThat(any.settlement(1, Service.MOBILE_ANY).orElseThrow().operators()).containsExactly("beeline", "ucell");
        assertThat(any.settlement(1, Service.HIGH_SPEED_MOBILE).orElseThrow().operators()).containsExactly("ucell");
        CoverageSnapshot beeline = m.evaluate(D2026, CoverageFilter.operator("beeline"));
        assertThat(beeline.isCovered(1, Service.MOBILE_ANY)).isTrue();
        assertThat(beeline.isCovered(1, Service.MOBILE_INTERNET)).isFalse();
        CoverageSnapshot g2 = m.evaluate(D2026, CoverageFilter.technology(Technology.G2));
        assertThat(g2.isCovered(1, Service.MOBILE_ANY)).isTrue();
        assertThat(g2.isCovered(1, Service.HIGH_SPEED_MOBILE)).isFalse();
        assertThat(m.evaluate(D2026, CoverageFilter.operator("nobody")).isCovered(1, Service.MOBILE_ANY)).isFalse();
    }

    @Test
    void regionAndDistrictAggregation() {
        // two regions side by side, R1 split into districts D1 (west) and D2 (east)
        //  66.0      66.1      66.2      66.4
        //   +---D1----+---D2----+---R2----+  40.1
        //   |  v1 ●   |  v2 ○   |  v3 ●   |
        //   +---------+---------+---------+  39.9
        var areas = List.of(Fixtures.region("R1", "POLYGON((66 39.9, 66.2 39.9, 66.2 40.1, 66 40.1, 66 39.9))"),
                Fixtures.region("R2", "POLYGON((66.2 39.9, 66.4 39.9, 66.4 40.1, 66.2 40.1, 66.2 39.9))"),
                Fixtures.district("D1", "R1", "POLYGON((66 39.9, 66.1 39.9, 66.1 40.1, 66 40.1, 66 39.9))"),
                Fixtures.district("D2", "R1", "POLYGON((66.1 39.9, 66.2 39.9, 66.2 40.1, 66.1 40.1, 66.1 39.9))"));
        var settlements = List.of(village(1, 66.05, 40, 100, "R1", "D1"), village(2, 66.15, 40, 300, "R1", "D2"),
                village(3, 66.3, 40, 600, "R2", "D3"));
        var cells = List.of(cell(1, "x", Technology.G4, 66.05, 40, null, 360, 2_000),
                cell(2, "x", Technology.G4, 66.3, 40, null, 360, 2_000));
        var sites = List.of(site(1, "x", 66.05, 40), site(2, "x", 66.3, 40));
        var fiber = new FiberRoute(1, "uztelecom", (org.locationtech.jts.geom.LineString) wkt(
                "LINESTRING(66.05 40.05, 66.25 40.05)"), Validity.ALWAYS);
        var node = new FiberNode(1, "uztelecom", 66.15, 40.005, 64, Validity.ALWAYS);
        CoverageModel m = new CoverageModelBuilder().adminAreas(areas).settlements(settlements).cells(cells).sites(sites)
                .fiberRoutes(List.of(fiber)).fiberNodes(List.of(node))
                .declarations(List.of(new ServiceDeclaration(3, "uztelecom", Validity.ALWAYS))).build();
        Indicators ind = m.evaluate(D2026, CoverageFilter.ANY).indicators();
        assertThat(value(ind, IndicatorKeys.SETTLEMENTS_HIGH_SPEED_MOBILE_PCT, ScopeType.NATIONAL, "UZ")).isCloseTo(2.0 / 3,
                within(1e-12));
        assertThat(value(ind, IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT, ScopeType.REGION, "R1")).isCloseTo(0.25,
                within(1e-12));
        assertThat(value(ind, IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT, ScopeType.DISTRICT, "D2")).isZero();
        assertThat(value(ind, IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT, ScopeType.REGION, "R2")).isEqualTo(1);
        assertThat(value(ind, IndicatorKeys.BASE_STATIONS_COUNT, ScopeType.DISTRICT, "D1")).isEqualTo(1);
        assertThat(value(ind, IndicatorKeys.BASE_STATIONS_COUNT, ScopeType.DISTRICT, "D2")).isZero();
        // v2 is 0.5 km from the node and 5.5 km from the route; v3 is declared
        assertThat(value(ind, IndicatorKeys.SETTLEMENTS_FIXED_BROADBAND_PCT, ScopeType.NATIONAL, "UZ")).isCloseTo(2.0 / 3,
                within(1e-12));
        assertThat(value(ind, IndicatorKeys.BROADBAND_PORTS_COUNT, ScopeType.DISTRICT, "D2")).isEqualTo(64);
        // fiber: 0.2° of longitude at 40.05°N ≈ 17.07 km; 0.15° (12.8 km) lies in R1, 0.05° in R2, assigned by
        // the mid-points of ≤ 2 km pieces, so each region is exact to within one piece
        assertThat(value(ind, IndicatorKeys.FIBER_LENGTH_KM, ScopeType.NATIONAL, "UZ")).isCloseTo(17.07, within(0.02));
        assertThat(value(ind, IndicatorKeys.FIBER_LENGTH_KM, ScopeType.REGION, "R1")
                + value(ind, IndicatorKeys.FIBER_LENGTH_KM, ScopeType.REGION, "R2")).isCloseTo(17.07, within(0.02));
        assertThat(value(ind, IndicatorKeys.FIBER_LENGTH_KM, ScopeType.REGION, "R1")).isCloseTo(12.8, within(2.0));
        // no international highways anywhere: the ratio is omitted rather than NaN
        assertThat(ind.get(IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT, ScopeType.REGION, "R1")).isEmpty();
        // D3 exists only through its settlement
        assertThat(value(ind, IndicatorKeys.SETTLEMENTS_COUNT, ScopeType.DISTRICT, "D3")).isEqualTo(1);
        // telecom: v1 (4G) + v2 (fiber node) + v3 (4G, declared) = all
        assertThat(value(ind, IndicatorKeys.TELECOM_COVERAGE_PCT, ScopeType.NATIONAL, "UZ")).isEqualTo(1);
    }

    @Test
    void stretchesSplitAtRegionBorders() {
        //   R1           |  R2
        //  ━━━━━━━━━━━━━━|━━━━━━━━━   road 66.1 → 66.3, fully covered by one omni cell of r = 15 km at 66.2
        //                ●
        var areas = List.of(Fixtures.region("R1", "POLYGON((66 39.9, 66.2 39.9, 66.2 40.1, 66 40.1, 66 39.9))"),
                Fixtures.region("R2", "POLYGON((66.2 39.9, 66.4 39.9, 66.4 40.1, 66.2 40.1, 66.2 39.9))"));
        CoverageModel m = new CoverageModelBuilder().adminAreas(areas)
                .lines(List.of(highway(3, "A373", "state", "LINESTRING(66.1 40, 66.3 40)")))
                .cells(List.of(cell(1, "x", Technology.G4, 66.2, 40, null, 360, 15_000))).build();
        List<LineStretch> st = m.evaluate(D2026, CoverageFilter.ANY).stretches(3, Service.HIGH_SPEED_MOBILE);
        assertThat(st).extracting(LineStretch::regionCode).containsExactly("R1", "R2");
        assertThat(st).allMatch(LineStretch::covered);
        // the split is at a 2 km piece boundary: within one piece of the true border at 8.54 km
        assertThat(st.get(0).toKm()).isCloseTo(8.54, within(2.0));
        assertThat(st.get(1).fromKm()).isEqualTo(st.get(0).toKm());
        assertThat(st.get(0).geometry().getCoordinateN(0).x).isEqualTo(66.1);
        assertThat(st.get(1).geometry().getEndPoint().getX()).isCloseTo(66.3, within(1e-12));
    }

    @Test
    void fixedBroadbandFromFiberWithinDropDistance() {
        // route 0.75 km north of v1 and 1.75 km north of v2 (drop distance 1 km)
        double[] r0 = from(66, 40, 0, 750);
        Settlement v1 = village(1, 66, 40, 10);
        double[] p2 = from(66.05, 40, 180, 1_000);
        Settlement v2 = village(2, p2[0], p2[1], 10);
        FiberRoute route = new FiberRoute(1, "uzt", (org.locationtech.jts.geom.LineString) wkt("LINESTRING(" + (r0[0] - 0.1)
                + " " + r0[1] + ", " + (r0[0] + 0.1) + " " + r0[1] + ")"), Validity.from(LocalDate.of(2025, 1, 1)));
        CoverageModel m = new CoverageModelBuilder().settlements(List.of(v1, v2)).fiberRoutes(List.of(route)).build();
        CoverageSnapshot s = m.evaluate(D2026, CoverageFilter.ANY);
        assertThat(s.isCovered(1, Service.FIXED_BROADBAND)).isTrue();
        assertThat(s.isCovered(2, Service.FIXED_BROADBAND)).isFalse();
        assertThat(s.settlement(1, Service.FIXED_BROADBAND).orElseThrow().operators()).containsExactly("uzt");
        assertThat(m.evaluate(LocalDate.of(2024, 1, 1), CoverageFilter.ANY).isCovered(1, Service.FIXED_BROADBAND))
                .isFalse();
    }

    @Test
    void invalidInputCarriesDetails() {
        assertThatThrownBy(() -> new CoverageModelBuilder()
                .cells(List.of(cell(1, "x", Technology.G4, 66, 40, null, 360, 1000),
                        cell(1, "x", Technology.G4, 66, 40, null, 360, 1000)))
                .build()).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details()).containsEntry("cellId", 1L));
        assertThatThrownBy(() -> new Cell(5, 1, "x", Technology.G4, 800, 400.0, 65, 30, null, null, 66, 40, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details()).containsEntry("id", 5L)
                        .containsEntry("azimuthDeg", 400.0));
        assertThatThrownBy(() -> new Settlement(9, 200, 40, 1, 1, "R", null, null)).isInstanceOf(
                uz.qamrov.engine.model.InvalidGeometryException.class);
    }

    /**
     * Only access points make fixed broadband possible (issue #11): a village 0.5 km from a splice closure with no
     * ports has none; the same village 0.5 km from a cabinet (no ports stated) or from a closure with 8 ports has it.
     */
    @Test
    void aSpliceClosureWithoutPortsServesNoHousehold() {
        var areas = List.of(Fixtures.region("R1", "POLYGON((66 39.9, 66.2 39.9, 66.2 40.1, 66 40.1, 66 39.9))"));
        // 0.0059° of longitude at 40° N ≈ 0.50 km, inside the 1 km drop distance
        java.util.function.BiFunction<String, Integer, Double> fixedPct = (kind, ports) -> value(new CoverageModelBuilder()
                .adminAreas(areas).settlements(List.of(village(1, 66.1, 40, 100, "R1", null)))
                .fiberNodes(List.of(new FiberNode(1, "uztelecom", 66.1059, 40, ports, Validity.ALWAYS, kind))).build()
                .evaluate(D2026, CoverageFilter.ANY).indicators(), IndicatorKeys.SETTLEMENTS_FIXED_BROADBAND_PCT,
                ScopeType.NATIONAL, "UZ");
        assertThat(fixedPct.apply("splice_closure", 0)).isZero();
        assertThat(fixedPct.apply("cabinet", 0)).isEqualTo(1);
        assertThat(fixedPct.apply("splice_closure", 8)).isEqualTo(1);
    }

    static double value(Indicators ind, String key, ScopeType type, String code) {
        return ind.get(key, type, code).orElseThrow(() -> new AssertionError(key + " " + code)).value();
    }
}
