package uz.qamrov.engine.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * The fast radial model against brute force, on random cells — sectors with any azimuth, omni, explicit and observed
 * ranges, every band, all three environments — over the national DEM, two thirds of them in the mountains of the east
 * and south. Flat earth: the tabulated {@link FlatRanges} within its stated {@link FlatRanges#TOLERANCE_REL} of the
 * outermost root found by scanning the margin ({@link RadialFootprintReference#outermostKm}); how many radials moved
 * from the first model's answer (which could be an inner root) is printed. Terrain, walking every radial: the walk of
 * the model as first written ({@link RadialFootprintReference}, one-shot Bullington at every sample) from the same flat
 * ranges, within 1 mm plus the solver tolerance plus the footprint's range resolution (the walks differ only by
 * floating-point rounding and the geodesic cursor's ≤ 3e-5 m; the footprint holds 1/65,535 of its longest radial). The bounded interpolation of radials is measured elsewhere (docs/benchmarks.md, third pass).
 */
class RadialFootprintSpeedupTest {

    /**
     * The radial solver's own convergence test (|d_next − d| ≤ 1e-7 km + 1e-6·d, then a margin ≥ −1e-6 dB): where the
     * first model fell back to bisection (precise to ~1e-11) and the fast one finishes the fixed point, the two roots
     * differ by about that much. Elsewhere they are the same arithmetic and agree bit for bit.
     */
    static final double FLAT_TOLERANCE_REL = 2e-6;

    static Dem dem;

    @BeforeAll
    static void readDem() throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz")))) {
            dem = EsriAsciiGridReader.read(in);
        }
    }

    @Test
    void sameFootprintsAsTheReference() {
        long seed = Long.getLong("qamrov.seed", 11L);
        System.out.println("RadialFootprintSpeedupTest seed " + seed);
        Random rnd = new Random(seed);
        RadialFootprintModel flat = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null);
        RadialFootprintModel terrain = new RadialFootprintModel(null, LinkBudget.DEFAULTS,
                RadioSettings.DEFAULTS.withTerrainRefinement(RadioSettings.EVERY_RADIAL, 0), dem);
        Technology[] techs = Technology.values();
        int[][] bands = {{900, 1800}, {2100, 900}, {800, 1800, 2600}, {3500}};
        EnvironmentClass[] envs = EnvironmentClass.values();
        double maxDiff = 0;
        double maxFlatRel = 0;
        int flatExact = 0;
        int otherRoot = 0;
        double maxOtherRoot = 0;
        int shortened = 0;
        int radials = 0;
        for (int c = 0; c < 400; c++) {
            boolean mountains = c % 3 != 0;
            double lon = mountains ? 66.5 + 5 * rnd.nextDouble() : 56 + 16 * rnd.nextDouble();
            double lat = mountains ? 37.5 + 4 * rnd.nextDouble() : 38 + 6 * rnd.nextDouble();
            Technology t = techs[rnd.nextInt(4)];
            int band = bands[t.ordinal()][rnd.nextInt(bands[t.ordinal()].length)];
            boolean omni = rnd.nextInt(6) == 0;
            Double az = omni ? null : rnd.nextBoolean() ? 120.0 * rnd.nextInt(3) + 10 : 360 * rnd.nextDouble();
            double beam = omni ? 360 : 30 + 90 * rnd.nextDouble();
            Double range = rnd.nextInt(8) == 0 ? 500 + 15_000 * rnd.nextDouble() : null;
            Double observed = rnd.nextInt(8) == 0 ? 300 + 8_000 * rnd.nextDouble() : null;
            Double tilt = rnd.nextInt(4) == 0 ? 8 * rnd.nextDouble() : null;
            Double f2b = rnd.nextInt(4) == 0 ? 15 + 20 * rnd.nextDouble() : null;
            Cell cell = new Cell(c, c, "op", t, band, az, beam, 15 + 40 * rnd.nextDouble(), null, range, lon, lat,
                    Validity.ALWAYS, tilt, f2b, observed);
            EnvironmentClass env = envs[rnd.nextInt(envs.length)];

            RadialFootprint fast = flat.build(cell, env).footprint();
            double[] first = RadialFootprintReference.rangesM(flat, cell, env, null, RadioSettings.DEFAULTS);
            RadialSolver solver = flat.setup(cell, env).solver();
            double azimuth = cell.isOmni() ? 0 : cell.azimuthDeg();
            for (int i = 0; i < first.length; i++) {
                double outer = Math.max(1, 1000 * RadialFootprintReference.outermostKm(solver,
                        solver.pattern().horizontalDb(i - azimuth)));
                double diff = Math.abs(fast.rangeM(i) - outer);
                assertThat(diff).as("flat cell %d radial %d: %s vs outermost root %s", c, i, fast.rangeM(i), outer)
                        .isLessThanOrEqualTo(FlatRanges.TOLERANCE_REL * outer + 1e-6 + fast.rangeResolutionM());
                maxFlatRel = Math.max(maxFlatRel, diff / outer);
                double fromFirst = Math.abs(fast.rangeM(i) - first[i]) / first[i];
                flatExact += fromFirst <= FLAT_TOLERANCE_REL ? 1 : 0;
                if (fromFirst > 1e-3) {
                    otherRoot++;
                    maxOtherRoot = Math.max(maxOtherRoot, fromFirst);
                }
            }
            RadialFootprint fastT = terrain.build(cell, env).footprint();
            // the flat ranges as the terrain walk starts from them (a footprint holds them to its range resolution)
            double[] flatT = terrain.flatRangesM(cell, terrain.setup(cell, env).solver());
            double[] refT = RadialFootprintReference.terrainRangesM(terrain, cell, env, dem, RadioSettings.DEFAULTS, flatT);
            for (int i = 0; i < refT.length; i++) {
                double diff = Math.abs(fastT.rangeM(i) - refT[i]);
                assertThat(diff).as("terrain cell %d radial %d: %s vs %s", c, i, fastT.rangeM(i), refT[i])
                        .isLessThanOrEqualTo(1e-3 + FLAT_TOLERANCE_REL * refT[i] + fastT.rangeResolutionM());
                maxDiff = Math.max(maxDiff, diff);
                shortened += refT[i] < flatT[i] ? 1 : 0;
                radials++;
            }
        }
        System.out.printf("flat: %d of %d radials within %.0e of the first model, %d moved by > 1e-3 (another root of"
                + " the margin; at most %.3g relative); max |fast − outermost root| / root = %.3g%n", flatExact, radials,
                FLAT_TOLERANCE_REL, otherRoot, maxOtherRoot, maxFlatRel);
        System.out.printf("terrain: %d radials, %d shortened by terrain, max |fast − reference| = %.3g m%n", radials,
                shortened, maxDiff);
        // the sample must exercise the terrain path, not only flat ground
        assertThat(shortened).isGreaterThan(radials / 10);
    }
}
