package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.GF;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Validity;

/**
 * The fiber tree along roads, worked on paper at 40°N where 0.1° of longitude is 8.5393 km and 0.1° of latitude
 * 11.1035 km ({@link FiberTreePlannerTest}); a chord between 40° and 40.1° is measured in one end's local plane, i.e.
 * its east–west part at the mean latitude 40.05°: 0.1° = 8.5393 × cos 40.05° / cos 40° = 8.5328 km. The access fiber
 * runs from (66, 40) to (66.05, 40); village A on it has fixed broadband, village B (400 households) at (66.15, 40.1)
 * has not.
 *
 * <pre>
 *   40.1                    B ·  E (66.16, 40.1)         the L-shaped road: (66.05 40) → (66.15 40) → (66.15 40.1)
 *                           ║                            straight fiber end → B: hypot(8.5328, 11.1035) = 14.0035 km
 *   40.0   A ══fiber══ ·════╝                            along the road: 8.5393 + 11.1035 = 19.6428 km
 *          66.0      66.05  66.15
 * </pre>
 * Route factor 1.5: straight 21.005 km of route, road 19.643 km → the road wins. Route factor 1.3 (default): straight
 * 18.205 km → the straight line wins.
 */
class FiberTreeRoadsTest {

    static final double LON_KM = 8.5393;
    static final double LAT_KM = 11.1035;
    static final double CHORD_KM = Math.hypot(8.5328, LAT_KM);

    static final String REGION = "POLYGON ((65.5 39.5, 66.5 39.5, 66.5 40.5, 65.5 40.5, 65.5 39.5))";

    static CoverageModel model(double lonOfB) {
        var fiber = new FiberRoute(31, "OP", line("LINESTRING (66 40, 66.05 40)"), Validity.ALWAYS, true);
        return new CoverageModelBuilder()
                .settlements(List.of(Fixtures.village(1, 66.0, 40.0, 1000), Fixtures.village(2, lonOfB, 40.1, 2000)))
                .fiberRoutes(List.of(fiber)).adminAreas(List.of(Fixtures.region("R1", REGION))).geometryFactory(GF)
                .build();
    }

    static LineString line(String wkt) {
        return (LineString) Fixtures.wkt(wkt);
    }

    static CandidateOptions factor(double routeFactor) {
        return CandidateOptions.defaults(D2026).withCosts(
                PlanningCosts.fromMap(Map.of("fiberRouteFactor", routeFactor), PlanningCosts.DEFAULTS), Map.of());
    }

    static final RoadGraph L_ROAD = RoadGraph.of(List.of(line("LINESTRING (66.05 40, 66.15 40, 66.15 40.1)")), 25);

    @Test
    void theRoadIsShorterThanTheStraightLineTimesOnePointFive() {
        FiberTreePlanner.Result r = FiberTreePlanner.plan(model(66.15), factor(1.5), L_ROAD);
        assertThat(r.links()).hasSize(1);
        FiberTreePlanner.Link b = r.links().get(0);
        assertThat(b.straightKm()).isCloseTo(CHORD_KM, within(0.002));
        assertThat(b.roadKm()).isCloseTo(LON_KM + LAT_KM, within(0.002));
        assertThat(b.routeKm()).isCloseTo(LON_KM + LAT_KM, within(0.002));
        // the cable follows the road, corner included, not the chord
        assertVertices(b.cable(), 66.05, 40, 66.15, 40, 66.15, 40.1);
        // priced on the road route: 19.643 km × 12,000 + one cabinet 20,000 + 400 × 0.3 × 250 drops = 285,714
        assertThat(b.costUsd()).isCloseTo(285_714, within(30.0));
        // and the what-if cable is the same line
        assertThat(r.delta().addedRoutes().get(0).geometry().equalsExact(b.cable())).isTrue();
    }

    @Test
    void theStraightLineWinsAtTheDefaultRouteFactor() {
        FiberTreePlanner.Result r = FiberTreePlanner.plan(model(66.15), factor(1.3), L_ROAD);
        FiberTreePlanner.Link b = r.links().get(0);
        assertThat(b.roadKm()).isZero();
        assertThat(b.routeKm()).isCloseTo(1.3 * CHORD_KM, within(0.003));
        assertVertices(b.cable(), 66.05, 40, 66.15, 40.1);
        // the same as with no roads at all
        FiberTreePlanner.Link straight = FiberTreePlanner.plan(model(66.15), factor(1.3)).links().get(0);
        assertThat(b.routeKm()).isEqualTo(straight.routeKm());
        assertThat(b.costUsd()).isEqualTo(straight.costUsd());
    }

