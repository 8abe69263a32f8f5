package uz.qamrov.engine.geodesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;

/** LocalMetric against GeographicLib's exact WGS84 geodesics over Uzbekistan's extent. */
class LocalMetricTest {

    @Test
    void distancesAzimuthsAndLocalPlaneAgreeWithGeographicLib() {
        long seed = Long.getLong("qamrov.seed", System.nanoTime());
        System.out.println("LocalMetricTest seed=" + seed);
        Random rnd = new Random(seed);
        double maxDistRel = 0;
        double maxLocalRel = 0;
        double maxAzDeg = 0;
        double maxRoundTripM = 0;
        for (int i = 0; i < 20_000; i++) {
            double lon = 56 + 17 * rnd.nextDouble();
            double lat = 37 + 9 * rnd.nextDouble();
            double az = 360 * rnd.nextDouble() - 180;
            double s = 100 + (60_000 - 100) * rnd.nextDouble();
            GeodesicData g = Geodesic.WGS84.Direct(lat, lon, az, s);
            double d = LocalMetric.distanceM(lon, lat, g.lon2, g.lat2);
            maxDistRel = Math.max(maxDistRel, Math.abs(d - s) / s);
            double[] p = LocalMetric.at(lon, lat).toLocal(g.lon2, g.lat2);
            maxLocalRel = Math.max(maxLocalRel, Math.abs(Math.hypot(p[0], p[1]) - s) / s);
            double a = LocalMetric.azimuthDeg(lon, lat, g.lon2, g.lat2);
            double diff = Math.abs(((a - g.azi1) % 360 + 540) % 360 - 180);
            maxAzDeg = Math.max(maxAzDeg, diff);
            double[] back = LocalMetric.destination(lon, lat, g.azi1, s);
            maxRoundTripM = Math.max(maxRoundTripM, Geodesic.WGS84.Inverse(back[1], back[0], g.lat2, g.lon2).s12);
        }
        System.out.printf("LocalMetric max errors: distance %.2e rel, local plane %.2e rel, azimuth %.2e deg"
                + " (%.2e of 360), destination %.3f m%n", maxDistRel, maxLocalRel, maxAzDeg, maxAzDeg / 360, maxRoundTripM);
        assertThat(maxDistRel).isLessThan(1e-3);
        assertThat(maxLocalRel).isLessThan(1e-3);
        assertThat(maxAzDeg / 360).isLessThan(1e-3);
        assertThat(maxRoundTripM).isLessThan(60);
        // the claimed accuracy, so a regression to a cruder formula is noticed
        assertThat(maxDistRel).isLessThan(5e-5);
        assertThat(maxAzDeg).isLessThan(0.01);
    }

    @Test
    void lineLengthsAgreeWithGeographicLib() {
        Random rnd = new Random(42);
        double maxRel = 0;
        for (int k = 0; k < 500; k++) {
            int n = 2 + rnd.nextInt(30);
            Coordinate[] cs = new Coordinate[n];
            double lon = 56 + 17 * rnd.nextDouble();
            double lat = 37 + 9 * rnd.nextDouble();
            double exact = 0;
            cs[0] = new Coordinate(lon, lat);
            for (int i = 1; i < n; i++) {
                GeodesicData g = Geodesic.WGS84.Direct(cs[i - 1].y, cs[i - 1].x, 360 * rnd.nextDouble(),
                        100 + 1900 * rnd.nextDouble());
                cs[i] = new Coordinate(g.lon2, g.lat2);
                exact += g.s12;
            }
            LineString line = Fixtures.GF.createLineString(cs);
            maxRel = Math.max(maxRel, Math.abs(LocalMetric.lengthM(line) - exact) / exact);
        }
        System.out.printf("LocalMetric line length max rel error %.2e%n", maxRel);
        assertThat(maxRel).isLessThan(1e-3);
    }

    @Test
    void knownDegreeLengthsAt40N() {
        // 1° of longitude on the 40th parallel: π/180 · N(40°)·cos40° = 85,394.3 m
        assertThat(LocalMetric.distanceM(66, 40, 67, 40)).isCloseTo(85_394, within(15.0));
        // 1° of latitude centred on 40°N: ≈ 111,035 m
        assertThat(LocalMetric.distanceM(66, 39.5, 66, 40.5)).isCloseTo(111_035, within(5.0));
    }

    @Test
    void geodesicAreaOfOneSquareDegree() {
        var square = Fixtures.wkt("POLYGON((66 40, 67 40, 67 41, 66 41, 66 40))");
        double areaKm2 = LocalMetric.areaM2(square) / 1e6;
        // ≈ 85.39 km × 111.04 km shrinking northwards: ~9,423 km²
        assertThat(areaKm2).isBetween(9_300.0, 9_550.0);
    }
    /**
     * The ray cursor (warm-started fixed point, series for the small angles) lands where {@link LocalMetric#toLonLat}
     * does, walked outwards in steps as the terrain walk does: within 40 km (one round from a parabolic start) to
     * 3e-5 m, beyond (rounds to convergence, and past the series' limit the cold fixed point) to 1e-6 m. LocalMetric
     * itself is 1e-5 relative from the true geodesic (0.2 m at 20 km), so the cursor adds nothing measurable.
     */
    @Test
    void rayWalkLandsOnTheSamePointsAsToLonLat() {
        long seed = Long.getLong("qamrov.seed", System.nanoTime());
        System.out.println("LocalMetricTest ray seed=" + seed);
        Random rnd = new Random(seed);
        double maxM = 0;
        double maxFarM = 0;
        double[] out = new double[2];
        for (int i = 0; i < 2_000; i++) {
            double lon = 56 + 17 * rnd.nextDouble();
            double lat = 37 + 9 * rnd.nextDouble();
            double az = 2 * Math.PI * rnd.nextDouble();
            LocalMetric m = LocalMetric.at(lon, lat);
            LocalMetric.Ray ray = m.ray(az);
            double step = 1 + 2_000 * rnd.nextDouble();
            for (double s = step; s < 150_000; s += step) {
                ray.pointAt(s, out);
                double[] ref = m.toLonLat(Math.sin(az) * s, Math.cos(az) * s);
                double err = LocalMetric.distanceM(ref[0], ref[1], out[0], out[1]);
                if (s <= 40_000) {
                    maxM = Math.max(maxM, err);
                } else {
                    maxFarM = Math.max(maxFarM, err);
                }
            }
        }
        System.out.printf("ray vs toLonLat: max %.3g m within 40 km, %.3g m beyond%n", maxM, maxFarM);
        assertThat(maxM).isLessThan(3e-5);
        assertThat(maxFarM).isLessThan(1e-6);
    }
}
