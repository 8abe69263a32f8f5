package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * The inscribed test that lets a segment inside a radial footprint skip its pieces: cases worked on paper, then random
 * rugged stars, where every segment the test calls inside is checked point by point against the footprint itself.
 */
class InscribedSegmentTest {

    @Test
    void squareOfFourRadials() {
        // radials N, E, S, W of 1,000 m: a square whose edges keep 1,000·cos 45° = 707.1 m from the site
        char[] units = {1000, 1000, 1000, 1000};
        double cos45 = Math.cos(Math.PI / 4);
        assertThat(InscribedSegment.inside(units, 1, cos45, 0, 1, 707 * 707)).isTrue();
        // (509, 509) is 720 m out, beyond the edge x + y = 1,000: not inside
        assertThat(InscribedSegment.inside(units, 1, cos45, 0, 1, 720 * 720)).isFalse();
    }

    @Test
    void aShortRadialInTheSpanAndAroundZero() {
        char[] units = new char[360];
        java.util.Arrays.fill(units, (char) 5000);
        units[358] = 10; // 10 m: a blocked radial just west of north
        double cos = Math.cos(Math.toRadians(0.5));
        assertThat(InscribedSegment.inside(units, 1, cos, 3, 9, 4000.0 * 4000)).isTrue();
        assertThat(InscribedSegment.inside(units, 1, cos, -3, 2, 4000.0 * 4000)).as("radial -2 is 358").isFalse();
        assertThat(InscribedSegment.inside(units, 1, cos, 355, 359, 4000.0 * 4000)).isFalse();
        assertThat(InscribedSegment.inside(units, 1, cos, 0, 360, 1)).as("a span of every radial").isFalse();
    }

    @Test
    void whatItCallsInsideIsInsideEveryWhere() {
        Random rnd = new Random(20261205);
        int triggered = 0;
        for (int n : new int[] {8, 36, 360}) {
            for (int k = 0; k < 300; k++) {
                RadialFootprint f = RadialFootprintTest.random(rnd, n);
                char[] units = new char[n];
                for (int i = 0; i < n; i++) {
                    units[i] = (char) Math.round(f.rangeM(i) / f.rangeResolutionM());
                }
                double step = 2 * Math.PI / n;
                LocalMetric m = LocalMetric.at(RadialFootprintTest.LON, RadialFootprintTest.LAT);
                for (int s = 0; s < 20; s++) {
                    double r = f.maxRangeM() * rnd.nextDouble();
                    double a0 = 2 * Math.PI * rnd.nextDouble();
                    double ax = r * Math.sin(a0);
                    double ay = r * Math.cos(a0);
                    double len = f.maxRangeM() * 0.5 * rnd.nextDouble();
                    double dir = 2 * Math.PI * rnd.nextDouble();
                    double bx = ax + len * Math.sin(dir);
                    double by = ay + len * Math.cos(dir);
                    double cross = ax * (by - ay) - ay * (bx - ax);
                    if (cross == 0) {
                        continue;
                    }
                    // the azimuth span as RadialFootprint.intervalsInPlane takes it
                    double az0 = az(ax, ay);
                    double az1 = az(bx, by);
                    if (cross < 0 && az1 < az0) {
                        az1 += 2 * Math.PI;
                    } else if (cross > 0 && az1 > az0) {
                        az1 -= 2 * Math.PI;
                    }
                    int j0 = (int) Math.floor(Math.min(az0, az1) / step);
                    int j1 = (int) Math.ceil(Math.max(az0, az1) / step);
                    if (!InscribedSegment.inside(units, f.rangeResolutionM(), Math.cos(step / 2), j0, j1,
                            Math.max(ax * ax + ay * ay, bx * bx + by * by))) {
                        continue;
                    }
                    triggered++;
                    assertThat(f.intervalsInPlane(ax, ay, bx, by)).containsExactly(0, 1);
                    for (int i = 0; i <= 1000; i++) {
                        double t = i / 1000.0;
                        double[] ll = m.toLonLat(ax + t * (bx - ax), ay + t * (by - ay));
                        assertThat(f.contains(ll[0], ll[1])).as("n %d case %d segment %d t %f", n, k, s, t).isTrue();
                    }
                }
            }
        }
        // the random segments reach the case the test is about, many times
        assertThat(triggered).isGreaterThan(500);
    }

    private static double az(double x, double y) {
        double a = Math.atan2(x, y);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
