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
                Arguments.of("nothing on the edge", new int[] {}, new double[] {}, 0, new double[] {}),
                Arguments.of("one interval", new int[] {0}, new double[] {0.2, 0.5}, 0, new double[] {0.2, 0.5}),
                Arguments.of("disjoint, given out of order", new int[] {0, 1}, new double[] {0.6, 0.9, 0.1, 0.3}, 0,
                        new double[] {0.1, 0.3, 0.6, 0.9}),
                Arguments.of("overlapping merge", new int[] {0, 1, 2}, new double[] {0.1, 0.4, 0.3, 0.6, 0.5, 0.55}, 0,
                        new double[] {0.1, 0.6}),
                Arguments.of("touching merge", new int[] {0, 1}, new double[] {0.0, 0.5, 0.5, 1.0}, 0,
                        new double[] {0.0, 1.0}),
                Arguments.of("contained", new int[] {0, 1}, new double[] {0.0, 1.0, 0.3, 0.4}, 0, new double[] {0.0, 1.0}),
                Arguments.of("3G+ drops the 2G cell", new int[] {0, 1, 2}, new double[] {0.0, 0.5, 0.6, 0.7, 0.65, 0.8}, 1,
                        new double[] {0.6, 0.8}),
                Arguments.of("4G+ keeps only the 4G cell", new int[] {0, 1, 2}, new double[] {0.0, 0.5, 0.6, 0.7, 0.9, 1.0},
                        2, new double[] {0.9, 1.0}),
                Arguments.of("inactive cell never counts", new int[] {3, 3}, new double[] {0.0, 1.0, 0.2, 0.3}, 0,
                        new double[] {}),
                Arguments.of("one cell, two pieces", new int[] {2, 2}, new double[] {0.7, 0.8, 0.1, 0.2}, 2,
                        new double[] {0.1, 0.2, 0.7, 0.8}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void merges(String name, int[] cells, double[] t, int minTech, double[] expected) {
        double[] got = IntervalMerger.merge(cells, t, TECH, minTech);
        assertThat(got).as(name).containsExactly(expected);
        double len = 0;
        for (int k = 0; k < expected.length; k += 2) {
            len += expected[k + 1] - expected[k];
        }
        assertThat(IntervalMerger.length(got)).as(name).isEqualTo(len);
    }
}
