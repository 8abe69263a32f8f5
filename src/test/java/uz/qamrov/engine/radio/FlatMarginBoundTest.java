package uz.qamrov.engine.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * {@link PointLevels#flatMarginUpperBoundDb} is what a diagnosis prunes candidates by: it must never be under the flat
 * margin ({@link PointLevels#level} without terrain) of the same cell at the same place, for every path-loss model
 * (the bands pick them), pattern, tilt, environment and distance, from under a metre to beyond the cell's reach; and
 * above it only by what the pattern attenuates and the distance's slack (worked on paper for one omni cell).
 */
class FlatMarginBoundTest {

    private static final PointLevels LEVELS = new PointLevels(
            new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null), null);

    @Test
    void theBoundIsNeverUnderTheFlatMargin() {
        long seed = Long.getLong("qamrov.seed", 38L);
        System.out.println("FlatMarginBoundTest seed " + seed);
        Random rnd = new Random(seed);
        int[][] bands = {{900, 1800}, {2100, 900}, {800, 1800, 2600}, {3500}};
        int loose = 0;
        int points = 0;
        for (int c = 0; c < 2_000; c++) {
            Technology t = Technology.values()[rnd.nextInt(4)];
            int band = bands[t.ordinal()][rnd.nextInt(bands[t.ordinal()].length)];
            boolean omni = rnd.nextInt(5) == 0;
            Double az = omni ? null : 360 * rnd.nextDouble();
            Double tilt = rnd.nextInt(3) == 0 ? 10 * rnd.nextDouble() : null;
            double lon = 56 + 16 * rnd.nextDouble();
            double lat = 38 + 6 * rnd.nextDouble();
            Cell cell = new Cell(c, c, "op", t, band, az, omni ? 360 : 30 + 90 * rnd.nextDouble(),
                    10 + 50 * rnd.nextDouble(), null, null, lon, lat, Validity.ALWAYS, tilt, null, null);
            PointLevels.Prepared p = LEVELS.prepare(cell, EnvironmentClass.values()[rnd.nextInt(3)]);
            for (int k = 0; k < 20; k++) {
                // distances on a log scale, 0.1 m to 60 km
                double d = Math.pow(10, -1 + 5.8 * rnd.nextDouble());
                double[] at = LocalMetric.destination(lon, lat, 360 * rnd.nextDouble(), d);
                double margin = LEVELS.level(p, at[0], at[1], false).marginDb();
                double bound = LEVELS.flatMarginUpperBoundDb(p, LocalMetric.distanceM(at[0], at[1], lon, lat));
                assertThat(bound).as("cell %s at %.1f m", cell, d).isGreaterThanOrEqualTo(margin);
                loose += bound < margin + 3 ? 0 : 1;
                points++;
            }
        }
        System.out.printf("%d of %d points had a bound 3 dB or more above their margin%n", loose, points);
    }

    @Test
    void onAnOmniCellsHorizonTheBoundIsAboveByTheVerticalPatternAndTheDistanceSlack() {
        // 4G 1800 MHz omni at 30 m, rural, the default 2° tilt, 5 km away: the depression is atan(28.5 / 5000) = 0.3266°,
        // A_V = −12·((0.3266 − 2) / 10)² = −0.3361 dB (A_H = 0: omni); the bound takes the distance 1 % + 1 m short,
        // 4,949 m, and COST-231 rural's slope at 30 m is 35.225 dB/decade: 35.225·log10(5000 / 4949) = 0.1568 dB
        Cell omni = new Cell(1, 1, "op", Technology.G4, 1800, null, 360, 30, null, null, 66.5, 40.5, Validity.ALWAYS);
        PointLevels.Prepared p = LEVELS.prepare(omni, EnvironmentClass.RURAL);
        double[] at = LocalMetric.destination(66.5, 40.5, 45, 5_000);
        double margin = LEVELS.level(p, at[0], at[1], false).marginDb();
        double bound = LEVELS.flatMarginUpperBoundDb(p, LocalMetric.distanceM(at[0], at[1], 66.5, 40.5));
        assertThat(bound - margin).isCloseTo(0.3361 + 0.1568, within(0.001));
    }
}
