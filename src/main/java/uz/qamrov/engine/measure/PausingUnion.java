package uz.qamrov.engine.measure;

import java.util.Collection;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.operation.overlay.snap.SnapIfNeededOverlayOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.union.UnionStrategy;

/**
 * JTS's unary (cascaded) union with a pause point between its pieces. A cascaded union is a tree of pairwise
 * unions; one region's union is up to ~6 s of them, and work that must let more urgent work go first (a union
 * built in the background while a reader waits for a month's run) could only do so before or after all of it. Here
 * {@code between} runs before every pairwise union, so such work can pause within one piece: milliseconds, a
 * fraction of a second for the last pieces of a big region.
 *
 * <p>The pairwise union is the one {@link UnaryUnionOp} uses by default (JTS's "classic" strategy: the overlay with
 * snapping if needed, OverlayNG's robust overlay after a topology error), in the same tree: the result is the same
 * geometry, vertex for vertex ({@code PausingUnionTest}).
 */
final class PausingUnion implements UnionStrategy {

    private final Runnable between;

    private PausingUnion(Runnable between) {
        this.between = between;
    }

    /** The union of {@code geometries} as {@link UnaryUnionOp#union(Collection)}, running {@code between} between pieces. */
    static Geometry union(Collection<? extends Geometry> geometries, Runnable between) {
        UnaryUnionOp op = new UnaryUnionOp(geometries);
        op.setUnionFunction(new PausingUnion(between));
        return op.union();
    }

    @Override
    public Geometry union(Geometry g0, Geometry g1) {
        between.run();
        try {
            return SnapIfNeededOverlayOp.union(g0, g1);
        } catch (TopologyException e) {
            return OverlayNGRobust.overlay(g0, g1, OverlayNG.UNION);
        }
    }

    @Override
    public boolean isFloatingPrecision() {
        return true;
    }
}
