package uz.qamrov.geodata.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The access network's build order and reach, on cases worked out on paper. */
class AccessScheduleTest {

    /**
     * Four settlements: town 0 (1,000 households), villages 1 and 2 (10 each), town 3 (500); 1,520 in all. Groups
     * (one per settlement): A reaches {0} with 1 km, B {1} with 10 km, C {2, 0} with 10 km (village 2's tree cable ends
     * at town 0), D {3} with 1 km. Target: 0 at 0 km, 50 % at 10 km, 90 % at 20 km, 100 % at 22 km.
     * <pre>
     * step  km   target hh       covered  gap     choice
     * 1      0   0               0        0       lowest yield: B (10)
     * 2     10   760             10       750     most that fits 750 + 0.5 %: C (1,010) and A (1,000) no, D (500)
     * 3     11   820.8           510      310.8   none fits: the largest, C (covers town 0 as well)
     * 4     21   1,444           1,520    &lt; 0     lowest: A (adds nothing now)
     * </pre>
     */
    @Test
    void followsTheTargetAndCountsWhatACableReallyReaches() {
        List<AccessSchedule.Group> groups = List.of(new AccessSchedule.Group(1, new int[] {0}),
                new AccessSchedule.Group(10, new int[] {1}), new AccessSchedule.Group(10, new int[] {0, 2}),
                new AccessSchedule.Group(1, new int[] {3}));
        int[] order = AccessSchedule.order(groups, new long[] {1000, 10, 10, 500}, 0, new double[] {0, 10, 20, 22},
                new double[] {0, 0.5, 0.9, 1});
        assertArrayEquals(new int[] {1, 3, 2, 0}, order);
    }

    @Test
    void targetIsPiecewiseLinearAndFlatOutside() {
        double[] km = {5, 10, 20};
        double[] share = {0, 0.5, 0.7};
        assertEquals(0, AccessSchedule.target(0, km, share), 1e-12);
        assertEquals(0.25, AccessSchedule.target(7.5, km, share), 1e-12);
        assertEquals(0.6, AccessSchedule.target(15, km, share), 1e-12);
        assertEquals(0.7, AccessSchedule.target(99, km, share), 1e-12);
    }

    /**
     * A cable along the parallel 41°N from 64.00 to 64.10°E; settlements 0.005° north of its middle (555 m), 0.010°
     * north (1,110 m), and 0.005° east of its end (0.005 × 111,320 × cos 41° = 420 m).
     */
    @Test
    void reachIsTheDropDistanceFromTheCable() {
        AccessSchedule.Reach reach = new AccessSchedule.Reach(new double[][] {{64.05, 41.005}, {64.05, 41.010},
            {64.105, 41.0}});
        assertArrayEquals(new int[] {0, 2}, reach.of(new Coordinate[] {new Coordinate(64.0, 41.0), new Coordinate(64.1, 41.0)}));
        assertArrayEquals(new int[] {0}, reach.of(new Coordinate[] {new Coordinate(64.05, 41.0)}));
        assertEquals(555, AccessSchedule.Reach.distanceM(64.05, 41.005, new Coordinate[] {new Coordinate(64.0, 41.0),
            new Coordinate(64.1, 41.0)}), 1);
    }
}
