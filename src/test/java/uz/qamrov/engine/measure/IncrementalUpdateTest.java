package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;

/** Incremental updates give the same snapshot as a rebuild from the changed inputs. */
class IncrementalUpdateTest {

    // fixed seeds by default; -Dqamrov.seed=N replays one, -Dqamrov.seed=random explores (see TestSeeds)
    @RepeatedTest(3)
    void incrementalEqualsFullRebuild(RepetitionInfo repetition) {
        long seed = TestSeeds.seed("IncrementalUpdateTest", 20261201L + repetition.getCurrentRepetition());
        RandomNetwork net = new RandomNetwork(seed);
        Random rnd = net.random();
        List<Settlement> settlements = net.settlements(120, 0.25);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(50, sites, cells);
        List<TransportLine> lines = net.lines(6);
        List<FiberRoute> routes = net.fiberRoutes(10);
        List<FiberNode> nodes = net.fiberNodes(10);
        CoverageModel model = build(settlements, sites, cells, lines, routes, nodes);

        for (int round = 0; round < 3; round++) {
            // remove ~20% of cells and sites, add new ones, and replace a few cells in place (same id)
            Set<Long> removedCells = new HashSet<>();
            List<Cell> addedCells = new ArrayList<>();
            for (Cell c : cells) {
                double u = rnd.nextDouble();
                if (u < 0.2) {
                    removedCells.add(c.id());
                } else if (u < 0.25) {
                    removedCells.add(c.id());
                    addedCells.add(new Cell(c.id(), c.siteId(), c.operator(), Technology.G4, c.bandMhz(), c.azimuthDeg(),
                            c.beamwidthDeg(), c.antennaHeightM(), c.eirpDbm(), 2_000 + 6_000 * rnd.nextDouble(), c.lon(),
                            c.lat(), c.validity()));
                }
            }
            Set<Long> removedSites = new HashSet<>();
            for (Site s : sites) {
                if (rnd.nextDouble() < 0.2) {
                    removedSites.add(s.id());
                }
            }
            List<Site> addedSites = new ArrayList<>();
            net.sitesAndCells(8, addedSites, addedCells);
            ChangeStats stats = model.applySiteChanges(removedCells, addedCells, removedSites, addedSites);
            cells.removeIf(c -> removedCells.contains(c.id()));
            cells.addAll(addedCells);
            sites.removeIf(s -> removedSites.contains(s.id()));
            sites.addAll(addedSites);

            Set<Long> removedRoutes = new HashSet<>();
            routes.stream().filter(r -> rnd.nextDouble() < 0.3).forEach(r -> removedRoutes.add(r.id()));
            Set<Long> removedNodes = new HashSet<>();
            nodes.stream().filter(r -> rnd.nextDouble() < 0.3).forEach(r -> removedNodes.add(r.id()));
            List<FiberRoute> addedRoutes = net.fiberRoutes(3);
            List<FiberNode> addedNodes = net.fiberNodes(3);
            ChangeStats fstats = model.applyFiberChanges(removedRoutes, addedRoutes, removedNodes, addedNodes);
            routes.removeIf(r -> removedRoutes.contains(r.id()));
            routes.addAll(addedRoutes);
            nodes.removeIf(r -> removedNodes.contains(r.id()));
            nodes.addAll(addedNodes);
            System.out.println("round " + round + ": " + stats + " " + fstats);

            CoverageModel rebuilt = build(settlements, sites, cells, lines, routes, nodes);
            for (LocalDate d : new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 1)}) {
                for (CoverageFilter f : new CoverageFilter[] {CoverageFilter.ANY, CoverageFilter.operator("beeline"),
                        CoverageFilter.technology(Technology.G4)}) {
                    assertSame(model.evaluate(d, f), rebuilt.evaluate(d, f), "seed " + seed + " round " + round + " " + d
                            + " " + f);
                }
            }
        }
    }

    static CoverageModel build(List<Settlement> settlements, List<Site> sites, List<Cell> cells,
            List<TransportLine> lines, List<FiberRoute> routes, List<FiberNode> nodes) {
        return new CoverageModelBuilder().settlements(settlements).sites(sites).cells(cells).lines(lines)
                .fiberRoutes(routes).fiberNodes(nodes).adminAreas(RandomNetwork.areas()).build();
    }

    static void assertSame(CoverageSnapshot a, CoverageSnapshot b, String ctx) {
        assertThat(a.settlements()).as(ctx).isEqualTo(b.settlements());
        assertThat(a.stretches()).as(ctx).hasSameSizeAs(b.stretches());
        for (int i = 0; i < a.stretches().size(); i++) {
            LineStretch x = a.stretches().get(i);
            LineStretch y = b.stretches().get(i);
            assertThat(x.lineId()).as(ctx).isEqualTo(y.lineId());
            assertThat(x.service()).as(ctx).isEqualTo(y.service());
            assertThat(x.covered()).as(ctx).isEqualTo(y.covered());
            assertThat(x.regionCode()).as(ctx).isEqualTo(y.regionCode());
            assertThat(x.fromKm()).as(ctx).isCloseTo(y.fromKm(), within(1e-9));
            assertThat(x.toKm()).as(ctx).isCloseTo(y.toKm(), within(1e-9));
            assertThat(x.geometry().equalsExact(y.geometry(), 1e-12)).as(ctx).isTrue();
        }
        List<IndicatorValue> ia = a.indicators().values();
        List<IndicatorValue> ib = b.indicators().values();
        assertThat(ia).as(ctx).hasSameSizeAs(ib);
        for (int i = 0; i < ia.size(); i++) {
            assertThat(ia.get(i).key()).as(ctx).isEqualTo(ib.get(i).key());
            assertThat(ia.get(i).scopeCode()).as(ctx).isEqualTo(ib.get(i).scopeCode());
            assertThat(ia.get(i).value()).as(ctx + " " + ia.get(i).key()).isCloseTo(ib.get(i).value(), within(1e-9));
            assertThat(ia.get(i).denominator()).as(ctx).isCloseTo(ib.get(i).denominator(), within(1e-9));
        }
    }
}
