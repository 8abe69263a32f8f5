package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.GF;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;

/**
 * The candidate classes on a paper world of three sites along lat 40°N (0.2° lon ≈ 17.1 km apart), the engine's
 * default (antenna-pattern) footprints:
 *
 * <pre>
 *   S1 (66.0) 4G 1800, sectors 0/120/240 × 65°   A (pop 1000) at S1
 *   S2 (66.2) 2G 900 omni                         B (pop 500)  at S2 — no mobile internet
 *   S3 (66.4) 3G 2100, sectors 0/120/240 × 65°   C (pop 300)  at S3
 * </pre>
 * Two sites lack 4G (S2, S3): exactly two 4G upgrades; one site has 4G without 5G (S1): one 5G upgrade; S1's 65°
 * beams 120° apart leave 55° gaps: one added sector, pointing at 60° (the middle of the first widest gap), and the two
 * together (the sector and 5G beside all four 4G cells), the three alternatives of S1's exclusive group. S3 is
 * directional too but has no 4G layer to extend, so no sector. No fiber anywhere: three settlements without fixed
 * broadband, no extension within reach.
 */
class CandidateClassesTest {

    static Cell cell(long id, long site, Technology t, int band, Double az, double lon) {
        return new Cell(id, site, "OP", t, band, az, az == null ? 360 : 65, 30, null, null, lon, 40.0, Validity.ALWAYS);
    }

