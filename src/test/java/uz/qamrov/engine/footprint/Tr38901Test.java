package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Tr38901#maxDistance} (closed forms per branch, Newton on the RMa PL1 piece) against the generic bisection of
 * {@link PathLossModel#maxDistance} on random links and losses, both environments, every regime (floor, LOS-bound,
 * NLOS-bound, beyond the breakpoints, clamped at 5 km): same distance within 1e-9 relative, same clamped flag.
 */
class Tr38901Test {

    /** The same model without the override: the interface's bisection. */
    static final PathLossModel BISECTION = new PathLossModel() {
        @Override
        public String name() {
            return "bisection";
        }

        @Override
        public double minFrequencyMhz() {
            return 2000;
        }

        @Override
        public double maxFrequencyMhz() {
            return 6000;
        }

        @Override
        public double minDistanceKm() {
            return 0.01;
        }

        @Override
        public double maxDistanceKm() {
            return 5;
        }

        @Override
        public double pathLossDb(double distanceKm, RadioLink link) {
            return Tr38901.INSTANCE.pathLossDb(distanceKm, link);
        }
    };

    @Test
    void closedFormsEqualBisection() {
        Random rnd = new Random(38901);
        EnvironmentClass[] envs = EnvironmentClass.values();
        int interior = 0;
        for (int i = 0; i < 20_000; i++) {
            RadioLink l = new RadioLink(2000 + 4000 * rnd.nextDouble(), 3 + 60 * rnd.nextDouble(), 1.5,
                    envs[rnd.nextInt(envs.length)]);
            double allowed = 40 + 130 * rnd.nextDouble();
            MaxDistance fast = Tr38901.INSTANCE.maxDistance(allowed, l);
            MaxDistance ref = BISECTION.maxDistance(allowed, l);
            assertThat(fast.clamped()).as("%s %s", l, allowed).isEqualTo(ref.clamped());
            assertThat(fast.distanceKm()).as("%s %s", l, allowed)
                    .isCloseTo(ref.distanceKm(), org.assertj.core.data.Offset.offset(1e-9 * ref.distanceKm() + 1e-12));
            if (ref.distanceKm() > 0.01 && ref.distanceKm() < 5) {
                interior++;
            }
        }
        // most draws land strictly between the floor and the 5 km limit, where the branches decide
        assertThat(interior).isGreaterThan(5_000);
    }
}
