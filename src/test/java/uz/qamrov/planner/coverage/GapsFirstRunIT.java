package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.PlaceSignal;
import uz.qamrov.engine.measure.SettlementCoverage;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.engine.model.Service;
import uz.qamrov.support.ApiIT;

/**
 * A run a reader waits for is stored gaps first: every place without a service has its reason and level at once,
 * the covered places' classes and each operator's uncovered stretches follow; each stage is compared with the
 * engine's answers on a model built from scratch. The classes are dropped when the model moves on in between, and a reader of classes then gets a whole
 * run; the map's layer says when classes are pending, the OGC API waits for them.
 */
class GapsFirstRunIT extends ApiIT {

    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";

    @Autowired
    CoverageInputRepository inputs;
    @Autowired
    CoverageModels models;
    @Autowired
    uz.qamrov.planner.terrain.TerrainStore terrain;
    @Autowired
    CoverageService coverage;
    @Autowired
    CoverageRuns runs;
    @Autowired
    CoverageRunWriter writer;
    @Autowired
    RunPriority priority;

    @Test
    void theGapsComeFirstAndTheClassesFollow() throws Exception {
        seedWorld(new Random(20261203L));
        coverage.rebuild();
        CoverageModel fresh = CoverageConsistencyIT.fromScratch(inputs, models, terrain);

        LocalDate d = LocalDate.of(2021, 6, 30);
        Expected expected = expected(fresh, d);
        assertThat(expected.allCovered()).as("settlements with every mobile service").isPositive();
        assertThat(expected.gaps()).as("settlements without one").isPositive();

        CoverageRunWriter.Stored first = writer.storeGapsFirst(d, "full");
        assertThat(first.partial()).isTrue();
        RunRef run = runs.run(d);
        assertThat(run.id()).isEqualTo(first.id());
        assertThat(run.complete()).isFalse();
        assertThat(storedSettlements(first.id())).as("the gaps' answers, no covered class yet").isEqualTo(expected.gapsOnly());
        assertThat(storedStretches(first.id())).as("uncovered stretches' answers").isEqualTo(expected.stretchGapsOnly());
        assertThat(featureIds("/api/v1/gaps/settlements?service=mobile_internet&f=geojson&limit=1000&asOf=" + d))
                .as("the gap list answers from it").isEqualTo(expected.uncoveredInternet());
        assertThat(layer(d).path("signal_classes_pending").asBoolean()).as("the map's layer says so").isTrue();
        for (String op : List.of("beeline", "ucell")) {
            assertThat(OperatorGaps.stored(jdbc, first.id(), op)).as(op + "'s stretches come with the rest").isEmpty();
        }

        try (RunPriority.Ticket ticket = priority.begin(RunPriority.Level.BACKGROUND)) {
            assertThat(writer.storeRest(first, ticket)).isTrue();
        }
        assertThat(runs.run(d).complete()).isTrue();
        assertThat(storedSettlements(first.id())).as("every settlement's answer").isEqualTo(expected.all());
        assertThat(storedStretches(first.id())).as("every stretch's answer").isEqualTo(expected.stretches());
        assertThat(layer(d).has("signal_classes_pending")).isFalse();
        int operatorGaps = 0;
        for (String op : List.of("beeline", "ucell")) {
            List<String> expectedGaps = OperatorGaps.of(fresh, d, op);
            assertThat(OperatorGaps.stored(jdbc, first.id(), op)).as(op + "'s uncovered stretches").isEqualTo(expectedGaps);
            operatorGaps += expectedGaps.size();
        }
        assertThat(operatorGaps).as("operators' uncovered stretches compared").isPositive();

        // through the store: a reader's new date comes gaps first, the OGC API waits for the classes
        LocalDate d2 = LocalDate.of(2020, 3, 31);
        Expected expected2 = expected(fresh, d2);
        assertThat(featureIds("/api/v1/gaps/settlements?service=mobile_internet&f=geojson&limit=1000&asOf=" + d2))
                .isEqualTo(expected2.uncoveredInternet());
        long covered = expected2.all().entrySet().stream()
                .filter(e -> e.getKey().endsWith("|mobile_internet") && !e.getValue().split(" ")[2].equals("null")).count();
        JsonNode items = getJson("/ogc/collections/settlements/items?limit=1000&service=mobile_internet&datetime=" + d2);
        assertThat(items.path("features").size()).isEqualTo(40);
        assertThat(stream(items.path("features")).filter(f -> !f.path("properties").path("signal_class").isNull()
                && !f.path("properties").path("signal_class").isMissingNode()).count())
                .as("OGC items with a class: every settlement with one in the engine").isEqualTo(covered);
        assertThat(covered).as("settlements with a class").isGreaterThan(expected2.uncoveredInternet().size());
        RunRef second = runs.completeRun(d2);
        assertThat(second.complete()).isTrue();
        assertThat(storedSettlements(second.id())).isEqualTo(expected2.all());
        assertThat(storedStretches(second.id())).isEqualTo(expected2.stretches());

        // the model moves on between the gaps and the classes: the classes are dropped, a reader of them gets a whole run
        LocalDate d3 = LocalDate.of(2019, 12, 31);
        CoverageRunWriter.Stored third = writer.storeGapsFirst(d3, "full");
        coverage.rebuild();
        try (RunPriority.Ticket ticket = priority.begin(RunPriority.Level.BACKGROUND)) {
            assertThat(writer.storeRest(third, ticket)).as("classes on a generation gone").isFalse();
        }
        RunRef whole = runs.completeRun(d3);
        assertThat(whole.id()).isNotEqualTo(third.id());
        assertThat(whole.complete()).isTrue();
        Expected expected3 = expected(fresh, d3);
        assertThat(storedSettlements(whole.id())).isEqualTo(expected3.all());
        assertThat(storedStretches(whole.id())).isEqualTo(expected3.stretches());
    }

