package uz.qamrov.engine.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.measure.CellTable.CellRec;
import uz.qamrov.engine.model.Cell;

/**
 * The footprints a model has already made, offered to a model built next ({@link CoverageModelBuilder#reuseFootprints})
 * so that it takes them instead of computing them again: the national footprints with terrain are most of a build
 * (~37 s of CPU), and a rebuild or a planning copy usually has almost all of its cells unchanged.
 *
 * <p>A footprint is a function of the cell, its environment class, the link budget, the radio settings and the DEM.
 * So one is taken only when the cell is equal (the whole record), the environment class of its location is the same
 * in both models (it depends on the settlements), and both models use the same budget and radio settings, the same
 * DEM object and no custom footprint model. Anything else is computed as usual. Footprints are immutable, so two
 * models may share them. A model of the same {@link ReachLayout} (a planning copy, a rebuild with unchanged
 * settlements, lines and boundaries) also takes the hits of every footprint it took.
 *
 * <p>A snapshot: taken under the giving model's read lock, it does not see that model's later changes.
 */
public final class ReusableFootprints {

    private final CellFootprints recipe;
    private final Map<Long, CellRec> byCellId;
    private final ReachLayout layout;
    /** The giving model's edge intervals per cell, turned around on first use (under that model's read lock). */
    private final Supplier<EdgeIntervalsByCell> edgeIntervals;
    private EdgeIntervalsByCell turned;

    private ReusableFootprints(CellFootprints recipe, Map<Long, CellRec> byCellId, ReachLayout layout,
            Supplier<EdgeIntervalsByCell> edgeIntervals) {
        this.recipe = recipe;
        this.byCellId = byCellId;
        this.layout = layout;
        this.edgeIntervals = edgeIntervals;
    }

    /**
     * Called under the giving model's read lock; {@code edgeIntervals} turns that model's edge table around when a
     * model of the same layout first asks for hits (a model of another layout never does).
     */
    static ReusableFootprints of(CellFootprints recipe, List<CellRec> live, ReachLayout layout,
            Supplier<EdgeIntervalsByCell> edgeIntervals) {
        Map<Long, CellRec> byId = new HashMap<>(live.size() * 2);
        for (CellRec r : live) {
            byId.put(r.cell.id(), r);
        }
        return new ReusableFootprints(recipe, byId, layout, edgeIntervals);
    }

    /** Whether a model of {@code other}'s layout gives the offered footprints the hits they had. */
    boolean sameLayoutAs(ReachLayout other) {
        return layout.sameAs(other);
    }

    /**
     * The hits of the offered record of {@code c} when the asking model took that record's footprint and has the
     * same layout (the caller checked {@link #sameLayoutAs}); else null.
     */
    FootprintHitFinder.Hits hitsFor(Cell c, Footprint taken) {
        CellRec r = byCellId.get(c.id());
        if (r == null || r.footprint != taken || r.settlementBits == null) {
            return null;
        }
        // the giving model may have changed since this snapshot: a record it no longer holds gives no intervals,
        // and its cell's hits are found afresh
        double[][] intervals = edgeIntervals().of(r);
        return intervals == null ? null : new FootprintHitFinder.Hits(r.settlements, r.settlementBits, r.edges, intervals);
    }

    private synchronized EdgeIntervalsByCell edgeIntervals() {
        if (turned == null) {
            turned = edgeIntervals.get();
        }
        return turned;
    }

    /** How many footprints are offered. */
    public int size() {
        return byCellId.size();
    }

    /** Whether footprints made with {@code other} would equal this recipe's for the same cell and environment. */
    boolean sameRecipeAs(CellFootprints other) {
        return recipe.sameRecipeAs(other);
    }

    /** The offered footprint of {@code c} when it is valid for {@code asker} (same recipe already checked), or null. */
    CellFootprints.Shape shapeFor(Cell c, CellFootprints asker) {
        CellRec r = byCellId.get(c.id());
        if (r == null || !r.cell.equals(c) || recipe.environmentOf(c) != asker.environmentOf(c)) {
            return null;
        }
        return new CellFootprints.Shape(r.footprint, r.range);
    }
}
