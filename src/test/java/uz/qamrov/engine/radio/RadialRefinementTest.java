package uz.qamrov.engine.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.terrain.Dem;

/**
 * The bounded interpolation of terrain radials ({@link RadialRefinement}) on a synthetic ridge that ends: the DEM of
 * {@link TerrainFootprintTest} (0.001° cells) with a ridge 800 m high (plateau 400 m) 2.5 km east of the site, running
 * north from the site's parallel only:
 *
 * <pre>
 *            N
 *            |      ##   ridge x ∈ [2300, 2700] m, y &gt; 0
 *            |      ##
 *   W ------ S -----##-------- E      (S = the omni 4G 800 MHz site, flat-earth range 5.9 km)
 *            |
 *            |       (no ridge south of the site's parallel)
 * </pre>
 *
 * Radials with bearings from ~25° to 90° meet the ridge inside 5.9 km and end at it (reach ≈ 2300 / sin(bearing));
 * radials from 90° on pass south of its end. Across bearing 90° one walked neighbour is blocked and the other is not,
 * so the refinement must walk down to adjacent radials there; elsewhere it may interpolate.
 */
class RadialRefinementTest {

    static final double GAP_M = 1_000;
    static final double TOLERANCE_M = 250;

    @Test
    void refinesAtTheRidgeEndAndStaysWithinItsTolerance() {
        Dem dem = TerrainFootprintTest.dem((x, y) -> y > 0 && Math.abs(x - 2500) < 200 ? 800 : 400);
        Cell omni = new Cell(1, 1, "op", Technology.G4, 800, null, 360, 30, null, null, TerrainFootprintTest.LON,
                TerrainFootprintTest.LAT, Validity.ALWAYS);
        RadialFootprintModel model = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null);
        RadialSolver solver = model.setup(omni, EnvironmentClass.RURAL).solver();
        double[] flat = model.flatRangesM(omni, solver);

        double[] full = flat.clone();
        int walkedAll = new TerrainRadials(dem, 0, RadioSettings.EVERY_RADIAL, 0).shorten(omni, solver, 1, 0, full, null);
        double[] refined = flat.clone();
        boolean[] walked = new boolean[360];
        int walkedRefined = new TerrainRadials(dem, 0, GAP_M, TOLERANCE_M).shorten(omni, solver, 1, 0, refined, walked);

        assertThat(walkedAll).isEqualTo(360);
        // the case exercises the terrain: the ridge shortens the east-north-east radials, not the others
        assertThat(full[60]).isLessThan(3000);
        assertThat(full[180]).isEqualTo(flat[180]);
        // at 5.9 km a 1° step is 103 m at the edge: a 1,000 m gap allows 9 steps; the walk must save most radials
        assertThat(walkedRefined).isLessThan(120);
        // where the ridge ends (bearing ~90°) the refinement walked two adjacent radials, one blocked, one not
        boolean adjacentAcrossTheEnd = false;
        for (int i = 80; i < 100; i++) {
            boolean blockedHere = full[i] < flat[i];
            boolean blockedNext = full[i + 1] < flat[i + 1];
            adjacentAcrossTheEnd |= walked[i] && walked[i + 1] && blockedHere != blockedNext;
        }
        assertThat(adjacentAcrossTheEnd).isTrue();
        for (int i = 0; i < 360; i++) {
            if (walked[i]) {
                // a walked radial is walked exactly as in the full walk
                assertThat(refined[i]).as("walked radial %d", i).isEqualTo(full[i]);
            } else {
                // the bound: an interpolated radial lies between two agreeing walked ones; the reach here is monotone
                // in the bearing between them, so it is within the tolerance of the full walk's
                assertThat(Math.abs(refined[i] - full[i])).as("interpolated radial %d", i).isLessThanOrEqualTo(TOLERANCE_M);
                assertThat(refined[i]).isLessThanOrEqualTo(flat[i]);
            }
        }
    }

    @Test
    void flatGroundIsWalkedOnlyAsOftenAsTheGapAllows() {
        Dem plateau = TerrainFootprintTest.dem((x, y) -> 400);
        Cell omni = new Cell(1, 1, "op", Technology.G4, 800, null, 360, 30, null, null, TerrainFootprintTest.LON,
                TerrainFootprintTest.LAT, Validity.ALWAYS);
        RadialFootprintModel model = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null);
        RadialSolver solver = model.setup(omni, EnvironmentClass.RURAL).solver();
        double[] flat = model.flatRangesM(omni, solver);
        double[] ranges = flat.clone();
        boolean[] walked = new boolean[360];
        int n = new TerrainRadials(plateau, 0, GAP_M, TOLERANCE_M).shorten(omni, solver, 1, 0, ranges, walked);
        assertThat(ranges).containsExactly(flat);
        // 8 first, then halving 45 → 22/23 → 11/12 → 5/6: each gap of ≤ 6 steps × 103 m ≤ 1,000 m
        int widest = 0;
        int last = 0;
        for (int i = 1; i <= 360; i++) {
            if (walked[i % 360]) {
                widest = Math.max(widest, i - last);
                last = i;
            }
        }
        assertThat(widest * Math.toRadians(1) * flat[0]).isLessThanOrEqualTo(GAP_M);
        assertThat(n).isBetween(60, 72);
    }
}
