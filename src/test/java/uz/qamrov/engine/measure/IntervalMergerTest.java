package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Union of an edge's covered intervals, worked out by hand. Cell slots 0..3 have technologies 2G, 3G, 4G, inactive. */
class IntervalMergerTest {

    static final byte[] TECH = {0, 1, 2, ActiveCells.INACTIVE};

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, cells, flattened intervals, minTech, expected union
                Arguments.of("nothing on the edge", new int[] {}, new float[] {}, 0, new float[] {}),
                Arguments.of("one interval", new int[] {0}, new float[] {0.2f, 0.5f}, 0, new float[] {0.2f, 0.5f}),
                Arguments.of("disjoint, given out of order", new int[] {0, 1}, new float[] {0.6f, 0.9f, 0.1f, 0.3f}, 0,
                        new float[] {0.1f, 0.3f, 0.6f, 0.9f}),
                Arguments.of("overlapping merge", new int[] {0, 1, 2}, new float[] {0.1f, 0.4f, 0.3f, 0.6f, 0.5f, 0.55f}, 0,
                        new float[] {0.1f, 0.6f}),
                Arguments.of("touching merge", new int[] {0, 1}, new float[] {0.0f, 0.5f, 0.5f, 1.0f}, 0,
                        new float[] {0.0f, 1.0f}),
                Arguments.of("contained", new int[] {0, 1}, new float[] {0.0f, 1.0f, 0.3f, 0.4f}, 0, new float[] {0.0f, 1.0f}),
                Arguments.of("3G+ drops the 2G cell", new int[] {0, 1, 2}, new float[] {0.0f, 0.5f, 0.6f, 0.7f, 0.65f, 0.8f}, 1,
                        new float[] {0.6f, 0.8f}),
                Arguments.of("4G+ keeps only the 4G cell", new int[] {0, 1, 2}, new float[] {0.0f, 0.5f, 0.6f, 0.7f, 0.9f, 1.0f},
                        2, new float[] {0.9f, 1.0f}),
                Arguments.of("inactive cell never counts", new int[] {3, 3}, new float[] {0.0f, 1.0f, 0.2f, 0.3f}, 0,
                        new float[] {}),
                Arguments.of("one cell, two pieces", new int[] {2, 2}, new float[] {0.7f, 0.8f, 0.1f, 0.2f}, 2,
                        new float[] {0.1f, 0.2f, 0.7f, 0.8f}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void merges(String name, int[] cells, float[] t, int minTech, float[] expectedFloats) {
        assertUnion(name, cells, 0, t, minTech, expectedFloats);
    }

    static Stream<Arguments> casesWithWholeIntervals() {
        return Stream.of(
                // name, cells (the first `whole` over the whole edge), whole, the rest's intervals, minTech, union
                Arguments.of("only whole ones, one of them counts", new int[] {3, 0, 2}, 3, new float[] {}, 2,
                        new float[] {0.0f, 1.0f}),
                Arguments.of("only whole ones, none counts", new int[] {0, 1, 3}, 3, new float[] {}, 2, new float[] {}),
                Arguments.of("a whole one counts: the partial ones do not matter", new int[] {1, 2}, 1,
                        new float[] {0.2f, 0.3f}, 1, new float[] {0.0f, 1.0f}),
                Arguments.of("the whole one does not count: the partial ones make the union", new int[] {0, 2, 1}, 1,
                        new float[] {0.6f, 0.9f, 0.1f, 0.3f}, 1, new float[] {0.1f, 0.3f, 0.6f, 0.9f}),
                Arguments.of("the whole one does not count, nor the partial one", new int[] {3, 0}, 1,
                        new float[] {0.4f, 0.5f}, 1, new float[] {}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithWholeIntervals")
    void mergesWithWholeIntervalsFirst(String name, int[] cells, int whole, float[] t, int minTech,
            float[] expectedFloats) {
        assertUnion(name, cells, whole, t, minTech, expectedFloats);
    }

    private static void assertUnion(String name, int[] cells, int whole, float[] t, int minTech,
            float[] expectedFloats) {
        // the edge table keeps intervals in single precision; the union is theirs, widened exactly
        double[] expected = new double[expectedFloats.length];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = expectedFloats[k];
        }
        double[] got = IntervalMerger.merge(cells, whole, t, TECH, minTech);
        assertThat(got).as(name).containsExactly(expected);
        double len = 0;
        for (int k = 0; k < expected.length; k += 2) {
            len += expected[k + 1] - expected[k];
        }
        assertThat(IntervalMerger.length(got)).as(name).isEqualTo(len);
        assertThat(IntervalMerger.mergedLength(cells, whole, t, TECH, minTech)).as(name).isEqualTo(len);
    }

    /**
     * Random edges against the plain union: pairs sorted by start, each joined to the last run it touches. Some
     * edges begin with cells over the whole edge, as the edge table keeps them.
     */
    @org.junit.jupiter.api.Test
    void randomEdgesGiveThePlainUnion() {
        java.util.Random rnd = new java.util.Random(38);
        for (int run = 0; run < 20_000; run++) {
            int m = rnd.nextInt(9);
            int whole = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0;
            int[] cells = new int[whole + m];
            float[] t = new float[2 * m];
            java.util.List<double[]> counted = new java.util.ArrayList<>();
            for (int k = 0; k < whole; k++) {
                cells[k] = rnd.nextInt(TECH.length);
                if (TECH[cells[k]] >= 1) {
                    counted.add(new double[] {0, 1});
                }
            }
            for (int k = 0; k < m; k++) {
                cells[whole + k] = rnd.nextInt(TECH.length);
                // coarse values make equal starts, equal ends and touching intervals common
                float a = rnd.nextInt(11) / 10f;
                float b = rnd.nextInt(11) / 10f;
                t[2 * k] = Math.min(a, b);
                t[2 * k + 1] = Math.max(a, b);
                if (TECH[cells[whole + k]] >= 1) {
                    counted.add(new double[] {t[2 * k], t[2 * k + 1]});
                }
            }
            counted.sort(java.util.Comparator.comparingDouble(p -> p[0]));
            java.util.List<Double> union = new java.util.ArrayList<>();
            for (double[] p : counted) {
                int last = union.size() - 1;
                if (last > 0 && p[0] <= union.get(last)) {
                    union.set(last, Math.max(union.get(last), p[1]));
                } else {
                    union.add(p[0]);
                    union.add(p[1]);
                }
            }
            double[] expected = union.stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(IntervalMerger.merge(cells, whole, t, TECH, 1))
                    .as("run %d: %d whole, %s", run, whole, java.util.Arrays.toString(t)).containsExactly(expected);
        }
    }
}
