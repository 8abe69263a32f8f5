package uz.qamrov.planner.coverage;

import java.util.Map;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;

/**
 * One generation of the in-memory coverage model: its id (a row of {@code coverage_generations}) and what the
 * service needs beside the engine model. Each change of the model makes a new generation; results (cached
 * evaluations, stored runs) are tagged with the generation they were computed on.
 *
 * <p>The engine model itself is updated in place for speed (a copy of the national model would cost ~0.5 GB per
 * import): {@link CoverageModels} swaps the generation and mutates the model under its write lock, and every read
 * evaluates and reads the generation id under the read lock, so a result is always tagged with the generation it
 * was computed on. The maps here are never mutated: a change builds new ones.
 *
 * @param cellsBySite the cells the model holds per site (to remove a changed site's cells)
 * @param fiberRoutes each fiber route the model holds, by id (a change compares old and new content)
 * @param fiberNodes each fiber node the model holds, by id
 * @param fiberVersion the generation that last changed the fiber (routes or nodes): generations with the same value
 *     hold the same fiber, so what depends on fiber only (its nearest index, distances to it) carries over
 * @param fixedInputs the layers only a rebuild changes (settlements, lines, declarations, areas), as the last rebuild
 *     read them: with the maps above, everything the model was built from ({@link StoredInputs#of})
 */
record ModelGeneration(long id, CoverageModel model, Map<Long, Settlement> settlements, SiteCells cellsBySite,
        Map<Long, FiberRoute> fiberRoutes, Map<Long, FiberNode> fiberNodes, long fiberVersion, StoredInputs fixedInputs) {
}
