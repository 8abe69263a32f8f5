package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.GF;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.TransportLine;

/**
 * Where new sites may go, worked on paper on a network with no site at all: two villages 0.01° apart (pop 900 at
 * 66.30 and 300 at 66.31, lat 40.00) and 0.1° of the T–S–B railway along lon 65.8 (≈ 11.1 km, uncovered).
 * Both rules are documented on {@link NewSitePoints}.
 */
class NewSitePointsTest {

    static CoverageModel model() {
        var rail = new TransportLine(51, LineKind.RAILWAY, IndicatorKeys.RAIL_CORRIDOR_KEY, "rail",
                (LineString) Fixtures.wkt("LINESTRING (65.8 39.8, 65.8 39.9)"));
        return new CoverageModelBuilder()
                .settlements(List.of(Fixtures.village(1, 66.30, 40.00, 900), Fixtures.village(2, 66.31, 40.00, 300)))
                .lines(List.of(rail))
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON ((65.5 39.5, 66.5 39.5, 66.5 40.5, 65.5 40.5, 65.5 39.5))")))
                .geometryFactory(GF).build();
    }

    private static List<Candidate> newSites(PlanningProblem p, String kind) {
        return p.candidates().stream().filter(c -> c.ref().startsWith("new:" + kind + ":")).toList();
    }

    @Test
    void theCoarseGridProposesThePopulationWeightedCentreOfUncoveredVillagesSharingACell() {
        // a 50 km grid: cells 50/(111·cos 40°) = 0.588° of longitude wide (66.30 and 66.31 are both in cell 112,
        // 65.86°–66.44°) and 0.450° of latitude high; the centre (66.30·900 + 66.31·300)/1200 = 66.3025
        PlanningProblem p = CandidateGenerator.generate(model(), CandidateOptions.defaults(D2026).withSpacing(1, 5, 50));
        List<Candidate> grid = newSites(p, NewSitePoints.COARSE_GRID);
        assertThat(grid).hasSize(1);
        assertThat(grid.get(0).lon()).isCloseTo(66.3025, within(1e-9));
        assertThat(grid.get(0).lat()).isCloseTo(40.0, within(1e-9));
        assertThat(grid.get(0).ref()).isEqualTo("new:grid:66.3025,40.0000");
        // a 1 km grid puts the two villages (0.85 km apart, 0.0117° of longitude per km) in different cells: no point
        PlanningProblem fine = CandidateGenerator.generate(model(), CandidateOptions.defaults(D2026).withSpacing(1, 5, 1));
        assertThat(newSites(fine, NewSitePoints.COARSE_GRID)).isEmpty();
    }

    @Test
    void theRailwayGetsASitePointEveryFiveKilometresOfItsUncoveredStretch() {
        // 11.1 km at most 5 km apart: ⌈11.1 / 5⌉ = 3 equal pieces of 3.7 km, a point in the middle of each (1/6, 1/2
        // and 5/6 of the way along the meridian), on lon 65.8
        PlanningProblem p = CandidateGenerator.generate(model(), CandidateOptions.defaults(D2026));
        List<Candidate> rail = newSites(p, LineKind.RAILWAY.key());
        assertThat(rail).hasSize(3);
        assertThat(rail).allSatisfy(c -> assertThat(c.lon()).isCloseTo(65.8, within(1e-6)));
        assertThat(rail.stream().mapToDouble(Candidate::lat).sorted().toArray())
                .containsExactly(new double[] {39.8 + 0.1 / 6, 39.85, 39.8 + 0.5 / 6}, within(1e-6));
        // each covers only railway pieces of the T–S–B goal
        assertThat(rail).allSatisfy(c -> assertThat(java.util.Arrays.stream(c.covers())
                .mapToObj(i -> p.demands().get(i)).allMatch(d -> d.amount(Goal.RAILWAY_TSB_4G_KM) > 0)).isTrue());
    }
}