    /** The engine's answers of a date, whole and as a gaps-first run stores them before its classes. */
    private record Expected(Map<String, String> all, Map<String, String> gapsOnly, Map<String, String> stretches,
            Map<String, String> stretchGapsOnly, Set<Long> uncoveredInternet, int allCovered, int gaps) {
    }

    private static Expected expected(CoverageModel model, LocalDate d) {
        CoverageSnapshot snap = model.evaluate(d, CoverageFilter.ANY);
        SignalReport whole = model.diagnose(snap);
        Set<Long> withEveryService = new HashSet<>();
        Set<Long> without = new HashSet<>();
        Set<Long> uncoveredInternet = new TreeSet<>();
        for (SettlementCoverage s : snap.settlements()) {
            if (s.service() != Service.FIXED_BROADBAND && !s.covered()) {
                without.add(s.settlementId());
            }
            if (s.service() == Service.MOBILE_INTERNET && !s.covered()) {
                uncoveredInternet.add(s.settlementId());
            }
        }
        snap.settlements().forEach(s -> {
            if (!without.contains(s.settlementId())) {
                withEveryService.add(s.settlementId());
            }
        });
        Map<String, String> all = new TreeMap<>();
        Map<String, String> gapsOnly = new TreeMap<>();
        for (SettlementCoverage s : snap.settlements()) {
            String key = s.settlementId() + "|" + s.service().key();
            String answer = answer(whole.settlement(s.settlementId(), s.service()).orElse(null));
            all.put(key, answer);
            gapsOnly.put(key, withEveryService.contains(s.settlementId()) ? answer(null) : answer);
        }
        Map<String, String> stretches = new TreeMap<>();
        Map<String, String> stretchGapsOnly = new TreeMap<>();
        for (int k = 0; k < snap.stretches().size(); k++) {
            LineStretch st = snap.stretches().get(k);
            String key = st.lineKind().key() + "|" + st.lineId() + "|" + st.service().key() + "|"
                    + String.format(Locale.ROOT, "%.6f", st.fromKm()) + "|" + st.covered();
            String answer = answer(whole.stretches().get(k));
            stretches.put(key, answer);
            stretchGapsOnly.put(key, st.covered() ? answer(null) : answer);
        }
        return new Expected(all, gapsOnly, stretches, stretchGapsOnly, uncoveredInternet, withEveryService.size(),
                without.size());
    }

