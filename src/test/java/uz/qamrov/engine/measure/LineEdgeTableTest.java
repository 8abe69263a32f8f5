package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.TransportLine;

/**
 * The edge table's lists of (cell, covered interval) under the changes {@link CellReachIndex} makes (a build, cells
 * taken off and put on, lists trimmed), against a plain list per edge: the cells over the whole edge first, without
 * floats, then the others with their intervals, each kind in the order it came.
 */
class LineEdgeTableTest {

    private static final int EDGES_WANTED = 8;

    /** One interval over the whole edge, as footprints give it. */
    private static final double[] WHOLE = {0, 1};

    @Test
    void cellsOverTheWholeEdgeComeFirstAndKeepNoFloats() {
        LineEdgeTable table = table();
        int[] slots = {0, 1, 2};
        FootprintHitFinder.Hits[] hits = {
            hits(new int[] {0, 1}, new double[] {0.5, 0.75}, WHOLE),
            hits(new int[] {0, 1}, WHOLE, new double[] {0.25, 0.5}),
            hits(new int[] {0, 1}, WHOLE, new double[] {0, 0.125, 0.875, 1})};
        table.bulkAttachCells(slots, hits);

        assertThat(table.cells[0]).containsExactly(1, 2, 0);
        assertThat(table.whole[0]).isEqualTo(2);
        assertThat(table.t[0]).containsExactly(0.5f, 0.75f);
        assertThat(table.cells[1]).containsExactly(0, 1, 2, 2);
        assertThat(table.whole[1]).isEqualTo(1);
        assertThat(table.t[1]).containsExactly(0.25f, 0.5f, 0f, 0.125f, 0.875f, 1f);
        assertThat(table.cells[2]).isEmpty();
        assertThat(table.t[2]).isSameAs(LineEdgeTable.NO_FLOATS);

        // cell 1 leaves edge 0; cell 3 comes, whole, and cell 4 with a piece: each goes after its kind
        BitSet gone = new BitSet();
        gone.set(1);
        int live = table.compactWithout(0, gone);
        table.attachCells(0, live, new int[] {3, 4}, new double[][] {WHOLE, {0.125, 0.25}});
        assertThat(table.cells[0]).containsExactly(2, 3, 0, 4);
        assertThat(table.whole[0]).isEqualTo(2);
        assertThat(table.t[0]).containsExactly(0.5f, 0.75f, 0.125f, 0.25f);
        assertThat(IntervalMerger.merge(table.cells[0], table.whole[0], table.t[0], tech(5, 2, 3), 2))
                .containsExactly(0, 1);
        assertThat(IntervalMerger.merge(table.cells[0], table.whole[0], table.t[0], tech(5, 0, 4), 2))
                .containsExactly(0.125, 0.25, 0.5, 0.75);
    }

    /** Technologies of {@code n} slots: 4G for {@code fourG}, inactive for the others. */
    private static byte[] tech(int n, int... fourG) {
        byte[] tech = new byte[n];
        java.util.Arrays.fill(tech, ActiveCells.INACTIVE);
        for (int s : fourG) {
            tech[s] = 2;
        }
        return tech;
    }

    @Test
    void randomChangesKeepEveryEdgesIntervals() {
        long seed = Long.getLong("qamrov.seed", 20261207L);
        System.out.println("LineEdgeTableTest seed=" + seed + " (replay with -Dqamrov.seed=" + seed + ")");
        Random rnd = new Random(seed);
        for (int run = 0; run < 200; run++) {
            LineEdgeTable table = table();
            int edges = table.edgeCount;
            List<List<float[]>> expected = new ArrayList<>();
            for (int e = 0; e < edges; e++) {
                expected.add(new ArrayList<>());
            }
            int nextSlot = 0;
            int built = rnd.nextInt(6);
            int[] slots = new int[built];
            FootprintHitFinder.Hits[] hits = new FootprintHitFinder.Hits[built];
            for (int i = 0; i < built; i++) {
                slots[i] = nextSlot++;
                hits[i] = randomHits(rnd, edges, slots[i], expected);
            }
            table.bulkAttachCells(slots, hits);
            assertSame(table, expected, "run " + run + " after the build");

            for (int step = 0; step < 12; step++) {
                // a change as CellReachIndex makes it: cells off (compacted in place), cells on, the rest trimmed
                BitSet gone = new BitSet();
                for (int s = 0; s < nextSlot; s++) {
                    if (rnd.nextInt(3) == 0) {
                        gone.set(s);
                    }
                }
                int[] live = new int[edges];
                for (int e = 0; e < edges; e++) {
                    live[e] = table.compactWithout(e, gone);
                    expected.get(e).removeIf(iv -> gone.get((int) iv[0]));
                }
                List<List<float[]>> added = new ArrayList<>();
                for (int e = 0; e < edges; e++) {
                    added.add(new ArrayList<>());
                }
                int newCells = rnd.nextInt(4);
                for (int i = 0; i < newCells; i++) {
                    randomHits(rnd, edges, nextSlot++, added);
                }
                for (int e = 0; e < edges; e++) {
                    List<float[]> add = added.get(e);
                    if (add.isEmpty()) {
                        table.trim(e, live[e]);
                        continue;
                    }
                    // one entry per cell, its intervals flattened, as the change groups a cell's hits on an edge
                    List<Integer> cellsOn = new ArrayList<>();
                    List<double[]> ivs = new ArrayList<>();
                    for (float[] iv : add) { // a cell's pieces are next to each other in `add`
                        if (cellsOn.isEmpty() || cellsOn.get(cellsOn.size() - 1) != (int) iv[0]) {
                            cellsOn.add((int) iv[0]);
                            ivs.add(new double[] {iv[1], iv[2]});
                        } else {
                            double[] last = ivs.get(ivs.size() - 1);
                            double[] longer = java.util.Arrays.copyOf(last, last.length + 2);
                            longer[last.length] = iv[1];
                            longer[last.length + 1] = iv[2];
                            ivs.set(ivs.size() - 1, longer);
                        }
                    }
                    table.attachCells(e, live[e], cellsOn.stream().mapToInt(Integer::intValue).toArray(),
                            ivs.toArray(new double[0][]));
                    expected.get(e).addAll(add);
                }
                assertSame(table, expected, "run " + run + " step " + step);
            }
        }
    }

