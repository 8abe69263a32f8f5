package uz.qamrov.planner.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;

/**
 * Copies of the live coverage model that their owner may change (planning measures what-ifs on one). A copy is made
 * from a generation's own inputs, taking that generation's footprints (a few seconds nationally), and is brought to a
 * later generation by applying the difference of the network rows, as an import does to the live model (a 10-row
 * upload: milliseconds). Only when a rebuild came in between (other settlements, lines or boundaries), or more than
 * {@link CoverageProperties#copyMaxCellsApplied} cells changed, is a new copy made ({@link #refresh}); a copy kept up
 * to date in the background is released instead after such a change ({@link #follow}). The DEM needs no check: the
 * service loads it once ({@code TerrainStore}), so every copy has the live one.
 */
@Component
public class DetachedCopies {

    private static final Logger log = LoggerFactory.getLogger(DetachedCopies.class);

    /**
     * A copy of generation {@link #generation()}'s model (-1: made before the first generation, from the database).
     * Immutable as a value: {@link #refresh} returns a new {@code Copy}, possibly of the same (changed) model.
     */
    public static final class Copy {
        private final CoverageModel model;
        private final long generation;
        private final StoredInputs fixed;
        private final String how;

        private Copy(CoverageModel model, long generation, StoredInputs fixed, String how) {
            this.model = model;
            this.generation = generation;
            this.fixed = fixed;
            this.how = how;
        }

        public CoverageModel model() {
            return model;
        }

        public long generation() {
            return generation;
        }

        /** How the copy came to be: "new copy" or "brought from generation N: …" (for logs and tests). */
        public String how() {
            return how;
        }
    }

    private final CoverageModels models;
    private final int maxCellsApplied;

    DetachedCopies(CoverageModels models, CoverageProperties properties) {
        this.models = models;
        this.maxCellsApplied = properties.copyMaxCellsApplied();
    }

    /** A new copy of the current generation. */
    public Copy copy() {
        CoverageModels.GenerationInputs g = models.currentInputs();
        return fresh(g);
    }

    /**
     * {@code copy} at the current generation: itself when nothing changed; the same model with the network's changes
     * applied when only the network changed; otherwise (a rebuild in between, a difference the engine refuses, or one
     * of more than {@link CoverageProperties#copyMaxCellsApplied} cells) a new copy. The caller must have undone its
     * own changes to the copy first.
     */
    public Copy refresh(Copy copy) {
        return bring(copy, true);
    }

    /**
     * {@link #refresh} for a copy kept up to date in the background, which no what-if waits for: where refresh would
     * make a new copy after a large difference (a national upload), this answers null, the copy released. A new copy
     * would take the live model's footprints but hold the records of every cell a second time (~100 MB after a
     * 100,000-site upload) while the service recomputes the dates the upload touched; the next what-if makes it (a
     * few seconds nationally). After a rebuild a new copy is still made (no upload is then holding memory).
     */
    public Copy follow(Copy copy) {
        return bring(copy, false);
    }

    private Copy bring(Copy copy, boolean needed) {
        CoverageModels.GenerationInputs g = models.currentInputs();
        if (copy == null || g == null || copy.fixed == null || g.fixed() != copy.fixed) {
            return fresh(g);
        }
        if (g.id() == copy.generation) {
            return copy;
        }
        try {
            String stats = applyDifference(copy.model, g.all(), maxCellsApplied);
            if (stats == null) {
                // a difference too large to apply: a new copy takes the live model's footprints
                return needed ? fresh(g) : null;
            }
            return new Copy(copy.model, g.id(), g.fixed(), "brought from generation " + copy.generation + ": " + stats);
        } catch (RuntimeException e) {
            log.warn("coverage: a detached copy could not follow generation {} ({}); {}", g.id(), e.getMessage(),
                    needed ? "making a new one" : "released");
            return needed ? fresh(g) : null;
        }
    }

    private Copy fresh(CoverageModels.GenerationInputs g) {
        if (g == null) {
            return new Copy(models.build(models.loadInputs()), -1, null, "new copy (no generation yet)");
        }
        return new Copy(models.build(g.all()), g.id(), g.fixed(), "new copy");
    }

    /**
     * Changes {@code model}'s network to {@code want}'s (rows compared whole, by id); says what it did. Null, with the
     * model unchanged, when more than {@code maxCells} cells differ: a larger difference (a national upload) is left to
     * a new copy, which takes the live model's footprints of every cell instead of computing them a second time (after
     * a 100,000-site upload the copy computed 300,000 footprints with terrain again, and the service ran out of heap).
     */
    private static String applyDifference(CoverageModel model, StoredInputs want, int maxCells) {
        List<Long> removedCells = new ArrayList<>();
        List<Cell> addedCells = new ArrayList<>();
        difference(model.cells(), want.cells(), Cell::id, removedCells, addedCells);
        if (addedCells.size() > maxCells) {
            return null;
        }
        List<Long> removedSites = new ArrayList<>();
        List<Site> addedSites = new ArrayList<>();
        difference(model.sites(), want.sites(), Site::id, removedSites, addedSites);
        List<Long> removedRoutes = new ArrayList<>();
        List<FiberRoute> addedRoutes = new ArrayList<>();
        difference(model.fiberRoutes(), want.routes(), FiberRoute::id, removedRoutes, addedRoutes);
        List<Long> removedNodes = new ArrayList<>();
        List<FiberNode> addedNodes = new ArrayList<>();
        difference(model.fiberNodes(), want.nodes(), FiberNode::id, removedNodes, addedNodes);
        if (!removedCells.isEmpty() || !addedCells.isEmpty() || !removedSites.isEmpty() || !addedSites.isEmpty()) {
            model.applySiteChanges(removedCells, addedCells, removedSites, addedSites);
        }
        if (!removedRoutes.isEmpty() || !addedRoutes.isEmpty() || !removedNodes.isEmpty() || !addedNodes.isEmpty()) {
            model.applyFiberChanges(removedRoutes, addedRoutes, removedNodes, addedNodes);
        }
        return String.format("cells -%d +%d, sites -%d +%d, fiber routes -%d +%d, nodes -%d +%d", removedCells.size(),
                addedCells.size(), removedSites.size(), addedSites.size(), removedRoutes.size(), addedRoutes.size(),
                removedNodes.size(), addedNodes.size());
    }

    /**
     * Rows of {@code want} that {@code have} lacks or holds otherwise go to {@code added}, with the id of the old row
     * in {@code removed} (a replacement); ids only {@code have} holds go to {@code removed}. A row that never counts
     * is in {@code want} but not in a model's list: it is "added" again, and the engine skips it again.
     */
    static <T> void difference(Collection<T> have, Collection<T> want, ToLongFunction<T> id, List<Long> removed,
            List<T> added) {
        Map<Long, T> held = new HashMap<>(have.size() * 2);
        have.forEach(t -> held.put(id.applyAsLong(t), t));
        for (T w : want) {
            T h = held.remove(id.applyAsLong(w));
            if (h == null) {
                added.add(w);
            } else if (!h.equals(w)) {
                removed.add(id.applyAsLong(w));
                added.add(w);
            }
        }
        removed.addAll(held.keySet());
    }
}