    private static String answer(PlaceSignal p) {
        return p == null ? "null null null null" : p.bestCellId() + " " + p.bestLevelDbm() + " "
                + (p.signalClass() == null ? null : p.signalClass().key()) + " "
                + (p.reason() == null ? null : p.reason().code().key());
    }

    private Map<String, String> storedSettlements(long runId) {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("SELECT settlement_id, service, best_cell_id, best_level_dbm, signal_class, gap_reason"
                + " FROM settlement_coverage WHERE run_id = ?", rs -> {
                    out.put(rs.getLong(1) + "|" + rs.getString(2), rs.getObject(3) + " " + rs.getObject(4) + " "
                            + rs.getString(5) + " " + rs.getString(6));
                }, runId);
        return out;
    }

    private Map<String, String> storedStretches(long runId) {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("SELECT line_kind, line_id, service, from_km, covered, best_cell_id, best_level_dbm, signal_class,"
                + " gap_reason FROM line_stretches WHERE run_id = ? AND operator_code = '*'", rs -> {
                    out.put(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|"
                            + String.format(Locale.ROOT, "%.6f", rs.getDouble(4)) + "|" + rs.getBoolean(5),
                            rs.getObject(6) + " " + rs.getObject(7) + " " + rs.getString(8) + " " + rs.getString(9));
                }, runId);
        return out;
    }

    private JsonNode layer(LocalDate d) throws Exception {
        return getJson("/api/v1/layers/settlements?limit=1000&service=mobile_internet&asOf=" + d);
    }

    private JsonNode getJson(String url) throws Exception {
        var started = mvc.perform(get(url)).andReturn();
        var response = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private Set<Long> featureIds(String url) throws Exception {
        var started = mvc.perform(get(url)).andReturn();
        var response = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isEqualTo(200);
        Set<Long> ids = new TreeSet<>();
        json.readTree(response.getContentAsString()).path("features").forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private void seedWorld(Random rnd) throws Exception {
        for (int i = 0; i < 40; i++) {
            jdbc.update("""
                    INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                    VALUES (?, ?, 'village', ?, ?, 'UZ-TO', ST_SetSRID(ST_MakePoint(?, ?), 4326), 'test')""",
                    "s" + i, "Qishloq " + i, 500 + rnd.nextInt(5000), 100 + rnd.nextInt(900), 69.05 + rnd.nextDouble() * 0.7,
                    41.05 + rnd.nextDouble() * 0.4);
        }
        jdbc.update("INSERT INTO highways (ref, road_class, name_uz_latn, geom, source) VALUES ('M39', 'international', 'M39',"
                + " 'SRID=4326;LINESTRING(69.05 41.1,69.4 41.3,69.75 41.45)', 'test')");
        jdbc.update("INSERT INTO railways (line_key, line_name, geom, source) VALUES ('tashkent-samarkand', 'T-S',"
                + " 'SRID=4326;LINESTRING(69.1 41.4,69.5 41.2,69.8 41.05)', 'test')");
        for (String op : List.of("beeline", "ucell")) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int s = 0; s < 6; s++) {
                double lon = 69.05 + rnd.nextDouble() * 0.7;
                double lat = 41.05 + rnd.nextDouble() * 0.4;
                String tech = List.of("2G", "3G", "4G", "4G").get(rnd.nextInt(4));
                String commissioned = LocalDate.of(2015 + rnd.nextInt(6), 1 + rnd.nextInt(12), 1).toString();
                for (int c = 1; c <= 3; c++) {
                    csv.append(String.format(Locale.ROOT, "%s,%s-%d,%d,%.5f,%.5f,30,active,%s,,%s,1800,%d,%d,3,28,60,%d%n",
                            op, op, s, c, lon, lat, commissioned, tech, 120 * (c - 1), 65 + rnd.nextInt(60), 2000 + rnd.nextInt(6000)));
                }
            }
            JsonNode job = importFile("base-stations", token("operator", op), "sites.csv", utf8(csv.toString()));
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        }
    }
}
