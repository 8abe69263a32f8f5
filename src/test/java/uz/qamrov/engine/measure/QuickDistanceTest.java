package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.geodesy.LocalMetric;

/** The plane measure against {@link LocalMetric#distanceM}: inside the stated bound both ways, up to its range. */
class QuickDistanceTest {

    @Test
    void withinTwoPercentAndAMetreUpToItsRange() {
        Random rnd = new Random(42);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double lon = 50 + rnd.nextDouble() * 30;
            double lat = 30 + rnd.nextDouble() * 20;
            double bearing = rnd.nextDouble() * 360;
            double s = rnd.nextDouble() * QuickDistance.RANGE_M;
            double[] q = LocalMetric.destination(lon, lat, bearing, s);
            QuickDistance quick = QuickDistance.at(lon, lat, QuickDistance.RANGE_M / 1.03);
            double exact = LocalMetric.distanceM(lon, lat, q[0], q[1]);
            double approx = quick.distanceM(q[0], q[1]);
            assertThat(approx).as("approx of %s m", exact).isLessThanOrEqualTo(quick.upper(exact));
            assertThat(exact).as("exact of %s m", approx).isLessThanOrEqualTo(quick.upper(approx));
            worst = Math.max(worst, Math.abs(approx - exact) / Math.max(exact, 1));
        }
        // the bound has room: the measured error is far smaller than 2 %
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void exactBeyondItsRange() {
        QuickDistance far = QuickDistance.at(66, 40, 200_000);
        assertThat(far.distanceM(67, 41)).isEqualTo(LocalMetric.distanceM(66, 40, 67, 41));
        assertThat(far.upper(1234.5)).isEqualTo(1234.5);
    }
}
