package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uz.qamrov.engine.Fixtures.cell;
import static uz.qamrov.engine.Fixtures.village;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.footprint.SectorFootprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;

/**
 * A change that fails leaves the model exactly as it was (every part of it is checked before anything moves), and
 * an incremental model fails only where a rebuild with the same inputs would (operator ids are freed, slots
 * compacted).
 */
class AtomicChangeTest {

    static final LocalDate[] DATES = {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 1)};
    static final CoverageFilter[] FILTERS = {CoverageFilter.ANY, CoverageFilter.operator("ucell"),
            CoverageFilter.technology(Technology.G4)};

    final RandomNetwork net = new RandomNetwork(20261201);
    final List<Settlement> settlements = net.settlements(80, 0.25);
    final List<TransportLine> lines = net.lines(4);
    final List<Site> sites = new ArrayList<>();
    final List<Cell> cells = new ArrayList<>();
    final List<FiberRoute> routes = net.fiberRoutes(6);
    final List<FiberNode> nodes = net.fiberNodes(6);

    AtomicChangeTest() {
        net.sitesAndCells(30, sites, cells);
    }

    CoverageModel build(List<Cell> c, List<Site> s, List<FiberRoute> r, List<FiberNode> n) {
        return IncrementalUpdateTest.build(settlements, s, c, lines, r, n);
    }

    static List<CoverageSnapshot> evaluateAll(CoverageModel m) {
        List<CoverageSnapshot> out = new ArrayList<>();
        for (LocalDate d : DATES) {
            for (CoverageFilter f : FILTERS) {
                out.add(m.evaluate(d, f));
            }
        }
        return out;
    }

    static void assertUnchanged(CoverageModel m, List<CoverageSnapshot> before, List<Cell> cellsBefore,
            List<Site> sitesBefore, String ctx) {
        List<CoverageSnapshot> after = evaluateAll(m);
        for (int i = 0; i < before.size(); i++) {
            IncrementalUpdateTest.assertSame(after.get(i), before.get(i), ctx + " evaluation " + i);
        }
        assertThat(m.cells()).as(ctx).isEqualTo(cellsBefore);
        assertThat(m.sites()).as(ctx).isEqualTo(sitesBefore);
    }

    @Test
    void failingSiteChangeLeavesTheModelAsItWas() {
        CoverageModel m = build(cells, sites, routes, nodes);
        List<CoverageSnapshot> before = evaluateAll(m);
        List<Cell> cellsBefore = m.cells();
        List<Site> sitesBefore = m.sites();

        // remove a third of the cells and replace a few; the last added cell reuses the id of a cell that stays
        Set<Long> removed = new HashSet<>();
        List<Cell> added = new ArrayList<>();
        for (int i = 0; i < cells.size(); i += 3) {
            removed.add(cells.get(i).id());
        }
        List<Site> addedSites = new ArrayList<>();
        net.sitesAndCells(5, addedSites, added);
        Cell kept = cells.get(1);
        added.add(cell(kept.id(), "ucell", Technology.G4, kept.lon(), kept.lat(), null, 360, 5_000));
        assertThatThrownBy(() -> m.applySiteChanges(removed, added, List.of(sites.get(0).id()), addedSites))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duplicate cell id");
        assertUnchanged(m, before, cellsBefore, sitesBefore, "duplicate cell");

        // same, failing on the last added site instead
        added.remove(added.size() - 1);
        List<Site> badSites = new ArrayList<>(addedSites);
        badSites.add(sites.get(1));
        assertThatThrownBy(() -> m.applySiteChanges(removed, added, List.of(sites.get(0).id()), badSites))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duplicate site id");
        assertUnchanged(m, before, cellsBefore, sitesBefore, "duplicate site");

        // a null cell last
        List<Cell> withNull = new ArrayList<>(added);
        withNull.add(null);
        assertThatThrownBy(() -> m.applySiteChanges(removed, withNull, List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertUnchanged(m, before, cellsBefore, sitesBefore, "null cell");

        // the valid part of the change still applies, and equals a rebuild
        m.applySiteChanges(removed, added, List.of(sites.get(0).id()), addedSites);
        List<Cell> c2 = new ArrayList<>(cells);
        c2.removeIf(c -> removed.contains(c.id()));
        c2.addAll(added);
        List<Site> s2 = new ArrayList<>(sites.subList(1, sites.size()));
        s2.addAll(addedSites);
        List<CoverageSnapshot> rebuilt = evaluateAll(build(c2, s2, routes, nodes));
        List<CoverageSnapshot> incremental = evaluateAll(m);
        for (int i = 0; i < rebuilt.size(); i++) {
            IncrementalUpdateTest.assertSame(incremental.get(i), rebuilt.get(i), "after valid change " + i);
        }
    }

    @Test
    void failingFiberChangeLeavesTheModelAsItWas() {
        CoverageModel m = build(cells, sites, routes, nodes);
        List<CoverageSnapshot> before = evaluateAll(m);
        List<FiberRoute> routesBefore = m.fiberRoutes();
        List<FiberNode> nodesBefore = m.fiberNodes();
        List<FiberRoute> addedRoutes = net.fiberRoutes(3);
        List<FiberNode> addedNodes = new ArrayList<>(net.fiberNodes(3));
        addedNodes.add(nodes.get(2)); // already there and not removed
        assertThatThrownBy(() -> m.applyFiberChanges(List.of(routes.get(0).id()), addedRoutes,
                List.of(nodes.get(0).id()), addedNodes)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("duplicate fiber node id");
        assertUnchanged(m, before, cells, sites, "duplicate node");
        assertThat(m.fiberRoutes()).isEqualTo(routesBefore);
        assertThat(m.fiberNodes()).isEqualTo(nodesBefore);
    }

    @Test
    void footprintModelFailureOnTheLastCellLeavesTheModelAsItWas() {
        long badId = 999_999;
        CoverageModel m = new CoverageModelBuilder().footprintModel(c -> c.id() == badId ? null
                : new SectorFootprint(c.lon(), c.lat(), c.isOmni() ? null : c.azimuthDeg(), c.beamwidthDeg(), 4_000))
                .settlements(settlements).lines(lines).sites(sites).cells(cells).adminAreas(RandomNetwork.areas())
                .build();
        List<CoverageSnapshot> before = evaluateAll(m);
        List<Cell> added = new ArrayList<>();
        net.sitesAndCells(4, new ArrayList<>(), added);
        added.add(cell(badId, "ucell", Technology.G4, 66.2, 40.2, null, 360, 5_000));
        Set<Long> removed = Set.of(cells.get(0).id(), cells.get(1).id());
        assertThatThrownBy(() -> m.applySiteChanges(removed, added, List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no footprint");
        assertUnchanged(m, before, cells, sites, "no footprint");
    }

    /** 64 operators, one cell each, 1 km apart along a parallel; village i sits on cell i. */
    static List<Cell> oneCellPerOperator(int n, int firstOp) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(cell(i + 1, "op" + (firstOp + i), Technology.G4, 66 + 0.02 * i, 40, null, 360, 300));
        }
        return out;
    }

    @Test
    void operatorIdsAreFreedSoIncrementalFailsOnlyWhereARebuildWould() {
        List<Settlement> villages = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            villages.add(village(i + 1, 66 + 0.02 * i, 40, 100));
        }
        List<Cell> start = oneCellPerOperator(64, 0);
        CoverageModel m = new CoverageModelBuilder().settlements(villages).cells(start).build();
        assertThat(m.operatorCount()).isEqualTo(64);

        // a 65th operator while all 64 stay: a rebuild fails, so must the change, and the model is unchanged
        Cell op64 = cell(65, "op64", Technology.G4, 66 + 0.02 * 64, 40, null, 360, 300);
        List<Cell> all65 = new ArrayList<>(start);
        all65.add(op64);
        assertThatThrownBy(() -> new CoverageModelBuilder().settlements(villages).cells(all65).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("64 operators");
        List<CoverageSnapshot> before = List.of(m.evaluate(DATES[0], CoverageFilter.ANY));
        assertThatThrownBy(() -> m.applySiteChanges(List.of(), List.of(op64), List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("64 operators");
        IncrementalUpdateTest.assertSame(m.evaluate(DATES[0], CoverageFilter.ANY), before.get(0), "65 operators");
        assertThat(m.operatorCount()).isEqualTo(64);

        // op0 leaves and op64 arrives: a rebuild succeeds, and so does the change, with the same answers
        m.applySiteChanges(List.of(1L), List.of(op64), List.of(), List.of());
        assertThat(m.operatorCount()).isEqualTo(64);
        List<Cell> swapped = new ArrayList<>(start.subList(1, 64));
        swapped.add(op64);
        CoverageModel rebuilt = new CoverageModelBuilder().settlements(villages).cells(swapped).build();
        for (CoverageFilter f : new CoverageFilter[] {CoverageFilter.ANY, CoverageFilter.operator("op64"),
                CoverageFilter.operator("op0"), CoverageFilter.operator("op7")}) {
            IncrementalUpdateTest.assertSame(m.evaluate(DATES[0], f), rebuilt.evaluate(DATES[0], f), "swap " + f);
        }
        // village 65 is op64's, village 1 nobody's any more
        CoverageSnapshot s = m.evaluate(DATES[0], CoverageFilter.operator("op64"));
        assertThat(s.isCovered(65, uz.qamrov.engine.model.Service.MOBILE_ANY)).isTrue();
        assertThat(s.isCovered(1, uz.qamrov.engine.model.Service.MOBILE_ANY)).isFalse();
        assertThat(m.evaluate(DATES[0], CoverageFilter.operator("op0")).isCovered(1,
                uz.qamrov.engine.model.Service.MOBILE_ANY)).isFalse();
    }

    @Test
    void tombstonedSlotsAreCompacted() {
        CoverageModel m = build(cells, sites, routes, nodes);
        List<Cell> current = new ArrayList<>(cells);
        List<Site> currentSites = new ArrayList<>(sites);
        List<FiberRoute> currentRoutes = new ArrayList<>(routes);
        for (int round = 0; round < 6; round++) {
            // replace every cell by new ids, and every fiber route
            Set<Long> removed = new HashSet<>();
            current.forEach(c -> removed.add(c.id()));
            List<Cell> added = new ArrayList<>();
            List<Site> addedSites = new ArrayList<>();
            net.sitesAndCells(30, addedSites, added);
            m.applySiteChanges(removed, added, List.of(), addedSites);
            current = added;
            currentSites.addAll(addedSites);
            Set<Long> removedRoutes = new HashSet<>();
            currentRoutes.forEach(r -> removedRoutes.add(r.id()));
            List<FiberRoute> addedRoutes = net.fiberRoutes(6);
            m.applyFiberChanges(removedRoutes, addedRoutes, List.of(), List.of());
            currentRoutes = addedRoutes;
            // without compaction the slots would grow by ~60 a round
            assertThat(m.cellSlotCount()).as("round %d", round).isLessThanOrEqualTo(2 * current.size());
        }
        CoverageModel rebuilt = build(current, currentSites, currentRoutes, nodes);
        List<CoverageSnapshot> a = evaluateAll(m);
        List<CoverageSnapshot> b = evaluateAll(rebuilt);
        for (int i = 0; i < a.size(); i++) {
            IncrementalUpdateTest.assertSame(a.get(i), b.get(i), "after compaction " + i);
        }
    }

    @Test
    void validityNeverIsNotADuplicate() {
        // a never-counting row with the id of a live cell is skipped, as a rebuild would skip it
        Cell live = cells.get(0);
        Cell ghost = new Cell(live.id(), live.siteId(), live.operator(), live.technology(), live.bandMhz(),
                live.azimuthDeg(), live.beamwidthDeg(), live.antennaHeightM(), live.eirpDbm(), live.rangeM(), live.lon(),
                live.lat(), Validity.NEVER);
        CoverageModel m = build(cells, sites, routes, nodes);
        m.applySiteChanges(List.of(), List.of(ghost), List.of(), List.of());
        assertThat(m.cells()).isEqualTo(cells);
    }
}