    /**
     * Two roads that cross without a shared vertex, noded by the graph: (66.05 40)–(66.25 40) and (66.15 39.95)–
     * (66.15 40.15), crossing at (66.15, 40). Village E at (66.16, 40.1) is 0.01° of longitude at 40.1°N = 0.8527 km
     * east of the north–south road. Route factor 1.5: road 8.5393 + 11.1035 = 19.6428 km + access 1.5 × 0.8527 =
     * 1.2790 → 20.922 km, against straight hypot(0.11° at 40.05° = 9.386, 11.1035) = 14.539 × 1.5 = 21.809 km.
     */
    @Test
    void aVillageOffTheRoadJoinsItByAStraightAccessAndTheCrossingIsAJunction() {
        RoadGraph cross = RoadGraph.of(List.of(line("LINESTRING (66.05 40, 66.25 40)"),
                line("LINESTRING (66.15 39.95, 66.15 40.15)")), 25);
        assertThat(cross.nodeCount()).isEqualTo(5);
        assertThat(cross.edgeCount()).isEqualTo(4);
        FiberTreePlanner.Link e = FiberTreePlanner.plan(model(66.16), factor(1.5), cross).links().get(0);
        assertThat(e.roadKm()).isCloseTo(LON_KM + LAT_KM, within(0.002));
        assertThat(e.routeKm()).isCloseTo(LON_KM + LAT_KM + 1.5 * 0.8527, within(0.002));
        assertThat(e.straightKm()).isCloseTo(14.539, within(0.002));
        assertVertices(e.cable(), 66.05, 40, 66.15, 40, 66.15, 40.1, 66.16, 40.1);
    }

    /** A road ending 11 m (0.0001° of latitude) short of another joins it within the 25 m tolerance, not at 0 m. */
    @Test
    void aNearMissJunctionIsSnappedWithinTheTolerance() {
        List<LineString> roads = List.of(line("LINESTRING (66 40, 66.1 40)"), line("LINESTRING (66.05 40.0001, 66.05 40.1)"));
        RoadGraph snapped = RoadGraph.of(roads, 25);
        assertThat(snapped.edgeCount()).isEqualTo(3);
        assertThat(snapped.nodeCount()).isEqualTo(4);
        RoadGraph unsnapped = RoadGraph.of(roads, 0);
        assertThat(unsnapped.edgeCount()).isEqualTo(2);
        assertThat(unsnapped.nodeCount()).isEqualTo(4);
        assertThat(RoadGraph.of(List.of(), 25).edgeCount()).isZero();
    }

    /**
     * Two terminals on the same road piece are chained along it: P (66.1, 40.01) and Q (66.2, 40.01) above vertices
     * of the road (66 40)–(66.1 40)–(66.2 40)–(66.3 40) (one piece: no junction) are 0.01° of latitude = 1,110.35 m
     * off it and 0.1° = 8,539.3 m apart along it, not 0.3° via either end.
     */
    @Test
    void terminalsOnOneRoadPieceAreJoinedAlongIt() {
        RoadGraph road = RoadGraph.of(List.of(line("LINESTRING (66 40, 66.1 40, 66.2 40, 66.3 40)"), line("LINESTRING (67 41, 67.1 41)")), 25);
        RoadCorridors c = new RoadCorridors(road,
                List.of(new double[] {66.1, 40.01}, new double[] {66.2, 40.01}, new double[] {67.05, 41}), 30_000);
        c.from(0, 100_000);
        assertThat(c.roadM(1)).isCloseTo(LON_KM * 1000, within(2.0));
        assertThat(c.accessM(0)).isCloseTo(1110.35, within(1.0));
        // the other road is not connected; a bound cuts the search
        assertThat(c.roadM(2)).isInfinite();
        c.from(0, 5_000);
        assertThat(c.roadM(1)).isInfinite();
        // along the road from P's road point to Q's (each found by projecting in the terminal's local plane, so
        // within a metre of the vertex: the road vertex itself may follow, 0.6 m on)
        List<Coordinate> path = c.path(0, 1);
        assertThat(path.get(0).distance(new Coordinate(66.1, 40))).isLessThan(1e-5);
        assertThat(path.get(path.size() - 1).distance(new Coordinate(66.2, 40))).isLessThan(1e-5);
        assertThat(path).allMatch(p -> p.y == 40 && p.x > 66.09 && p.x < 66.21);
        assertThat(c.path(0, 2)).isEmpty();
        assertThat(Arrays.stream(new int[] {0, 1}).mapToDouble(c::accessM).sum()).isCloseTo(2220.7, within(2.0));
    }

    /** The line's vertices are these lon, lat pairs, each within 1e-7° (~1 cm). */
    static void assertVertices(LineString line, double... lonLat) {
        Coordinate[] cs = line.getCoordinates();
        assertThat(cs).as(line.toText()).hasSize(lonLat.length / 2);
        for (int i = 0; i < cs.length; i++) {
            assertThat(cs[i].x).as(line.toText()).isCloseTo(lonLat[2 * i], within(1e-7));
            assertThat(cs[i].y).as(line.toText()).isCloseTo(lonLat[2 * i + 1], within(1e-7));
        }
    }
}
