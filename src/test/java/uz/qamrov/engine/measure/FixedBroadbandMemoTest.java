package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.TransportLine;

/**
 * Fixed broadband is evaluated once per date and filter until the fibre changes: a change of sites keeps it, and
 * every change of fibre (a route or a node removed, a route added) drops it. After each step the model's answers
 * equal those of a model built afresh from the same inputs.
 */
class FixedBroadbandMemoTest {

    static final LocalDate D = LocalDate.of(2026, 6, 1);

    final RandomNetwork net = new RandomNetwork(20261205);
    final List<Settlement> settlements = net.settlements(80, 0.25);
    final List<TransportLine> lines = net.lines(4);
    final List<Site> sites = new ArrayList<>();
    final List<Cell> cells = new ArrayList<>();
    final List<FiberRoute> routes = net.fiberRoutes(8);
    final List<FiberNode> nodes = net.fiberNodes(8);

    FixedBroadbandMemoTest() {
        net.sitesAndCells(30, sites, cells);
    }

    @Test
    void keptAcrossSiteChangesDroppedByEveryFibreChange() {
        CoverageModel model = IncrementalUpdateTest.build(settlements, sites, cells, lines, routes, nodes);
        model.indicators(D, CoverageFilter.ANY);
        assertThat(model.fixedBroadbandComputed()).isEqualTo(1);
        model.evaluate(D, CoverageFilter.ANY);
        assertThat(model.fixedBroadbandComputed()).as("the same date and filter again").isEqualTo(1);
        model.indicators(D, CoverageFilter.operator("turon"));
        assertThat(model.fixedBroadbandComputed()).as("another filter").isEqualTo(2);

        // sites: a fifth of the cells go, a few sites come
        Set<Long> removedCells = new HashSet<>();
        cells.stream().filter(c -> c.id() % 5 == 0).forEach(c -> removedCells.add(c.id()));
        List<Site> addedSites = new ArrayList<>();
        List<Cell> addedCells = new ArrayList<>();
        net.sitesAndCells(5, addedSites, addedCells);
        model.applySiteChanges(removedCells, addedCells, List.of(), addedSites);
        // the service passes every change on to the fibre as well, with nothing in it for a change of sites
        model.applyFiberChanges(Set.of(), List.of(), Set.of(), List.of());
        cells.removeIf(c -> removedCells.contains(c.id()));
        cells.addAll(addedCells);
        sites.addAll(addedSites);
        assertEqualsRebuild(model, "after a change of sites");
        assertThat(model.fixedBroadbandComputed()).as("sites do not change fixed broadband").isEqualTo(2);

        // a route on air at D goes: fibre km fall, and the memo must not answer with the old km
        FiberRoute route = routes.stream().filter(r -> r.validity().contains(D)).findFirst().orElseThrow();
        double kmBefore = nationalFiberKm(model);
        model.applyFiberChanges(Set.of(route.id()), List.of(), Set.of(), List.of());
        routes.remove(route);
        assertThat(nationalFiberKm(model)).isLessThan(kmBefore);
        assertEqualsRebuild(model, "after a route removed");
        long computed = model.fixedBroadbandComputed();

        FiberNode node = nodes.stream().filter(n -> n.validity().contains(D) && n.broadbandPorts() > 0).findFirst()
                .orElseThrow();
        model.applyFiberChanges(Set.of(), List.of(), Set.of(node.id()), List.of());
        nodes.remove(node);
        assertEqualsRebuild(model, "after a node removed");
        assertThat(model.fixedBroadbandComputed()).isGreaterThan(computed);
        computed = model.fixedBroadbandComputed();

        List<FiberRoute> added = net.fiberRoutes(2);
        model.applyFiberChanges(Set.of(), added, Set.of(), List.of());
        routes.addAll(added);
        assertEqualsRebuild(model, "after routes added");
        assertThat(model.fixedBroadbandComputed()).isGreaterThan(computed);
    }

    private void assertEqualsRebuild(CoverageModel model, String ctx) {
        CoverageModel rebuilt = IncrementalUpdateTest.build(settlements, sites, cells, lines, routes, nodes);
        for (CoverageFilter f : new CoverageFilter[] {CoverageFilter.ANY, CoverageFilter.operator("turon")}) {
            IncrementalUpdateTest.assertSame(model.evaluate(D, f), rebuilt.evaluate(D, f), ctx + " " + f);
            assertThat(model.indicators(D, f).values()).as(ctx + " " + f).isEqualTo(rebuilt.indicators(D, f).values());
        }
    }

    private static double nationalFiberKm(CoverageModel model) {
        return model.indicators(D, CoverageFilter.ANY).national(IndicatorKeys.FIBER_LENGTH_KM).orElseThrow().value();
    }
}