    /**
     * Edge e's cells over the whole edge, in the order they came, then its (cell, t0, t1) of partial intervals in the
     * order they came, equal {@code expected}'s; floats are kept for the partial ones only.
     */
    private static void assertSame(LineEdgeTable table, List<List<float[]>> expected, String when) {
        for (int e = 0; e < table.edgeCount; e++) {
            List<float[]> wantWhole = expected.get(e).stream().filter(iv -> iv[1] == 0 && iv[2] == 1
                    && !((int) iv[3] == 1)).toList();
            List<float[]> wantPartial = expected.get(e).stream().filter(iv -> !wantWhole.contains(iv)).toList();
            int[] cells = table.cells[e];
            float[] t = table.t[e];
            String edge = when + ", edge " + e;
            assertThat(cells).as(edge + " cells").hasSize(wantWhole.size() + wantPartial.size());
            assertThat(table.whole[e]).as(edge + " whole").isEqualTo(wantWhole.size());
            assertThat(t).as(edge + " floats").hasSize(2 * wantPartial.size());
            for (int k = 0; k < wantWhole.size(); k++) {
                assertThat(cells[k]).as(edge + " whole cell " + k).isEqualTo((int) wantWhole.get(k)[0]);
            }
            for (int k = 0; k < wantPartial.size(); k++) {
                float[] want = wantPartial.get(k);
                assertThat(cells[wantWhole.size() + k]).as(edge + " partial cell " + k).isEqualTo((int) want[0]);
                assertThat(new float[] {t[2 * k], t[2 * k + 1]}).as(edge + " interval " + k)
                        .containsExactly(want[1], want[2]);
            }
        }
    }

    /** A cell's hits on random edges, each one whole interval or one or two partial ones; recorded per edge. */
    private static FootprintHitFinder.Hits randomHits(Random rnd, int edges, int slot, List<List<float[]>> into) {
        List<Integer> reached = new ArrayList<>();
        List<double[]> ivs = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            if (rnd.nextInt(3) != 0) {
                continue;
            }
            double[] iv;
            if (rnd.nextInt(3) != 0) {
                iv = WHOLE;
            } else if (rnd.nextBoolean()) {
                float a = rnd.nextFloat();
                iv = new double[] {a, a + (1 - a) * rnd.nextFloat()};
            } else {
                iv = new double[] {0, 0.25 * rnd.nextFloat(), 0.5 + 0.5 * rnd.nextFloat(), 1};
            }
            reached.add(e);
            ivs.add(iv);
            for (int q = 0; q < iv.length; q += 2) {
                // the 4th value marks a piece of a cell with several on the edge: never whole, even if [0, 1]
                into.get(e).add(new float[] {slot, (float) iv[q], (float) iv[q + 1], iv.length > 2 ? 1 : 0});
            }
        }
        return new FootprintHitFinder.Hits(new int[0], new long[0][], reached.stream().mapToInt(Integer::intValue)
                .toArray(), ivs.toArray(new double[0][]));
    }

    private static FootprintHitFinder.Hits hits(int[] edges, double[]... intervals) {
        return new FootprintHitFinder.Hits(new int[0], new long[0][], edges, intervals);
    }

    /** One railway of about 8 × 1.9 km along a parallel, cut into edges of at most 2 km. */
    private static LineEdgeTable table() {
        GeometryFactory gf = new GeometryFactory();
        Coordinate[] cs = new Coordinate[EDGES_WANTED + 1];
        for (int k = 0; k <= EDGES_WANTED; k++) {
            cs[k] = new Coordinate(69.0 + 0.0225 * k, 41.3);
        }
        TransportLine line = new TransportLine(1, LineKind.RAILWAY, "test", null, gf.createLineString(cs));
        LineEdgeTable table = new LineEdgeTable(List.of(line), Scopes.of(List.of(), List.of()), 2000);
        assertThat(table.edgeCount).as("edges of the test line").isGreaterThanOrEqualTo(EDGES_WANTED);
        return table;
    }
}
