package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.SettlementCoverage;
import uz.qamrov.engine.model.Site;
import uz.qamrov.support.ApiIT;

/**
 * Random sequences of real uploads through the API (new sites, changed sites, same-day rewrites, snapshot=full
 * decommissions, planned sites and their changes, a row commissioned and decommissioned on one day, fiber added and
 * rewritten twice on one day, a settlements upload that forces a full rebuild). After every step, for today, a past
 * date and a future date, everything a user reads must equal a model built from scratch from the database:
 * every indicator, the stored run behind the gap lists, the gap list API, and the base-station layer.
 *
 * <p>Seeds are fixed in CI and logged; {@code -Dqamrov.seed=N -Dqamrov.steps=M} explores further.
 */
class CoverageConsistencyIT extends ApiIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tashkent"));
    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";
    static final List<String> OPERATORS = List.of("beeline", "ucell", "mobiuz");

    @Autowired
    CoverageInputRepository inputs;
    @Autowired
    CoverageModels models;
    /** The service's DEM (terrain is on by default): the fresh model must see the terrain the service sees. */
    @Autowired
    uz.qamrov.planner.terrain.TerrainStore terrain;
    @Autowired
    CoverageService coverage;
    @Autowired
    CoverageRuns runs;
    @Autowired
    DetachedCopies copies;
    /** Planning's copy of the model, followed from step to step. */
    private DetachedCopies.Copy copy;
    private int copiesBrought;

    private final Map<String, List<String>> sitesByOperator = new HashMap<>();
    private final Map<String, String> lastRow = new HashMap<>();
    /** Uncovered settlements seen in the tiles over all steps: the tile comparison must have compared something. */
    private int tileGaps;

    @Test
    void everyAnswerEqualsAFreshRebuildAfterEveryUpload() throws Exception {
        long seed = Long.getLong("qamrov.seed", 20261201L);
        int steps = Integer.getInteger("qamrov.steps", 12);
        System.out.println("CoverageConsistencyIT seed = " + seed + ", steps = " + steps
                + " (rerun with -Dqamrov.seed=" + seed + " -Dqamrov.steps=" + steps + ")");
        Random rnd = new Random(seed);
        // every kind of step once first (in a seeded order), then random ones
        List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        // two uploads of new sites first, so that the steps changing sites find some
        java.util.Collections.shuffle(kinds.subList(2, kinds.size()), rnd);
        seedWorld(rnd);
        coverage.rebuild();
        for (int step = 0; step < steps; step++) {
            String what = step(rnd, step, step < kinds.size() ? kinds.get(step) : rnd.nextInt(9));
            System.out.println("step " + step + ": " + what);
            assertConsistent("step " + step + " (" + what + ", seed " + seed + ")");
        }
        assertThat(tileGaps).as("uncovered settlements decoded from the tiles over all steps").isPositive();
        assertThat(copiesBrought).as("steps whose copy followed by the network's difference").isPositive();

        // a full rebuild and planning's detached copy take the live generation's footprints of unchanged cells (all
        // of them here) and answer as the model built from scratch above
        coverage.rebuild();
        var rebuilt = coverage.lastRebuild();
        assertThat(rebuilt.footprintsReused()).as("footprints taken by the rebuild").isEqualTo(rebuilt.cells())
                .isPositive();
        DetachedCopies.Copy beforeRebuild = copy;
        assertConsistent("after a full rebuild with the previous generation's footprints");
        assertThat(copy.how()).as("a copy made before a rebuild is made anew").isEqualTo("new copy");
        assertThat(copy.model()).isNotSameAs(beforeRebuild.model());
        assertThat(copy.model().footprintsReused()).as("footprints taken by the new copy").isEqualTo(rebuilt.cells());
    }

    private void seedWorld(Random rnd) {
        for (int i = 0; i < 40; i++) {
            double lon = 69.05 + rnd.nextDouble() * 0.7;
            double lat = 41.05 + rnd.nextDouble() * 0.4;
            jdbc.update("""
                    INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                    VALUES (?, ?, 'village', ?, ?, 'UZ-TO', ST_SetSRID(ST_MakePoint(?, ?), 4326), 'test')""",
                    "s" + i, "Qishloq " + i, 500 + rnd.nextInt(5000), 100 + rnd.nextInt(900), lon, lat);
        }
        jdbc.update("INSERT INTO highways (ref, road_class, name_uz_latn, geom, source) VALUES ('M39', 'international', 'M39',"
                + " 'SRID=4326;LINESTRING(69.05 41.1,69.4 41.3,69.75 41.45)', 'test')");
        jdbc.update("INSERT INTO railways (line_key, line_name, geom, source) VALUES ('tashkent-samarkand', 'T-S',"
                + " 'SRID=4326;LINESTRING(69.1 41.4,69.5 41.2,69.8 41.05)', 'test')");
    }

    private String step(Random rnd, int step, int kind) throws Exception {
        String op = OPERATORS.get(rnd.nextInt(OPERATORS.size()));
        if (kind >= 2 && kind <= 4) {
            // steps that change existing sites pick an operator that has some
            op = sitesByOperator.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).sorted()
                    .findFirst().orElse(op);
        }
        return switch (kind) {
            case 0, 1 -> {
                StringBuilder csv = new StringBuilder(HEADER);
                int n = 2 + rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String id = op + "-" + step + "-" + i;
                    csv.append(siteRow(rnd, op, id, randomCommissioning(rnd), "active", null));
                    sitesByOperator.computeIfAbsent(op, k -> new ArrayList<>()).add(id);
                }
                upload("base-stations", op, csv.toString());
                yield n + " new " + op + " sites";
            }
            case 2 -> {
                String id = anySite(rnd, op);
                if (id == null) {
                    yield "nothing to change";
                }
                upload("base-stations", op, HEADER + siteRow(rnd, op, id, "2018-05-01", "active", null));
                yield "changed " + id;
            }
            case 3 -> {
                String id = anySite(rnd, op);
                if (id == null) {
                    yield "nothing to rewrite";
                }
                upload("base-stations", op, HEADER + siteRow(rnd, op, id, "", "active", null));
                upload("base-stations", op, HEADER + siteRow(rnd, op, id, "", "active", null));
                yield "same-day rewrite of " + id + " twice (no commissioning date)";
            }
            case 4 -> {
                List<String> mine = sitesByOperator.getOrDefault(op, List.of());
                if (mine.size() < 2) {
                    yield "too few sites for a snapshot";
                }
                String keep = mine.get(rnd.nextInt(mine.size()));
                upload("base-stations", op, HEADER + lastRow.get(keep), "snapshot", "full");
                sitesByOperator.put(op, new ArrayList<>(List.of(keep)));
                yield "snapshot=full keeping only " + keep;
            }
            case 5 -> {
                String id = op + "-planned-" + step;
                String future = TODAY.plusMonths(3 + rnd.nextInt(12)).toString();
                upload("base-stations", op, HEADER + siteRow(rnd, op, id, future, "planned", null));
                upload("base-stations", op, HEADER + siteRow(rnd, op, id, TODAY.plusMonths(2).toString(), "planned", null));
                sitesByOperator.computeIfAbsent(op, k -> new ArrayList<>()).add(id);
                yield "planned " + id + " and changed it";
            }
            case 6 -> {
                String id = op + "-oneday-" + step;
                upload("base-stations", op, HEADER + siteRow(rnd, op, id, "2020-03-01", "decommissioned", "2020-03-01"));
                yield "commissioned and decommissioned on one day: " + id;
            }
            case 7 -> {
                String route = "F-" + step;
                upload("fiber-routes", null, fiber(rnd, route));
                upload("fiber-routes", null, fiber(rnd, route));
                upload("fiber-routes", null, fiber(rnd, route));
                yield "fiber " + route + " added and rewritten twice on one day";
            }
            default -> {
                double lon = 69.05 + rnd.nextDouble() * 0.7;
                double lat = 41.05 + rnd.nextDouble() * 0.4;
                String geojson = String.format(Locale.ROOT, """
                        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"external_id":"new-%d",
                        "name":"Yangi %d","kind":"village","population":%d,"households":%d},
                        "geometry":{"type":"Point","coordinates":[%.5f,%.5f]}}]}""", step, step, 300 + rnd.nextInt(900),
                        80 + rnd.nextInt(200), lon, lat);
                JsonNode job = importFile("settlements", ADMIN_TOKEN, "s.geojson", utf8(geojson));
                assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
                yield "a settlement added (full rebuild)";
            }
        };
    }

    private String randomCommissioning(Random rnd) {
        return rnd.nextInt(4) == 0 ? "" : LocalDate.of(2014 + rnd.nextInt(10), 1 + rnd.nextInt(12), 1).toString();
    }

    private String anySite(Random rnd, String op) {
        List<String> mine = sitesByOperator.getOrDefault(op, List.of());
        return mine.isEmpty() ? null : mine.get(rnd.nextInt(mine.size()));
    }

    private String siteRow(Random rnd, String op, String id, String commissioned, String status, String decommissioned) {
        double lon = 69.05 + rnd.nextDouble() * 0.7;
        double lat = 41.05 + rnd.nextDouble() * 0.4;
        String tech = List.of("2G", "3G", "4G", "4G").get(rnd.nextInt(4));
        StringBuilder rows = new StringBuilder();
        int cells = 1 + rnd.nextInt(3);
        for (int c = 1; c <= cells; c++) {
            rows.append(String.format(Locale.ROOT, "%s,%s,%d,%.5f,%.5f,30,%s,%s,%s,%s,1800,%d,%d,3,28,60,%d%n", op, id, c,
                    lon, lat, status, commissioned, decommissioned == null ? "" : decommissioned, tech, rnd.nextInt(360),
                    30 + rnd.nextInt(300), 2000 + rnd.nextInt(6000)));
        }
        lastRow.put(id, rows.toString());
        return rows.toString();
    }

    private String fiber(Random rnd, String route) {
        double lon = 69.05 + rnd.nextDouble() * 0.6;
        double lat = 41.05 + rnd.nextDouble() * 0.3;
        return String.format(Locale.ROOT, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"operator":"beeline","route_id":"%s",
                "status":"active","route_kind":"distribution","commission":"2019-0%d-01"},
                "geometry":{"type":"LineString","coordinates":[[%.5f,%.5f],[%.5f,%.5f]]}}]}""", route, 1 + rnd.nextInt(9),
                lon, lat, lon + 0.05 + rnd.nextDouble() * 0.1, lat + rnd.nextDouble() * 0.1);
    }

    private void upload(String layer, String op, String content, String... params) throws Exception {
        String token = op == null ? ADMIN_TOKEN : token("operator", op);
        String name = layer.equals("fiber-routes") ? "f.geojson" : "sites.csv";
        JsonNode job = importFile(layer, token, name, utf8(content), params);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("coverageNote").isMissingNode() || job.path("report").path("coverageNote").isNull())
                .as("the coverage update must succeed: %s", job.path("report")).isTrue();
    }

    /** The model built from scratch from what the database holds now, with the service's settings and terrain. */
    static CoverageModel fromScratch(CoverageInputRepository inputs, CoverageModels models,
            uz.qamrov.planner.terrain.TerrainStore terrain) {
        return StoredInputs.load(inputs).build(models.settings(), terrain.dem(), null); // no footprint reused
    }

    private void assertConsistent(String when) throws Exception {
        StoredInputs now = StoredInputs.load(inputs);
        CoverageModel fresh = now.build(models.settings(), terrain.dem(), null);
        // the generation's answers digest (an import's is stored in the background) is that of the database's rows:
        // what an unchanged restart relies on, and an oracle of "the model holds what the database holds"
        String expectedDigest = GenerationDigests.answers(models.engineFingerprint(), terrain.fingerprint(), now);
        assertThat(org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT answers_digest FROM coverage_generations WHERE id = ?", String.class, coverage.generation()).get(0),
                java.util.Objects::nonNull)).as("answers digest " + when).isEqualTo(expectedDigest);
        // planning's copy, brought to this generation from the last step's by the network's difference (or new after
        // a rebuild): it must answer as the model built from scratch
        copy = copies.refresh(copy);
        assertThat(copy.generation()).isEqualTo(coverage.generation());
        System.out.println("  detached copy: " + copy.how());
        if (copy.how().startsWith("brought from")) {
            copiesBrought++;
        }
        for (LocalDate d : List.of(TODAY, LocalDate.of(2021, 6, 30), TODAY.plusYears(1))) {
            String at = when + " as of " + d;
            assertThat(values(coverage.indicators(d).values())).as("indicators " + at)
                    .isEqualTo(values(fresh.indicators(d, CoverageFilter.ANY).values()));
            assertThat(values(copy.model().indicators(d, CoverageFilter.ANY).values())).as("detached copy's indicators " + at)
                    .isEqualTo(values(fresh.indicators(d, CoverageFilter.ANY).values()));
            var freshEval = fresh.evaluate(d, CoverageFilter.ANY);
            RunRef run = runs.freshRun(d);
            assertThat(storedCoverage(run.id())).as("stored run " + at).isEqualTo(coverageOf(freshEval.settlements()));
            // what the run stores beside coverage (carried over between generations where nothing changed them):
            // signals and gap reasons, nearest site and fiber — as the rebuilt model answers them
            assertThat(storedSignals(run.id())).as("stored signals and distances " + at)
                    .isEqualTo(signalsOf(fresh, freshEval, d));
            // each operator with cells in the model (a run stores the uncovered stretches of those)
            for (String op : fresh.cells().stream().map(uz.qamrov.engine.model.Cell::operator).distinct().sorted().toList()) {
                assertThat(OperatorGaps.stored(jdbc, run.id(), op)).as(op + "'s uncovered stretches " + at)
                        .isEqualTo(OperatorGaps.of(fresh, d, op));
            }
            Set<Long> uncovered = new TreeSet<>();
            freshEval.settlements().stream().filter(s -> s.service().key().equals("mobile_internet") && !s.covered())
                    .forEach(s -> uncovered.add(s.settlementId()));
            assertThat(featureIds("/api/v1/gaps/settlements?service=mobile_internet&f=geojson&limit=1000&asOf=" + d))
                    .as("gap list " + at).isEqualTo(uncovered);
            Set<Long> inTile = uncoveredInTile(d);
            assertThat(inTile).as("settlements vector tile " + at).isEqualTo(uncovered);
            tileGaps += inTile.size();
            Set<Long> activeSites = new TreeSet<>();
            fresh.sites().stream().filter(s -> s.validity().contains(d)).map(Site::id).forEach(activeSites::add);
            assertThat(featureIds("/api/v1/layers/base-stations?limit=1000&asOf=" + d)).as("base-station layer " + at)
                    .isEqualTo(activeSites);
        }
    }

    private static Map<String, Double> values(List<IndicatorValue> values) {
        Map<String, Double> out = new TreeMap<>();
        values.forEach(v -> out.put(v.key() + "|" + v.scopeCode(), Math.round(v.value() * 1e9) / 1e9));
        return out;
    }

    private Map<String, Boolean> storedCoverage(long runId) {
        Map<String, Boolean> out = new TreeMap<>();
        jdbc.query("SELECT settlement_id, service, covered FROM settlement_coverage WHERE run_id = ?",
                rs -> {
                    out.put(rs.getLong(1) + "|" + rs.getString(2), rs.getBoolean(3));
                }, runId);
        return out;
    }

    private Map<String, String> storedSignals(long runId) {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("""
                SELECT settlement_id, service, best_cell_id, best_level_dbm, signal_class, gap_reason, nearest_site_m,
                       nearest_fiber_m
                FROM settlement_coverage WHERE run_id = ?""", rs -> {
            out.put(rs.getLong(1) + "|" + rs.getString(2), rs.getObject(3) + " " + rs.getObject(4) + " " + rs.getString(5)
                    + " " + rs.getString(6) + " " + rs.getObject(7) + " " + rs.getObject(8));
        }, runId);
        return out;
    }

    private static Map<String, String> signalsOf(CoverageModel model, uz.qamrov.engine.measure.CoverageSnapshot snapshot,
            LocalDate d) {
        var signals = model.diagnose(snapshot);
        var finder = uz.qamrov.engine.measure.NearestFinder.of(model);
        Map<Long, uz.qamrov.engine.measure.SettlementDistances> distances = new java.util.HashMap<>();
        finder.distancesFor(model.settlements(), d, null).forEach(x -> distances.put(x.settlementId(), x));
        Map<String, String> out = new TreeMap<>();
        for (SettlementCoverage s : snapshot.settlements()) {
            var p = signals.settlement(s.settlementId(), s.service()).orElse(null);
            var near = distances.get(s.settlementId());
            out.put(s.settlementId() + "|" + s.service().key(), (p == null ? "null null null null"
                    : p.bestCellId() + " " + p.bestLevelDbm() + " " + (p.signalClass() == null ? null : p.signalClass().key())
                            + " " + (p.reason() == null ? null : p.reason().code().key()))
                    + " " + near.nearestSiteM() + " " + near.nearestFiberM());
        }
        return out;
    }

    private static Map<String, Boolean> coverageOf(List<SettlementCoverage> rows) {
        Map<String, Boolean> out = new TreeMap<>();
        rows.forEach(s -> out.put(s.settlementId() + "|" + s.service().key(), s.covered()));
        return out;
    }

    /**
     * The uncovered settlements of the map's vector tile over the test world (z7 tile 88/47 holds all of it), decoded
     * by GDAL's MVT driver: an independent reader of what the map draws.
     */
    private Set<Long> uncoveredInTile(LocalDate d) throws Exception {
        var response = mvc.perform(get("/tiles/settlements/7/88/47.mvt?service=mobile_internet&asOf=" + d)).andReturn()
                .getResponse();
        Set<Long> ids = new TreeSet<>();
        if (response.getStatus() == 204) {
            return ids;
        }
        assertThat(response.getStatus()).isEqualTo(200);
        java.nio.file.Path tile = java.nio.file.Files.createTempFile("consistency", ".mvt");
        try {
            java.nio.file.Files.write(tile, response.getContentAsByteArray());
            Process p = new ProcessBuilder("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", tile.toString(), "-oo", "X=88", "-oo", "Y=47",
                    "-oo", "Z=7", "settlements").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            JsonNode fc = json.readTree(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).isZero();
            for (JsonNode f : fc.path("features")) {
                JsonNode covered = f.path("properties").path("covered");
                assertThat(covered.isBoolean() || covered.isInt()).as("covered of %s", f).isTrue();
                if (covered.isBoolean() ? !covered.asBoolean() : covered.asInt() == 0) {
                    ids.add(f.path("properties").has("id") ? f.path("properties").path("id").asLong() : f.path("id").asLong());
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tile);
        }
        return ids;
    }

    private Set<Long> featureIds(String url) throws Exception {
        // the lists stream (StreamingResponseBody): the body arrives on the async dispatch
        var started = mvc.perform(get(url)).andReturn();
        var response = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isEqualTo(200);
        JsonNode body = json.readTree(response.getContentAsString());
        Set<Long> ids = new TreeSet<>();
        body.path("features").forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }
}
