package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.terrain.Dem;

/**
 * A change that alters only cells' periods on air (a decommission, a corrected commissioning date) keeps their
 * footprints, which depend on everything but that, and answers as a model built from scratch with the changed cells.
 */
class ValidityOnlyChangeTest {

    @Test
    void decommissionedCellsKeepTheirFootprintsAndTheAnswersEqualARebuild() {
        long seed = 20261202L;
        RandomNetwork net = new RandomNetwork(seed);
        var settlements = net.settlements(120, 0.25);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(50, sites, cells);
        var lines = net.lines(6);
        Dem dem = RandomNetwork.hills(seed);
        CoverageModel model = build(settlements, sites, cells, lines, dem);
        Map<Long, Footprint> before = new HashMap<>();
        cells.forEach(c -> before.put(c.id(), model.footprintOf(c.id())));

        // ten cells on air before mid-2025 decommissioned at the end of 2025, and one more re-tilted as well (a real
        // change of footprint)
        LocalDate end = LocalDate.of(2025, 12, 31);
        List<Cell> onAir = cells.stream().filter(c -> model.footprintOf(c.id()) != null
                && (c.validity().from() == null || c.validity().from().isBefore(LocalDate.of(2025, 6, 1)))).toList();
        List<Cell> changed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Cell c = onAir.get(2 * i);
            changed.add(c.withValidity(new Validity(c.validity().from(), end)));
        }
        Cell t = onAir.get(21);
        changed.add(new Cell(t.id(), t.siteId(), t.operator(), t.technology(), t.bandMhz(), t.azimuthDeg(),
                t.beamwidthDeg(), t.antennaHeightM(), t.eirpDbm(), t.rangeM(), t.lon(), t.lat(),
                new Validity(t.validity().from(), end), 7.0, null, null));
        model.applySiteChanges(changed.stream().map(Cell::id).toList(), changed, List.of(), List.of());

        assertThat(model.footprintsReused()).as("the ten decommissioned cells, not the re-tilted one").isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(model.footprintOf(changed.get(i).id())).isSameAs(before.get(changed.get(i).id()));
        }
        assertThat(model.footprintOf(t.id())).isNotSameAs(before.get(t.id()));

        List<Cell> next = new ArrayList<>(cells);
        Map<Long, Cell> byId = new HashMap<>();
        changed.forEach(c -> byId.put(c.id(), c));
        next.replaceAll(c -> byId.getOrDefault(c.id(), c));
        CoverageModel rebuilt = build(settlements, sites, next, lines, dem);
        for (LocalDate d : new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 1)}) {
            IncrementalUpdateTest.assertSame(model.evaluate(d, CoverageFilter.ANY), rebuilt.evaluate(d, CoverageFilter.ANY),
                    "after the decommissions, " + d);
        }
    }

    private static CoverageModel build(List<uz.qamrov.engine.model.Settlement> settlements, List<Site> sites,
            List<Cell> cells, List<uz.qamrov.engine.model.TransportLine> lines, Dem dem) {
        return new CoverageModelBuilder().settlements(settlements).sites(sites).cells(cells).lines(lines)
                .adminAreas(RandomNetwork.areas()).terrain(dem).build();
    }
}
