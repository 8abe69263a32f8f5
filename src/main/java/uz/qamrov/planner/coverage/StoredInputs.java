package uz.qamrov.planner.coverage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.measure.ReusableFootprints;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.terrain.Dem;

/**
 * Everything a coverage model is built from: one definition of "the model's inputs" for a rebuild (read from the
 * database) and for planning's detached copy (taken from the generation it copies).
 */
record StoredInputs(List<Settlement> settlements, List<Cell> cells, List<Site> sites, List<TransportLine> lines,
        List<FiberRoute> routes, List<FiberNode> nodes, List<ServiceDeclaration> declarations, List<AdminArea> areas,
        long loadMs) {

    /** Reads every input; the two largest (cells, fiber routes) alongside the rest. */
    static StoredInputs load(CoverageInputRepository inputs) {
        long t0 = System.nanoTime();
        var cellsF = CompletableFuture.supplyAsync(() -> inputs.cells(null));
        var fiberF = CompletableFuture.supplyAsync(() -> inputs.fiberRoutes(null));
        List<Settlement> settlements = inputs.settlements();
        List<Site> sites = inputs.sites(null);
        List<TransportLine> lines = inputs.transportLines();
        List<FiberNode> nodes = inputs.fiberNodes(null);
        List<ServiceDeclaration> declarations = inputs.declarations();
        List<AdminArea> areas = inputs.adminAreas();
        List<Cell> cells = join(cellsF);
        List<FiberRoute> routes = join(fiberF);
        return new StoredInputs(settlements, cells, sites, lines, routes, nodes, declarations, areas,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The inputs of a generation: the layers only a rebuild changes (settlements, lines, declarations, areas: as
     * the rebuild read them, {@code fixed}) and the network as the generation holds it now, in id order.
     */
    static StoredInputs of(StoredInputs fixed, ModelGeneration g) {
        List<Cell> cells = g.cellsBySite().cells()
                .sorted(java.util.Comparator.comparingLong(Cell::id)).toList();
        List<Site> sites = g.model().sites().stream().sorted(java.util.Comparator.comparingLong(Site::id)).toList();
        List<FiberRoute> routes = g.fiberRoutes().values().stream()
                .sorted(java.util.Comparator.comparingLong(FiberRoute::id)).toList();
        List<FiberNode> nodes = g.fiberNodes().values().stream()
                .sorted(java.util.Comparator.comparingLong(FiberNode::id)).toList();
        return new StoredInputs(fixed.settlements, cells, sites, fixed.lines, routes, nodes, fixed.declarations,
                fixed.areas, 0);
    }

    /** Only the layers a rebuild alone changes (the network lists empty): what a generation keeps of its inputs. */
    StoredInputs fixedPart() {
        return new StoredInputs(settlements, List.of(), List.of(), lines, List.of(), List.of(), declarations, areas,
                loadMs);
    }

    /** The model of these inputs; {@code reuse} (may be null) offers footprints an earlier model made. */
    CoverageModel build(CoverageSettings settings, Dem terrain, ReusableFootprints reuse) {
        return new CoverageModelBuilder().settings(settings).settlements(settlements).cells(cells).sites(sites)
                .lines(lines).fiberRoutes(routes).fiberNodes(nodes).declarations(declarations).adminAreas(areas)
                .terrain(terrain).reuseFootprints(reuse).build();
    }

    @Override
    public String toString() {
        return settlements.size() + " settlements, " + cells.size() + " cells on " + sites.size() + " sites, "
                + lines.size() + " lines, " + routes.size() + " fiber routes, " + nodes.size() + " nodes";
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
