package uz.qamrov.engine.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Paper cases for {@link Deygout} (P.526-8 §4.5 construction, J(ν) of P.526 eq. 31), 900 MHz: λ = 0.333103 m,
 * C_e = 1/8494.67 km⁻¹.
 */
class DeygoutTest {

    static final double LAMBDA = 299.792458 / 900;

    /**
     * Two knife edges on a 10 km path, both antennas at 0 m (the ray runs along sea level):
     *
     * <pre>
     *              |40 m
     *              |             |30 m
     *   Tx ________|_____________|__________ Rx
     *   0         3 km          7 km       10 km
     * </pre>
     * Earth bulge at 3 and 7 km: 500·3·7/8494.67 = 1.2361 m. ν₁ = 41.2361·√(0.002·10/(λ·3·7)) = 41.2361·0.053471 =
     * 2.2049 (principal edge; ν₂ = 31.2361·0.053471 = 1.6702). Transmitter side: no point between Tx and the edge,
     * J = 0. Receiver side, the sub-path from the edge top (3 km, 40 m) to Rx (10 km, 0 m): edge 2 is 4 km into it
     * and 3 km before its end, the ray passes it at 40·3/7 = 17.1429 m, bulge 500·4·3/8494.67 = 0.7063 m, so
     * h = 30 + 0.7063 − 17.1429 = 13.5635 m and ν = 13.5635·√(0.002·7/(λ·4·3)) = 0.8027.
     * J(2.2049) = 6.9 + 20·log(√(2.1049² + 1) + 2.1049) = 19.838 dB; J(0.8027) = 12.588 dB;
     * T = 1 − e^(−19.838/6) = 0.96335; C = 10 + 0.04·10 = 10.4;
     * L = 19.838 + 0.96335·(0 + 12.588 + 10.4) = 41.984 dB.
     */
    @Test
    void twoKnifeEdges() {
        assertThat(Bullington.knifeEdgeDb(2.2049235)).isCloseTo(19.8385, within(1e-3));
        assertThat(Bullington.knifeEdgeDb(0.8027033)).isCloseTo(12.5882, within(1e-3));
        double[] di = {3, 7};
        double[] hi = {40, 30};
        assertThat(Deygout.lossDb(di, hi, 2, 10, 0, 0, LAMBDA)).isCloseTo(41.984, within(0.002));
        // more than one equivalent edge: Bullington's single edge gives less on the same profile
        assertThat(Bullington.lossDb(di, hi, 2, 10, 0, 0, LAMBDA)).isLessThan(41.984 - 5);
    }

    /** One edge: L = J(ν) + T·C, no secondary edges (ν = 2.2049 as above, C = 10.4): 19.838 + 0.96335·10.4. */
    @Test
    void singleEdgeIsJPlusTheCorrection() {
        assertThat(Deygout.lossDb(new double[] {3}, new double[] {40}, 1, 10, 0, 0, LAMBDA))
                .isCloseTo(19.8385 + 0.963353 * 10.4, within(0.002));
    }

    /** Clear path: ν ≤ −0.78 everywhere, no loss; the smooth profile of a flat path has no excess. */
    @Test
    void clearPathHasNoLoss() {
        double[] di = {2, 5, 8};
        double[] hi = {0, 0, 0};
        assertThat(Deygout.lossDb(di, hi, 3, 10, 100, 100, LAMBDA)).isZero();
        assertThat(Deygout.excessLossDb(di, new double[] {400, 400, 400}, 3, 10, 400, 430, 400, 401.5, LAMBDA)).isZero();
    }
}
