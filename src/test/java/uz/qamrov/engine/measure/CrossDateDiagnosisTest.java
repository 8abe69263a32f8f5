package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;

/**
 * A diagnosis of one date made from the report of another date (keeping the answers of covered settlements whose
 * reach list has the same active cells on both dates) equals a diagnosis from scratch, place by place: for dates with
 * no validity boundary between them, across one boundary, across all of them, and after site changes as well.
 * The random network's cells start and end on 2024-01-01, 2025-07-01, 2026-03-01 and 2027-01-01.
 */
class CrossDateDiagnosisTest {

    private static final LocalDate[][] PAIRS = {
        {LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31)}, // no boundary between: every reach list the same
        {LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31)}, // one boundary
        {LocalDate.of(2026, 4, 1), LocalDate.of(2025, 7, 1)},   // one boundary, the previous date later
        {LocalDate.of(2023, 12, 31), LocalDate.of(2027, 6, 30)}, // every boundary
    };

    @RepeatedTest(3)
    void aReportOfAnotherDateGivesTheFullDiagnosis(RepetitionInfo repetition) {
        check(repetition, false);
    }

    /**
     * The same on rough ground with terrain: a covered place's best cell is then chosen by its level with terrain,
     * which the flat level only bounds, so the previous best is compared with the new cells by that level.
     */
    @RepeatedTest(2)
    void withTerrainTooAReportOfAnotherDateGivesTheFullDiagnosis(RepetitionInfo repetition) {
        check(repetition, true);
    }

    private static void check(RepetitionInfo repetition, boolean terrain) {
        long seed = TestSeeds.seed("CrossDateDiagnosisTest", 20261203L + repetition.getCurrentRepetition());
        RandomNetwork net = new RandomNetwork(seed);
        List<Settlement> settlements = net.settlements(150, 0.25);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(terrain ? 200 : 90, sites, cells); // hills hide many places: more sites keep some covered
        CoverageModel model = new CoverageModelBuilder().settlements(settlements).sites(sites).cells(cells)
                .lines(net.lines(4)).fiberRoutes(net.fiberRoutes(4)).fiberNodes(net.fiberNodes(4))
                .adminAreas(RandomNetwork.areas()).terrain(terrain ? RandomNetwork.hills(seed) : null).build();
        String ctx0 = "seed " + seed + (terrain ? " with terrain" : "");
        int[][] perPair = new int[PAIRS.length][];
        for (int p = 0; p < PAIRS.length; p++) {
            SignalReport previous = model.diagnose(model.evaluate(PAIRS[p][0], CoverageFilter.ANY));
            perPair[p] = checkAgainstFull(model, settlements, previous, PAIRS[p][1], Set.of(),
                    ctx0 + " " + PAIRS[p][0] + " -> " + PAIRS[p][1]);
        }
        // the test means something only where answers were kept or derived (and then compared with the full one)
        assertThat(perPair[0][0]).as("answers kept with no boundary between the dates, " + ctx0).isPositive();
        assertThat(perPair[1][0] + perPair[2][0]).as("answers kept across one boundary, " + ctx0).isPositive();
        assertThat(perPair[1][1] + perPair[2][1]).as("answers derived from a previous best across one boundary, " + ctx0)
                .isPositive();

        // a report of another date made before a change of sites, with the settlements that change touched
        SignalReport before = model.diagnose(model.evaluate(PAIRS[1][0], CoverageFilter.ANY));
        List<Site> addedSites = new ArrayList<>();
        List<Cell> addedCells = new ArrayList<>();
        net.sitesAndCells(4, addedSites, addedCells);
        Set<Long> removed = Set.of(cells.get(0).id(), cells.get(1).id(), cells.get(2).id());
        ChangeStats stats = model.applySiteChanges(removed, addedCells, List.of(), addedSites);
        checkAgainstFull(model, settlements, before, PAIRS[1][1], stats.touchedSettlementIds(), ctx0 + " after a site change");
    }

    /**
     * Two roads 100 km apart, each 1–3 km east of an omni 4G mast. Near road B a second mast, 500 m closer to it,
     * goes on air on 2025-06-01. From the report of 2025-01-01, the diagnosis of 2025-12-31 keeps road A's three
     * stretches (no cell within 20 km of them changed) and diagnoses road B's again: its best cell is the new mast.
     * Then a model change adds a mast by road A: road B's stretches are kept, road A's diagnosed again.
     */
    @Test
    void aCoveredStretchKeepsItsAnswerUnlessACellNearItChanged() {
        double lon = SignalDiagnosisTest.LON;
        double lat = SignalDiagnosisTest.LAT;
        double[] b = uz.qamrov.engine.geodesy.LocalMetric.destination(lon, lat, 0, 100_000);
        double[] newMast = uz.qamrov.engine.geodesy.LocalMetric.destination(b[0], b[1], 90, 500);
        Cell later = new Cell(3, 3, "op", uz.qamrov.engine.model.Technology.G4, 1800, null, 360, 30, null, null,
                newMast[0], newMast[1], new uz.qamrov.engine.model.Validity(LocalDate.of(2025, 6, 1), null));
        List<Cell> cells = List.of(SignalDiagnosisTest.lte(1, null, lon, lat), SignalDiagnosisTest.lte(2, null, b[0], b[1]),
                later);
        CoverageModel m = SignalDiagnosisTest.model(uz.qamrov.engine.radio.RadioSettings.DEFAULTS, cells, List.of(),
                List.of(road(1, lon, lat), road(2, b[0], b[1])), null);
        SignalReport january = m.diagnose(m.evaluate(LocalDate.of(2025, 1, 1), CoverageFilter.ANY));
        CoverageSnapshot december = m.evaluate(LocalDate.of(2025, 12, 31), CoverageFilter.ANY);
        SignalReport full = m.diagnose(december);
        SignalReport fromJanuary = m.diagnose(december, january, Set.of());

        assertThat(december.stretches()).hasSize(6).allMatch(LineStretch::covered);
        assertThat(fromJanuary.stretches()).isEqualTo(full.stretches());
        assertThat(fromJanuary.stretchesFromPrevious()).isEqualTo(3);
        for (int k = 0; k < 6; k++) {
            long bestBefore = january.stretches().get(k).bestCellId();
            long bestAfter = fromJanuary.stretches().get(k).bestCellId();
            if (december.stretches().get(k).lineId() == 1) {
                assertThat(bestAfter).isEqualTo(bestBefore).isEqualTo(1);
            } else {
                assertThat(bestBefore).isEqualTo(2);
                assertThat(bestAfter).isEqualTo(3);
            }
        }

        // then a mast goes up 500 m nearer road A (a change of the model): the same date's next diagnosis keeps road
        // B's stretches, and road A's best cell is the new mast
        double[] nearA = uz.qamrov.engine.geodesy.LocalMetric.destination(lon, lat, 90, 500);
        Cell added = new Cell(4, 4, "op", uz.qamrov.engine.model.Technology.G4, 1800, null, 360, 30, null, null, nearA[0],
                nearA[1], uz.qamrov.engine.model.Validity.ALWAYS);
        ChangeStats stats = m.applySiteChanges(List.of(), List.of(added), List.of(),
                List.of(SignalDiagnosisTest.site(4, nearA[0], nearA[1])));
        CoverageSnapshot afterChange = m.evaluate(LocalDate.of(2025, 12, 31), CoverageFilter.ANY);
        SignalReport next = m.diagnose(afterChange, fromJanuary, stats.touchedSettlementIds());
        assertThat(next.stretches()).isEqualTo(m.diagnose(afterChange).stretches());
        assertThat(next.stretchesFromPrevious()).isEqualTo(3);
        for (int k = 0; k < afterChange.stretches().size(); k++) {
            assertThat(next.stretches().get(k).bestCellId())
                    .isEqualTo(afterChange.stretches().get(k).lineId() == 1 ? 4L : 3L);
        }
    }

    /**
     * Uncovered stretches keep their answer only where no cell it depends on changed. Road A lies 30 km east of the
     * only mast at the start (nothing within the 20 km limit: "no site within 20 km", nearest 28–30 km). Road B lies
     * 8 km from a 4G mast (beyond its range; a cell within the limit). On 2025-06-01 a mast goes on air 25 km west of
     * road A and 60 km from road B: road B's answer depends on cells within 20 km only, so it is kept; road A's
     * nearest site is now nearer (25 km, within four times the limit), so it is diagnosed again.
     */
    @Test
    void anUncoveredStretchKeepsItsAnswerUnlessACellItDependsOnChanged() {
        double lon = SignalDiagnosisTest.LON;
        double lat = SignalDiagnosisTest.LAT;
        double[] roadA = uz.qamrov.engine.geodesy.LocalMetric.destination(lon, lat, 90, 29_000); // road A: 30–32 km
        double[] mastB = uz.qamrov.engine.geodesy.LocalMetric.destination(lon, lat, 0, 150_000);
        double[] roadB = uz.qamrov.engine.geodesy.LocalMetric.destination(mastB[0], mastB[1], 90, 7_000); // 8–10 km
        double[] west = uz.qamrov.engine.geodesy.LocalMetric.destination(roadA[0], roadA[1], 90, 1_000 - 25_000);
        Cell later = new Cell(3, 3, "op", uz.qamrov.engine.model.Technology.G4, 1800, null, 360, 30, null, null,
                west[0], west[1], new uz.qamrov.engine.model.Validity(LocalDate.of(2025, 6, 1), null));
        List<Cell> cells = List.of(SignalDiagnosisTest.lte(1, null, lon, lat),
                SignalDiagnosisTest.lte(2, null, mastB[0], mastB[1]), later);
        CoverageModel m = SignalDiagnosisTest.model(uz.qamrov.engine.radio.RadioSettings.DEFAULTS, cells, List.of(),
                List.of(road(1, roadA[0], roadA[1]), road(2, roadB[0], roadB[1])), null);
        SignalReport january = m.diagnose(m.evaluate(LocalDate.of(2025, 1, 1), CoverageFilter.ANY));
        CoverageSnapshot december = m.evaluate(LocalDate.of(2025, 12, 31), CoverageFilter.ANY);
        SignalReport full = m.diagnose(december);
        SignalReport fromJanuary = m.diagnose(december, january, Set.of());

        assertThat(december.stretches()).hasSize(6).noneMatch(LineStretch::covered);
        assertThat(fromJanuary.stretches()).isEqualTo(full.stretches());
        for (int k = 0; k < 6; k++) {
            var was = january.stretches().get(k).reason();
            var now = fromJanuary.stretches().get(k).reason();
            if (december.stretches().get(k).lineId() == 1) {
                assertThat(was.code()).isEqualTo(uz.qamrov.engine.signal.GapReason.Code.NO_SITE_WITHIN_KM);
                assertThat((Double) was.details().get("nearest_site_m")).isBetween(29_000.0, 32_000.0);
                assertThat((Double) now.details().get("nearest_site_m")).isBetween(23_000.0, 27_000.0);
            } else {
                assertThat(now.code()).isNotEqualTo(uz.qamrov.engine.signal.GapReason.Code.NO_SITE_WITHIN_KM);
                assertThat(fromJanuary.stretches().get(k)).isSameAs(january.stretches().get(k));
            }
        }
        assertThat(fromJanuary.stretchesFromPrevious()).isEqualTo(3);
    }

    private static uz.qamrov.engine.model.TransportLine road(long id, double lon, double lat) {
        double[] a = uz.qamrov.engine.geodesy.LocalMetric.destination(lon, lat, 90, 1_000);
        double[] b = uz.qamrov.engine.geodesy.LocalMetric.destination(lon, lat, 90, 3_000);
        return new uz.qamrov.engine.model.TransportLine(id, uz.qamrov.engine.model.LineKind.HIGHWAY, "A" + id,
                "international", new org.locationtech.jts.geom.GeometryFactory().createLineString(
                        new org.locationtech.jts.geom.Coordinate[] {new org.locationtech.jts.geom.Coordinate(a[0], a[1]),
                            new org.locationtech.jts.geom.Coordinate(b[0], b[1])}));
    }

    /**
     * Compares the diagnosis of {@code asOf} made from {@code previous} with the full one; returns the answers kept
     * as they were and those derived from the previous best.
     */
    private static int[] checkAgainstFull(CoverageModel model, List<Settlement> settlements, SignalReport previous,
            LocalDate asOf, Set<Long> touched, String ctx) {
        CoverageSnapshot snapshot = model.evaluate(asOf, CoverageFilter.ANY);
        SignalReport full = model.diagnose(snapshot);
        SignalReport fromPrevious = model.diagnose(snapshot, previous, touched);
        int kept = 0;
        for (Settlement s : settlements) {
            for (Service service : Service.mobile()) {
                assertThat(fromPrevious.settlement(s.id(), service)).as(ctx + " settlement " + s.id() + " " + service)
                        .isEqualTo(full.settlement(s.id(), service));
            }
            assertThat(fromPrevious.allCovered(s.id())).as(ctx).isEqualTo(full.allCovered(s.id()));
            if (fromPrevious.settlementSignals(s.id()) == previous.settlementSignals(s.id())) {
                kept++;
                assertThat(touched).as(ctx).doesNotContain(s.id());
            }
        }
        assertThat(fromPrevious.stretches()).as(ctx).isEqualTo(full.stretches());
        assertThat(fromPrevious.asOf()).isEqualTo(asOf);
        int derived = fromPrevious.settlementsFromPrevious() - kept;
        System.out.println("CrossDateDiagnosisTest " + ctx + ": of " + settlements.size() + ", " + kept + " kept, "
                + derived + " derived from the previous best; of " + full.stretches().size() + " stretches, "
                + fromPrevious.stretchesFromPrevious() + " kept");
        return new int[] {kept, derived};
    }
}