    static List<Cell> paperCells() {
        List<Cell> cells = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            cells.add(cell(11 + k, 1, Technology.G4, 1800, 120.0 * k, 66.0));
            cells.add(cell(31 + k, 3, Technology.G3, 2100, 120.0 * k, 66.4));
        }
        cells.add(cell(21, 2, Technology.G2, 900, null, 66.2));
        return cells;
    }

    static CoverageModel paperWorld(List<Cell> cells, List<TransportLine> lines) {
        return new CoverageModelBuilder()
                .settlements(List.of(Fixtures.village(1, 66.0, 40.0, 1000), Fixtures.village(2, 66.2, 40.0, 500),
                        Fixtures.village(3, 66.4, 40.0, 300)))
                .sites(List.of(Fixtures.site(1, "OP", 66.0, 40.0), Fixtures.site(2, "OP", 66.2, 40.0),
                        Fixtures.site(3, "OP", 66.4, 40.0)))
                .cells(cells).lines(lines)
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON ((65.5 39.5, 66.9 39.5, 66.9 40.5, 65.5 40.5, 65.5 39.5))")))
                .geometryFactory(GF).build();
    }

    @Test
    void threeSitesTwoWithout4gGiveExactlyTheExpectedUpgradeAndSectorCandidates() {
        CoverageModel model = paperWorld(paperCells(), List.of());
        CandidateOptions o = CandidateOptions.defaults(D2026);
        List<RadioSpec> specs = ExistingSiteCandidates.specs(model.cells(), o, new AtomicLong()::incrementAndGet);
        assertThat(specs).extracting(RadioSpec::ref).containsExactlyInAnyOrder("upgrade5g:site:1", "sector:site:1",
                "upgrade5g+sector:site:1", "upgrade4g:site:2", "upgrade4g:site:3");
        RadioSpec up3 = spec(specs, "upgrade4g:site:3");
        assertThat(up3.type()).isEqualTo(CandidateType.UPGRADE_TO_4G);
        assertThat(up3.baseCostUsd()).isEqualTo(25_000);
        // a 4G cell beside each 3G cell: same band, azimuth, beamwidth, height
        assertThat(up3.cells()).hasSize(3).allMatch(c -> c.technology() == Technology.G4 && c.bandMhz() == 2100
                && c.beamwidthDeg() == 65 && c.antennaHeightM() == 30 && c.id() < 0 && c.siteId() == 3);
        assertThat(up3.cells()).extracting(Cell::azimuthDeg).containsExactly(0.0, 120.0, 240.0);
        RadioSpec up5 = spec(specs, "upgrade5g:site:1");
        assertThat(up5.baseCostUsd()).isEqualTo(45_000);
        assertThat(up5.cells()).hasSize(3).allMatch(c -> c.technology() == Technology.G5 && c.bandMhz() == 3500);
        RadioSpec sector = spec(specs, "sector:site:1");
        assertThat(sector.baseCostUsd()).isEqualTo(15_000);
        assertThat(sector.cells()).singleElement().satisfies(c -> {
            assertThat(c.technology()).isEqualTo(Technology.G4);
            assertThat(c.azimuthDeg()).isEqualTo(60.0);
            assertThat(c.bandMhz()).isEqualTo(1800);
        });
        // both: the sector (a copy, its own id) and 5G beside S1's three cells and beside the sector, 60,000 USD
        RadioSpec both = spec(specs, "upgrade5g+sector:site:1");
        assertThat(both.type()).isEqualTo(CandidateType.UPGRADE_TO_5G_WITH_SECTOR);
        assertThat(both.baseCostUsd()).isEqualTo(60_000);
        assertThat(both.cells()).hasSize(5);
        assertThat(both.cells()).filteredOn(c -> c.technology() == Technology.G5).extracting(Cell::azimuthDeg)
                .containsExactlyInAnyOrder(0.0, 120.0, 240.0, 60.0);
        assertThat(both.cells()).filteredOn(c -> c.technology() == Technology.G4).singleElement()
                .satisfies(c -> assertThat(c.azimuthDeg()).isEqualTo(60.0));
        assertThat(both.cells()).extracting(Cell::id).doesNotContainAnyElementsOf(
                sector.cells().stream().map(Cell::id).toList());
        assertThat(List.of(up5, sector, both)).extracting(RadioSpec::exclusiveGroup).containsOnly("site:1");
        assertThat(up3.exclusiveGroup()).isNull();

        CandidateCensus census = CandidateGenerator.generateWithCensus(model, o).census();
        assertThat(census.byClass().keySet()).containsExactlyInAnyOrder("upgrade to 4G", "upgrade to 5G",
                "added 4G sector", "5G upgrade with added sector", "new site: settlement", "fiber extension");
        assertThat(census.byClass().get("upgrade to 5G").generated()).isEqualTo(1);
        assertThat(census.byClass().get("fiber extension")).isEqualTo(new CandidateCensus.Counts(3, 0, 0));
        assertThat(census.byClass().get("added 4G sector").generated()).isEqualTo(1);
        assertThat(census.byClass().get("upgrade to 4G").generated()).isEqualTo(2);
        assertThat(census.byClass().get("new site: settlement").generated()).isEqualTo(3);
        assertThat(census.byClass().get("5G upgrade with added sector").generated()).isEqualTo(1);
        assertThat(census.generated()).isEqualTo(1 + 1 + 1 + 2 + 3 + 3);
        // B (at S2) is the only radio demand: S2's upgrade reaches it; B is 17 km from S3, beyond the reach bound of a
        // 4G 2100 MHz cell at 30 m, so S3's upgrade is generated but its footprints are never built
        assertThat(census.byClass().get("upgrade to 4G")).isEqualTo(new CandidateCensus.Counts(2, 1, 1));
    }

    @Test
    void anUpgradeCandidatesFootprintIsTheEnginesFootprintOfTheSameCellUpgraded() {
        CoverageModel model = paperWorld(paperCells(), List.of());
        CandidateOptions o = CandidateOptions.defaults(D2026);
        PlanningProblem p = CandidateGenerator.generate(model, o);
        Candidate up2 = p.candidates().stream().filter(c -> c.ref().equals("upgrade4g:site:2")).findFirst()
                .orElseThrow();
        Cell proposed = up2.delta().addedCells().get(0);
        // the same cell as S2's 2G cell 21, technology 4G: a real cell of a second model built with it
        Cell upgraded = cell(99, 2, Technology.G4, 900, null, 66.2);
        List<Cell> cells = new ArrayList<>(paperCells());
        cells.add(upgraded);
        CoverageModel withUpgrade = paperWorld(cells, List.of());
        assertSameFootprint(model.footprintFor(proposed), withUpgrade.footprintOf(99));
        // and the candidate closes exactly the demands in that real footprint
        assertThat(coveredRefs(p, withUpgrade.footprintOf(99))).containsExactlyElementsOf(refs(p, up2))
                .containsExactly("settlement:2");

        // the 5G layer of S1: each new cell against a real 5G cell at 3,500 MHz on the same antenna
        List<RadioSpec> specs = ExistingSiteCandidates.specs(model.cells(), o, new AtomicLong()::incrementAndGet);
        List<Cell> nr = spec(specs, "upgrade5g:site:1").cells();
        List<Cell> real5g = new ArrayList<>(paperCells());
        for (int k = 0; k < 3; k++) {
            real5g.add(cell(91 + k, 1, Technology.G5, 3500, 120.0 * k, 66.0));
        }
        CoverageModel with5g = paperWorld(real5g, List.of());
        for (int k = 0; k < 3; k++) {
            assertSameFootprint(model.footprintFor(nr.get(k)), with5g.footprintOf(91 + k));
        }
    }

    @Test
    void theReachBoundDropsNoCandidateThatClosesADemand() {
        // a highway 11 km north of the sites adds uncovered road pieces at many distances, the populated grid many
        // points far from any demand
        TransportLine m1 = Fixtures.highway(41, "M1", "international", "LINESTRING (65.9 40.1, 66.5 40.1)");
        CoverageModel model = paperWorld(paperCells(), List.of(m1));
        CandidateOptions o = CandidateOptions.defaults(D2026).withPopulatedGrid(2, 6);
        CandidateGenerator.Generated bounded = CandidateGenerator.generateWithCensus(model, o, true);
        CandidateGenerator.Generated everyFootprint = CandidateGenerator.generateWithCensus(model, o, false);
        assertThat(bounded.census().generated()).isEqualTo(everyFootprint.census().generated());
        assertThat(everyFootprint.census().footprintsBuilt())
                .isEqualTo(everyFootprint.census().generated() - everyFootprint.census().byClass().get("fiber extension").generated());
        assertThat(bounded.census().footprintsBuilt()).isLessThan(everyFootprint.census().footprintsBuilt());
        assertThat(bounded.census().byClass().get("new site: populated-grid").generated()).isGreaterThan(20);
        List<String> a = bounded.problem().candidates().stream().map(c -> c.ref() + Arrays.toString(c.covers())).toList();
        List<String> b = everyFootprint.problem().candidates().stream().map(c -> c.ref() + Arrays.toString(c.covers()))
                .toList();
        assertThat(a).isNotEmpty().containsExactlyElementsOf(b);
    }

    private static RadioSpec spec(List<RadioSpec> specs, String ref) {
        return specs.stream().filter(s -> s.ref().equals(ref)).findFirst().orElseThrow();
    }

    private static List<String> refs(PlanningProblem p, Candidate c) {
        return Arrays.stream(c.covers()).mapToObj(i -> p.demands().get(i).ref()).toList();
    }

    private static List<String> coveredRefs(PlanningProblem p, Footprint f) {
        return p.demands().stream().filter(d -> d.amount(Goal.HOUSEHOLDS_FIXED_BROADBAND) == 0)
                .filter(d -> f.contains(d.lon(), d.lat())).map(Demand::ref).toList();
    }

    private static void assertSameFootprint(Footprint a, Footprint b) {
        assertThat(a.envelope()).isEqualTo(b.envelope());
        Geometry pa = a.toPolygon(GF, 720).norm();
        Geometry pb = b.toPolygon(GF, 720).norm();
        assertThat(pa.getArea()).isPositive();
        assertThat(pa.equalsExact(pb, 1e-12)).as("same polygon").isTrue();
        for (int i = -20; i <= 20; i++) {
            for (int j = -20; j <= 20; j++) {
                double lon = a.envelope().centre().x + i * a.envelope().getWidth() / 40;
                double lat = a.envelope().centre().y + j * a.envelope().getHeight() / 40;
                assertThat(a.contains(lon, lat)).isEqualTo(b.contains(lon, lat));
            }
        }
        assertThat(pa.getArea()).isCloseTo(pb.getArea(), within(0.0));
    }
}
