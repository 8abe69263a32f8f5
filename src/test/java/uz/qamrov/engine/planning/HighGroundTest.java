package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;

/**
 * New-site points seek high ground, on paper. A 400 m plain (0.001° DEM cells, ≈ 85 m × 111 m at 40.5°N) with a
 * north–south ridge 100 m high and a hill of 700 m on it (a cone of 600 m radius):
 *
 * <pre>
 *                         hill 700 m
 *                            ▲
 *   B ······················|█|····················· A
 *   x = −3,700      −1,400..−1,000 (ridge 500 m)      0     (metres east of village A)
 * </pre>
 *
 * Villages A and B have no mobile internet (no network at all). New sites are three 120° 4G 800 MHz sectors at 30 m
 * with antenna-pattern radials and terrain (the service's radial model; the flat-earth footprints reach 4.4 km
 * west). By hand:
 * <ul>
 * <li>A site at A (antenna at 430 m) and B (3.7 km west): the ray passes the ridge (1.2 km out) at
 * 430 − 28.5 × 1.2/3.7 = 420.8 m, 79 m below its top: ν = 79 × √(2 × 3,700 / (0.375 × 1,200 × 2,500)) ≈ 6.4,
 * J ≈ 29 dB of knife-edge loss: B is in the ridge's shadow (and the radial ends at the first shadow, on the ridge).</li>
 * <li>A site on the hilltop (antenna at ~700 m) looks down on the plain: B is 2.5 km away with nothing higher than the
 * ray in between; A is 1.2 km away, the ray 675 m high where the ridge ends (≤ 600 m of cone there).</li>
 * <li>The hill is the highest ground within 1.5 km of A (rises ~270 m above A, where the cell centre nearest the peak
 * is sampled), so A's point gets it as an exclusive alternative; B's surroundings are flat within 1.5 km (the ridge
 * is 2.3 km away), so B gets none.</li>
 * </ul>
 */
class HighGroundTest {

    static final double LON = 66.5;
    static final double LAT = 40.5;
    static final LocalDate D = LocalDate.of(2026, 12, 2);
    static final double HILL_X = -1_200;

    static double height(double x, double y) {
        double ridge = Math.abs(x - HILL_X) < 200 ? 500 : 400;
        double cone = 400 + 300 * Math.max(0, 1 - Math.hypot(x - HILL_X, y) / 600);
        return Math.max(ridge, cone);
    }

    static Dem dem() {
        return uz.qamrov.engine.Fixtures.demAround(LON, LAT, HighGroundTest::height);
    }

    static Settlement village(long id, double eastM) {
        double[] p = LocalMetric.destination(LON, LAT, 90, eastM);
        return new Settlement(id, p[0], p[1], 500, 100, null, null, null);
    }

    static final Settlement A = village(1, 0);
    static final Settlement B = village(2, -3_700);

    static CoverageModel model(Dem dem) {
        return new CoverageModelBuilder().settings(CoverageSettings.DEFAULTS.withRadio(RadioSettings.DEFAULTS))
                .settlements(List.of(A, B)).terrain(dem).build();
    }

    /** A 1 km coarse grid: A and B lie in different cells, so no grid point falls between them. */
    static CandidateOptions options() {
        return CandidateOptions.defaults(D).withSpacing(1, 5, 1);
    }

    static int demandAt(PlanningProblem p, Settlement s) {
        for (int i = 0; i < p.demands().size(); i++) {
            Demand d = p.demands().get(i);
            if (d.lon() == s.lon() && d.lat() == s.lat() && d.amount(Goal.SETTLEMENTS_MOBILE_INTERNET) > 0) {
                return i;
            }
        }
        throw new AssertionError("no mobile demand at settlement " + s.id());
    }

    static Candidate byRef(PlanningProblem p, String prefix) {
        List<Candidate> hits = p.candidates().stream().filter(c -> c.ref().startsWith(prefix)).toList();
        assertThat(hits).as(prefix).hasSize(1);
        return hits.get(0);
    }

    @Test
    void theHillNextToAVillageReachesTheVillageBehindTheRidgeAndThePlanBuildsThere() {
        Dem dem = dem();
        CoverageModel model = model(dem);
        CandidateGenerator.Generated g = CandidateGenerator.generateWithCensus(model, options(),
                new PlanningIndexes(null, dem));
        PlanningProblem p = g.problem();
        int a = demandAt(p, A);
        int b = demandAt(p, B);

        Candidate valley = byRef(p, "new:settlement:" + String.format(java.util.Locale.ROOT, "%.4f", A.lon()));
        Candidate hill = byRef(p, "new:settlement-high:");
        // the hill candidate stands on the hilltop (the DEM cell nearest the peak: within one cell, 85 × 111 m)
        double[] peak = LocalMetric.destination(LON, LAT, 90, HILL_X);
        assertThat(LocalMetric.distanceM(hill.lon(), hill.lat(), peak[0], peak[1])).isLessThan(80);
        assertThat(hill.exclusiveGroup()).isNotNull().isEqualTo(valley.exclusiveGroup());
        // the valley point reaches its own village only; the hill reaches both, over the ridge
        assertThat(valley.covers()).contains(a).doesNotContain(b);
        assertThat(hill.covers()).contains(a, b);
        assertThat(g.census().byClass()).containsKey("new site: high ground");
        // B's surroundings are flat: it gets no alternative
        assertThat(p.candidates().stream().filter(c -> c.ref().startsWith("new:settlement-high:"))).hasSize(1);

        Plan plan = PlanOptimizer.optimize(p, new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0)));
        assertThat(plan.steps()).extracting(s -> s.candidate().ref()).containsExactly(hill.ref());
        // the engine confirms it: with the hill site built both villages have mobile internet
        NetworkDelta d = hill.delta();
        model.applySiteChanges(List.of(), d.addedCells(), List.of(), d.addedSites());
        assertThat(model.indicators(D, CoverageFilter.ANY).national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT)
                .orElseThrow().value()).isEqualTo(1.0);
    }

    @Test
    void withoutTerrainNoHighGroundIsSoughtAndTwoSitesAreNeeded() {
        CoverageModel model = model(dem());
        PlanningProblem p = CandidateGenerator.generateWithCensus(model, options(), PlanningIndexes.NONE).problem();
        assertThat(p.candidates()).noneMatch(c -> c.ref().contains("-high:"));
        Plan plan = PlanOptimizer.optimize(p, new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0)));
        assertThat(plan.steps()).hasSize(2);
    }

    @Test
    void highGroundIsTheHighestCellWithinTheRadiusWhereASiteMayStand() {
        Dem dem = dem();
        double[] top = HighGround.near(dem, A.lon(), A.lat(), (lon, lat) -> true);
        assertThat(top[2]).isGreaterThan(650);
        // a place rule that forbids the western half of the ring (the ridge and the hill): east of A the plain is
        // flat, nothing rises 10 m, no high ground
        assertThat(HighGround.near(dem, A.lon(), A.lat(), (lon, lat) -> lon > A.lon())).isNull();
        // forbid only the hill's 600 m: the highest allowed ground is the ridge (500 m)
        double[] hill = LocalMetric.destination(LON, LAT, 90, HILL_X);
        double[] ridge = HighGround.near(dem, A.lon(), A.lat(),
                (lon, lat) -> LocalMetric.distanceM(lon, lat, hill[0], hill[1]) > 600);
        assertThat(ridge[2]).isEqualTo(500);
        // a flat DEM offers none
        assertThat(HighGround.near(dem, B.lon(), B.lat(), (lon, lat) -> true)).isNull();
    }
}
