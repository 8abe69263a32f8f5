package uz.qamrov.engine.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The incremental Bullington walk against the one-shot {@link Bullington#lossDb} at every prefix of random profiles
 * (hills, ridges, valleys, flat stretches; line-of-sight and obstructed paths): equal within 1e-9 dB, and the
 * thresholded form answers "loss &gt; threshold" exactly as the full computation does.
 */
class BullingtonProfileTest {

    @Test
    void incrementalEqualsOneShotOnRandomProfiles() {
        long seed = Long.getLong("qamrov.seed", 20261201L);
        System.out.println("BullingtonProfileTest seed " + seed);
        Random rnd = new Random(seed);
        int checked = 0;
        int obstructed = 0;
        for (int p = 0; p < 2000; p++) {
            int n = 2 + rnd.nextInt(40);
            double step = 0.05 + rnd.nextDouble();
            double base = 200 + 2000 * rnd.nextDouble();
            double rough = rnd.nextInt(4) == 0 ? 0 : 5 + 400 * rnd.nextDouble();
            double mast = 10 + 60 * rnd.nextDouble();
            double lambda = 299.792458 / (700 + 3000 * rnd.nextDouble());
            double[] d = new double[n];
            double[] h = new double[n];
            double slope = (rnd.nextDouble() - 0.5) * 40;
            for (int i = 0; i < n; i++) {
                d[i] = step * (i + 1);
                h[i] = base + slope * d[i] + rough * (rnd.nextDouble() - 0.5) + (rnd.nextInt(10) == 0 ? rough * 2 : 0);
            }
            double hts = base + mast;
            BullingtonProfile profile = new BullingtonProfile(lambda);
            profile.reset(hts);
            for (int j = 0; j < n; j++) {
                // receiver at sample j over the profile of samples 0..j-1
                double hrs = h[j] + 1.5;
                double exact = Bullington.lossDb(d, h, j, d[j], hts, hrs, lambda);
                assertThat(profile.lossDb(d[j], hrs)).as("profile %d sample %d", p, j).isCloseTo(exact, within(1e-9));
                double threshold = 40 * rnd.nextDouble() - 5;
                assertThat(profile.lossDb(d[j], hrs, threshold) > threshold).as("profile %d sample %d", p, j)
                        .isEqualTo(exact > threshold);
                if (exact > threshold) {
                    assertThat(profile.lossDb(d[j], hrs, threshold)).isCloseTo(exact, within(1e-9));
                }
                obstructed += exact > 15 ? 1 : 0;
                checked++;
                profile.add(d[j], h[j]);
            }
        }
        assertThat(checked).isGreaterThan(20_000);
        assertThat(obstructed).isGreaterThan(2_000);
    }

    /** The knife edge of {@code BullingtonTest} (23.5113 dB by hand), built incrementally. */
    @Test
    void singleKnifeEdgeByHand() {
        BullingtonProfile p = new BullingtonProfile(299.792458 / 900);
        p.reset(100);
        p.add(5, 120);
        assertThat(p.lossDb(10, 100)).isCloseTo(23.5113, within(1e-3));
    }
}
