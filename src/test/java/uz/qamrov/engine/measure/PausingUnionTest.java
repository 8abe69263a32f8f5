package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class PausingUnionTest {

    private final GeometryFactory gf = new GeometryFactory();

    /** Random overlapping discs and triangles, as many footprints of a region overlap. */
    private List<Geometry> shapes(long seed, int n) {
        Random rnd = new Random(seed);
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble() * 10;
            double y = rnd.nextDouble() * 10;
            if (i % 3 == 0) {
                out.add(gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + rnd.nextDouble(), y),
                        new Coordinate(x, y + rnd.nextDouble()), new Coordinate(x, y)}));
            } else {
                out.add(gf.createPoint(new Coordinate(x, y)).buffer(0.1 + rnd.nextDouble() * 0.6, 8));
            }
        }
        return out;
    }

    @Test
    void theSameGeometryAsJtsUnaryUnionVertexForVertex() {
        for (long seed = 1; seed <= 4; seed++) {
            List<Geometry> polys = shapes(seed, 400);
            Geometry expected = UnaryUnionOp.union(polys);
            Geometry actual = PausingUnion.union(polys, () -> { });
            assertThat(actual.equalsExact(expected)).as("seed %d", seed).isTrue();
            assertThat(actual.getNumPoints()).isEqualTo(expected.getNumPoints());
        }
    }

    @Test
    void itPausesBeforeEveryPairwiseUnion() {
        // a cascaded union merges n polygons two at a time: n - 1 pairwise unions, each after a pause point
        for (int n : new int[] {1, 2, 3, 17, 250}) {
            AtomicInteger pauses = new AtomicInteger();
            PausingUnion.union(shapes(n, n), pauses::incrementAndGet);
            assertThat(pauses.get()).as("%d polygons", n).isEqualTo(n - 1);
        }
    }
}
