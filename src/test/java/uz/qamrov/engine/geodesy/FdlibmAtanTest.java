package uz.qamrov.engine.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link FdlibmAtan#atan2} against {@link StrictMath#atan2}, bit for bit: the depression angles of the radial model
 * (heights 0–300 m over 1 m–100 km), the azimuths of the footprints' local plane in every quadrant, random arguments
 * over the whole exponent range and both signs, and the edges of
 * fdlibm's argument reduction (7/16, 11/16, 19/16, 39/16, 2^-29) with their neighbours.
 */
class FdlibmAtanTest {

    @Test
    void depressionAnglesBitForBit() {
        long seed = Long.getLong("qamrov.seed", 17L);
        Random rnd = new Random(seed);
        for (int i = 0; i < 2_000_000; i++) {
            double y = 300 * rnd.nextDouble() - 5;
            double x = Math.exp(Math.log(1) + Math.log(1e5) * rnd.nextDouble());
            assertSame(y, x, seed);
            // the radial model called Math.atan2 before; on this JVM it must be StrictMath's (no intrinsic)
            assertThat(Double.doubleToRawLongBits(FdlibmAtan.atan2(y, x)))
                    .isEqualTo(Double.doubleToRawLongBits(Math.atan2(y, x)));
        }
    }

    @Test
    void anyArgumentsBitForBit() {
        long seed = Long.getLong("qamrov.seed", 18L);
        Random rnd = new Random(seed);
        for (int i = 0; i < 2_000_000; i++) {
            double y = (rnd.nextBoolean() ? 1 : -1) * Math.scalb(rnd.nextDouble(), rnd.nextInt(200) - 100);
            double x = (rnd.nextBoolean() ? -1 : 1) * Math.scalb(rnd.nextDouble(), rnd.nextInt(200) - 100);
            assertSame(y, x, seed);
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0};
        for (double y : special) {
            for (double x : special) {
                assertSame(y, x, seed);
            }
        }
    }

    /** The azimuths of a footprint's local plane (east, north up to ±200 km): every quadrant, as the cuts use them. */
    @Test
    void planeAzimuthsInEveryQuadrantBitForBit() {
        long seed = Long.getLong("qamrov.seed", 19L);
        Random rnd = new Random(seed);
        for (int i = 0; i < 2_000_000; i++) {
            double east = 4e5 * rnd.nextDouble() - 2e5;
            double north = 4e5 * rnd.nextDouble() - 2e5;
            if (i % 7 == 0) {
                north = rnd.nextBoolean() ? 1e-9 * east : -1e-12 * east; // nearly along the east axis
            }
            assertSame(east, north, seed);
            // the footprints called Math.atan2 before: on this JVM it must be StrictMath's too
            assertThat(Double.doubleToRawLongBits(FdlibmAtan.atan2(east, north)))
                    .isEqualTo(Double.doubleToRawLongBits(Math.atan2(east, north)));
        }
    }

    @Test
    void reductionEdgesBitForBit() {
        double[] edges = {7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16, 0x1p-29, 1, 0x1p50};
        for (double e : edges) {
            double r = e;
            for (int k = 0; k < 64; k++) {
                assertSame(r, 1, 0);
                assertSame(-r, 1, 0);
                assertSame(r, -1, 0);
                assertSame(-r, -1, 0);
                assertSame(e, Math.nextUp(1.0) * (1 + k * 1e-3), 0);
                r = Math.nextUp(r);
            }
            r = e;
            for (int k = 0; k < 64; k++) {
                r = Math.nextDown(r);
                assertSame(r, 1, 0);
            }
        }
    }

    private static void assertSame(double y, double x, long seed) {
        double expected = StrictMath.atan2(y, x);
        double actual = FdlibmAtan.atan2(y, x);
        assertThat(Double.doubleToRawLongBits(actual)).as("atan2(%s, %s) seed %d: %s vs %s", y, x, seed, actual, expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }
}
