package uz.qamrov.planner.hexagon;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binner on points placed at two cells' centres (from the library), with sums and classes worked by hand.
 * Cell 1 = the res-7 cell of (69.3, 41.2); cell 2 = its neighbour to the east (a cell at ~3 km distance).
 */
class HexagonBinnerTest {

    static H3Core h3;
    static double[] c1;
    static double[] c2;

    @BeforeAll
    static void cells() throws IOException {
        h3 = H3Core.newInstance();
        long one = h3.latLngToCell(41.2, 69.3, 7);
        long two = h3.gridDisk(one, 1).stream().filter(c -> c != one).findFirst().orElseThrow();
        c1 = lonLat(one);
        c2 = lonLat(two);
    }

    private static double[] lonLat(long cell) {
        var p = h3.cellToLatLng(cell);
        return new double[] {p.lng, p.lat};
    }

    private static Hexagon at(List<Hexagon> hs, double[] p) {
        String address = h3.latLngToCellAddress(p[1], p[0], 7);
        return hs.stream().filter(h -> h.h3().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void sumsPeopleAndCoveredPeoplePerCell() {
        HexagonBinner b = new HexagonBinner(h3, 7);
        b.add(c1[0], c1[1], 1000, true, "good");
        b.add(c1[0] + 0.001, c1[1], 300, false, "below_threshold");
        b.add(c2[0], c2[1], 50, false, null);
        List<Hexagon> hs = b.hexagons();
        assertThat(hs).hasSize(2);
        Hexagon one = at(hs, c1);
        assertThat(one.population()).isEqualTo(1300);
        assertThat(one.populationCovered()).isEqualTo(1000);
        assertThat(one.settlements()).isEqualTo(2);
        assertThat(one.settlementsCovered()).isEqualTo(1);
        assertThat(one.coveredPct()).isEqualTo(76.92); // 1000 / 1300 = 76.923 %
        assertThat(one.signalClass()).isEqualTo("good"); // 1,000 good people against 300 below
        assertThat(one.populationByClass()).containsEntry("good", 1000L).containsEntry("fair", 0L).containsEntry("below_threshold", 300L);
        Hexagon two = at(hs, c2);
        assertThat(two.signalClass()).isNull();
        assertThat(two.coveredPct()).isEqualTo(0.0);
        // most populous first
        assertThat(hs.get(0)).isEqualTo(one);
    }

    @Test
    void equalPeopleGoToMoreSettlementsThenToTheWorseClass() {
        HexagonBinner b = new HexagonBinner(h3, 7);
        b.add(c1[0], c1[1], 400, true, "good");
        b.add(c1[0], c1[1], 200, true, "fair");
        b.add(c1[0], c1[1], 200, true, "fair");
        assertThat(b.hexagons().get(0).signalClass()).isEqualTo("fair");
        HexagonBinner tie = new HexagonBinner(h3, 7);
        tie.add(c1[0], c1[1], 400, true, "good");
        tie.add(c1[0], c1[1], 400, false, "below_threshold");
        assertThat(tie.hexagons().get(0).signalClass()).isEqualTo("below_threshold");
    }

    @Test
    void coveredShareNeverRoundsOntoZeroOrHundredUnlessItIs() {
        // 79,997 of 80,000 is 99.996 %: shown 99.99, not 100; 3 of 80,000 is 0.004 %: shown 0.01, not 0
        assertThat(new Hexagon("x", 7, 80_000, 79_997, 2, 1, null, java.util.Map.of(), null).coveredPct()).isEqualTo(99.99);
        assertThat(new Hexagon("x", 7, 80_000, 3, 2, 1, null, java.util.Map.of(), null).coveredPct()).isEqualTo(0.01);
        assertThat(new Hexagon("x", 7, 80_000, 80_000, 2, 2, null, java.util.Map.of(), null).coveredPct()).isEqualTo(100.0);
        assertThat(new Hexagon("x", 7, 0, 0, 1, 0, null, java.util.Map.of(), null).coveredPct()).isNull();
    }

    @Test
    void ringsAreClosedAndCounterClockwise() {
        HexagonBinner b = new HexagonBinner(h3, 8);
        b.add(c1[0], c1[1], 1, true, "good");
        double[][] ring = b.hexagons().get(0).ring();
        assertThat(ring.length).isEqualTo(7);
        assertThat(ring[0]).isEqualTo(ring[6]);
        double twiceArea = 0;
        for (int i = 0; i < 6; i++) {
            twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        }
        assertThat(twiceArea).isPositive();
    }
}
