package uz.qamrov.engine.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ITU-R P.526 knife-edge and Bullington values worked by hand. */
class BullingtonTest {

    /**
     * J(ν) = 6.9 + 20·log(√((ν − 0.1)² + 1) + ν − 0.1): J(0) = 6.9 + 20·log(√1.01 − 0.1) = 6.9 − 0.867 = 6.033 dB (the
     * familiar 6 dB at grazing incidence); J(1) = 6.9 + 20·log(1.3454 + 0.9) = 13.926; J(−0.7) = 6.9 + 20·log(1.2806 −
     * 0.8) = 0.536; J(ν ≤ −0.78) = 0.
     */
    @ParameterizedTest(name = "J({0}) = {1}")
    @CsvSource({"0, 6.0329", "1, 13.9257", "-0.7, 0.5361", "-0.78, 0", "-2, 0"})
    void knifeEdgeLoss(double nu, double db) {
        assertThat(Bullington.knifeEdgeDb(nu)).isCloseTo(db, within(1e-3));
    }

    /**
     * One knife edge 120 m high halfway along a 10 km path, both antennas at 100 m, 900 MHz (λ = 0.33310 m), k = 4/3:
     * earth bulge at 5 km = 500·5·5/8494.7 = 1.4715 m, so the edge stands h = 21.4715 m above the ray;
     * ν = h·√(0.002·10/(0.33310·5·5)) = 1.05225; J(ν) = 14.2587 dB;
     * L_b = J + (1 − e^(−J/6))·(10 + 0.02·10) = 14.2587 + 0.90712·10.2 = 23.5113 dB.
     */
    @Test
    void singleKnifeEdgeByHand() {
        double[] di = {5};
        double[] hi = {120};
        double lambda = 299.792458 / 900;
        assertThat(Bullington.lossDb(di, hi, 1, 10, 100, 100, lambda)).isCloseTo(23.5113, within(1e-3));
        // the same edge over flat ground at 0 m: the smooth profile (0 m) adds nothing, so the excess is all of it
        assertThat(Bullington.excessLossDb(di, hi, 1, 10, 0, 100, 0, 100, lambda)).isCloseTo(23.5113, within(1e-3));
    }

    @Test
    void flatGroundHasNoExcessLoss() {
        // 1.5 m receiver 5 km from a 30 m mast over flat ground at 400 m: Bullington alone sees the ground next to the
        // receiver; the excess over the smooth profile is 0
        int n = 49;
        double[] di = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            di[i] = 0.1 * (i + 1);
            hi[i] = 400;
        }
        double lambda = 299.792458 / 800;
        assertThat(Bullington.lossDb(di, hi, n, 5, 430, 401.5, lambda)).isGreaterThan(1);
        assertThat(Bullington.excessLossDb(di, hi, n, 5, 400, 430, 400, 401.5, lambda)).isEqualTo(0);
    }
}
