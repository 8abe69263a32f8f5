package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/** Every format round-trips; imports are idempotent, versioned, all-or-nothing, and safe side by side. */
class IngestIT extends ApiIT {

    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tashkent"));

    static String site(String op, String site, String cell, double lon, double lat, int towerM) {
        return op + "," + site + "," + cell + "," + lon + "," + lat + "," + towerM + ",active,2021-04-01,,4G,1800,120,65,3,"
                + (towerM - 2) + ",60,4000\n";
    }

    @Test
    void qamrovCsvImportsSitesWithCellsAndReportsIndicatorChanges() throws Exception {
        // an import reports changes against the model as it stood (ImportCoverageUpdater); the test context builds its
        // model on first use, and an earlier test's import may have left a rebuild running: ask for today's indicators
        // first (they wait for the model), so that this import has a "before"
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/indicators"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        String csv = "\uFEFF" + HEADER + site("beeline", "B-1", "1", 69.25, 41.30, 30) + site("beeline", "B-1", "2", 69.25, 41.30, 30)
                + site("beeline", "B-2", "1", 66.96, 39.65, 40);
        JsonNode job = importFile("base-stations", token("operator", "beeline"), "sites.csv", utf8(csv));
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        JsonNode report = job.path("report");
        assertThat(report.path("inserted").asInt()).isEqualTo(2);
        assertThat(report.path("rowsRead").asInt()).isEqualTo(3);
        assertThat(job.path("progress").path("percent").asDouble()).isEqualTo(100.0);
        // the real coverage service recomputed: two more base stations nationally
        JsonNode sites = null;
        for (JsonNode change : report.path("indicatorChanges")) {
            if (change.path("key").asText().equals("base_stations.count") && change.path("scope").asText().equals("UZ")) {
                sites = change;
            }
        }
        assertThat(sites).as("base_stations.count change in %s", report.path("indicatorChanges")).isNotNull();
        assertThat(sites.path("after").asDouble() - sites.path("before").asDouble(0)).isEqualTo(2.0);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id IN ('B-1', 'B-2') AND valid_to = 'infinity'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id WHERE b.external_id = 'B-1'")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT ST_AsText(geom) FROM base_stations WHERE external_id = 'B-2'", String.class))
                .isEqualTo("POINT(66.96 39.65)");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'upload' AND job_id = CAST(? AS uuid)", job.path("id").asText())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'import.succeeded' AND job_id = CAST(? AS uuid)", job.path("id").asText())).isEqualTo(1);
    }

    @Test
    void reUploadingTheSameFileChangesNothingAndAChangeIsVersioned() throws Exception {
        String op = token("operator", "mobiuz");
        jdbc.update("DELETE FROM base_stations WHERE operator_code = 'mobiuz'"); // other tests of this class add mobiuz sites
        String v1 = HEADER + site("mobiuz", "M-1", "1", 69.20, 41.20, 30) + site("mobiuz", "M-2", "1", 69.30, 41.35, 35);
        assertThat(importFile("base-stations", op, "m.csv", utf8(v1)).path("report").path("inserted").asInt()).isEqualTo(2);
        String before = jdbc.queryForList("SELECT id || ':' || valid_from || ':' || valid_to FROM base_stations WHERE operator_code='mobiuz' ORDER BY id", String.class).toString();

        JsonNode again = importFile("base-stations", op, "m.csv", utf8(v1)).path("report");
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("inserted").asInt() + again.path("updated").asInt()).isZero();
        assertThat(jdbc.queryForList("SELECT id || ':' || valid_from || ':' || valid_to FROM base_stations WHERE operator_code='mobiuz' ORDER BY id", String.class).toString())
                .isEqualTo(before);

        // M-1 gets a taller tower: the old version is closed today, the new one starts today
        String v2 = HEADER + site("mobiuz", "M-1", "1", 69.20, 41.20, 45) + site("mobiuz", "M-2", "1", 69.30, 41.35, 35);
        JsonNode changed = importFile("base-stations", op, "m2.csv", utf8(v2)).path("report");
        assertThat(changed.path("updated").asInt()).isEqualTo(1);
        assertThat(changed.path("unchanged").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = 'M-1'")).isEqualTo(2);
        // what coverage-as-of reads: a row counts on D when valid_from <= D < valid_to
        String asOf = "SELECT tower_height_m FROM base_stations WHERE external_id = 'M-1' AND valid_from <= CAST(? AS date) AND CAST(? AS date) < valid_to";
        assertThat(jdbc.queryForObject(asOf, Float.class, TODAY.minusDays(1).toString(), TODAY.minusDays(1).toString())).isEqualTo(30f);
        assertThat(jdbc.queryForObject(asOf, Float.class, TODAY.toString(), TODAY.toString())).isEqualTo(45f);
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id WHERE b.external_id = 'M-1'")).isEqualTo(2);

        // snapshot=full without M-2: M-2 is decommissioned today, versioned the same way
        JsonNode snap = importFile("base-stations", op, "m3.csv", utf8(HEADER + site("mobiuz", "M-1", "1", 69.20, 41.20, 45)), "snapshot", "full")
                .path("report");
        assertThat(snap.path("decommissioned").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status || ' ' || decommissioned_on FROM base_stations WHERE external_id = 'M-2' AND valid_to = 'infinity'", String.class))
                .isEqualTo("decommissioned " + TODAY);
        assertThat(jdbc.queryForObject(asOf.replace("tower_height_m", "status").replace("'M-1'", "'M-2'"), String.class,
                TODAY.minusDays(1).toString(), TODAY.minusDays(1).toString())).isEqualTo("active");
    }

    @Test
    void dryRunReportsButWritesNothing() throws Exception {
        JsonNode job = importFile("base-stations", token("admin", null), "d.csv",
                utf8(HEADER + site("ucell", "DRY-1", "1", 69.1, 41.1, 20)), "dryRun", "true");
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(job.path("report").path("dryRun").asBoolean()).isTrue();
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = 'DRY-1'")).isZero();
    }

    @Test
    void oneBadRowRejectsTheFileUnlessPartial() throws Exception {
        String csv = HEADER + site("ucell", "P-1", "1", 69.1, 41.1, 20) + site("ucell", "P-2", "1", 69.1, 41.1, 20).replace(",120,", ",360,");
        JsonNode rejected = importFile("base-stations", token("admin", null), "p.csv", utf8(csv));
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(rejected.path("report").path("errors").get(0).path("field").asText()).isEqualTo("azimuth_deg");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'P-%'")).isZero();

        JsonNode partial = importFile("base-stations", token("admin", null), "p.csv", utf8(csv), "partial", "true");
        assertThat(partial.path("status").asText()).isEqualTo("succeeded");
        assertThat(partial.path("report").path("inserted").asInt()).isEqualTo(1);
        assertThat(partial.path("report").path("rejected").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'P-%'")).isEqualTo(1);
    }

    @Test
    void geoJsonGeoPackageAndShapefileSitesRoundTrip() throws Exception {
        String admin = token("admin", null);
        for (String f : List.of("sites.geojson", "sites.gpkg", "sites-shp.zip")) {
            jdbc.update("DELETE FROM base_stations WHERE operator_code = 'ucell'");
            JsonNode job = importFile("base-stations", admin, f, fixture(f));
            assertThat(job.path("status").asText()).as(f + ": " + job).isEqualTo("succeeded");
            assertThat(job.path("report").path("inserted").asInt()).as(f).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT commissioned_on::text || ' ' || tower_height_m || ' ' || ST_AsText(geom) FROM base_stations WHERE external_id = 'TAS-001'", String.class))
                    .as(f).isEqualTo("2020-05-01 30 POINT(69.2401 41.2995)");
            assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id WHERE b.external_id = 'TAS-001' AND c.azimuth_deg IN (0, 120)"))
                    .as(f).isEqualTo(2);
        }
    }

    @Test
    void fiberInEveryFormatAndCrsLandsInWgs84Flattened() throws Exception {
        String admin = token("admin", null);
        for (String f : List.of("fiber.geojson", "fiber-utm42.gpkg", "fiber-pulkovo-shp.zip")) {
            jdbc.update("DELETE FROM fiber_routes");
            JsonNode job = importFile("fiber-routes", admin, f, fixture(f));
            assertThat(job.path("status").asText()).as(f + ": " + job).isEqualTo("succeeded");
            // the two-part MultiLineString joins into one route
            assertThat(job.path("report").path("inserted").asInt()).as(f).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT ST_NDims(geom) || ' ' || ST_NPoints(geom) FROM fiber_routes WHERE external_id = 'F-TAS-SAM'", String.class))
                    .as(f).isEqualTo("2 4");
            // reprojected back within centimetres (Pulkovo datum shift: within 200 m)
            assertThat(jdbc.queryForObject("SELECT ST_Distance(ST_StartPoint(geom)::geography, ST_SetSRID(ST_MakePoint(69.24, 41.30), 4326)::geography) FROM fiber_routes WHERE external_id = 'F-TAS-SAM'", Double.class))
                    .as(f).isLessThan(200.0);
            assertThat(job.path("report").path("warnings").toString()).as(f).containsAnyOf("Z values were dropped", "reprojected");
        }
        for (String f : List.of("nodes.geojson", "nodes.gpkg", "nodes-utm42-shp.zip")) {
            jdbc.update("DELETE FROM fiber_nodes");
            JsonNode job = importFile("fiber-nodes", admin, f, fixture(f));
            assertThat(job.path("status").asText()).as(f + ": " + job).isEqualTo("succeeded");
            assertThat(jdbc.queryForObject("SELECT kind || ' ' || broadband_ports FROM fiber_nodes WHERE external_id = 'N-TAS-1'", String.class))
                    .as(f).isEqualTo("exchange 4096");
        }
    }

    @Test
    void uzbekCyrillicAndRussianNamesSurviveARoundTrip() throws Exception {
        String admin = token("admin", null);
        for (String f : List.of("settlements.geojson", "settlements-shp.zip")) {
            jdbc.update("DELETE FROM settlements");
            JsonNode job = importFile("settlements", admin, f, fixture(f));
            assertThat(job.path("status").asText()).as(f + ": " + job).isEqualTo("succeeded");
            assertThat(jdbc.queryForObject("SELECT name_uz_latn || '|' || name_uz_cyrl || '|' || name_ru || '|' || region_code FROM settlements WHERE external_id = 'S-1'", String.class))
                    .as(f).isEqualTo("Qo\u02bbqon|Қўқон|Коканд|UZ-FA");
            assertThat(jdbc.queryForObject("SELECT name_en FROM settlements WHERE external_id = 'S-2'", String.class)).isEqualTo("G'ijduvon");
        }
        String csv = "\uFEFFexternal_id,name_uz_latn,name_uz_cyrl,name_ru,kind,population,lon,lat\n"
                + "S-3,Gʻallaorol,Ғаллаорол,Галляарал,city,40000,67.58,40.02\n"
                + "S-4,\"Robert'); DROP TABLE settlements;--\",Oʼzbekiston,Узбекистан,village,10,65.0,40.0\n";
        JsonNode job = importFile("settlements", admin, "s.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject("SELECT name_uz_latn || '|' || name_uz_cyrl FROM settlements WHERE external_id = 'S-3'", String.class))
                .isEqualTo("G\u02bballaorol|Ғаллаорол");
        assertThat(jdbc.queryForObject("SELECT name_uz_latn || '|' || name_uz_cyrl FROM settlements WHERE external_id = 'S-4'", String.class))
                .isEqualTo("Robert'); DROP TABLE settlements;--|O\u02bczbekiston");
    }

    @Test
    void highwaysAndRailwaysFromGeoJson() throws Exception {
        String admin = token("admin", null);
        String hw = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ref":"M39","road_class":"international","name":"Toshkent–Termiz"},
                 "geometry":{"type":"LineString","coordinates":[[69.24,41.30],[68.78,40.84],[66.96,39.65]]}}]}""";
        assertThat(importFile("highways", admin, "hw.geojson", utf8(hw)).path("report").path("inserted").asInt()).isEqualTo(1);
        assertThat(importFile("highways", admin, "hw.geojson", utf8(hw)).path("report").path("unchanged").asInt()).isEqualTo(1);
        String rw = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"line_key":"TAS-SAM","line_name":"Toshkent–Samarqand"},
                 "geometry":{"type":"MultiLineString","coordinates":[[[69.24,41.30],[68.78,40.84]],[[68.78,40.84],[66.96,39.65]]]}}]}""";
        assertThat(importFile("railways", admin, "rw.geojson", utf8(rw)).path("report").path("inserted").asInt()).isEqualTo(1);
        assertThat(count("SELECT ST_NPoints(geom) FROM railways WHERE line_key = 'TAS-SAM'")).isEqualTo(3);
    }

    @Test
    void openCellIdRowsMapToOperatorsByMncAndTechnologyByRadio() throws Exception {
        String csv = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n"
                + "LTE,434,5,1201,2001921,0,69.27,41.31,1500,12,1,1577836800,1609459200,0\n"
                + "GSM,434,4,300,4511,0,66.95,39.66,3000,5,1,1262304000,1262304000,0\n"
                + "UMTS,434,7,77,90001,0,64.42,39.77,0,3,1,1420070400,1420070400,0\n";
        JsonNode job = importFile("base-stations", token("admin", null), "cells.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("format").asText()).isEqualTo("opencellid");
        // created is when the crowd first saw the cell, not its commissioning (which stays unknown)
        assertThat(jdbc.queryForList("SELECT b.operator_code || ' ' || c.technology || ' ' || c.band_mhz || ' ' || b.first_observed_on || ' ' || coalesce(b.commissioned_on::text, 'unknown') FROM base_stations b JOIN cells c ON c.base_station_id = b.id WHERE b.external_id LIKE '434-%' ORDER BY 1", String.class))
                .containsExactly("beeline 2G 900 2010-01-01 unknown", "mobiuz 3G 2100 2015-01-01 unknown", "ucell 4G 1800 2020-01-01 unknown");
    }

    @Test
    void ituCellSiteRegisterShiftedIntoUzbekistan() throws Exception {
        // the real São Tomé register, coordinates shifted into Uzbekistan and operators renamed at test time
        List<String> lines = Files.readAllLines(uz.qamrov.support.SharedData.require("itu-cellsite-example/STP-1713438795-bivd-cellsite.csv"));
        StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            f[4] = "UZB";
            f[5] = String.valueOf(Double.parseDouble(f[5]) + 40.5);  // lat 0.0–1.7 → 40.5–42.2
            f[6] = String.valueOf(Double.parseDouble(f[6]) + 62.3);  // lon 6.4–7.4 → 68.7–69.7
            f[10] = f[10].equals("CST") ? "Ucell" : "Beeline";
            b.append(String.join(",", f)).append('\n');
        }
        // named by its profile, a dry run reads the register the same way as detection does
        JsonNode named = importFile("base-stations", token("admin", null), "itu.csv", utf8(b.toString()), "partial", "true",
                "profile", "itu-cellsite", "dryRun", "true");
        assertThat(named.path("format").asText()).as(named.toString()).isEqualTo("itu-cellsite");
        JsonNode job = importFile("base-stations", token("admin", null), "itu.csv", utf8(b.toString()), "partial", "true");
        assertThat(job.path("format").asText()).isEqualTo("itu-cellsite");
        assertThat(named.path("report").path("inserted").asInt()).isEqualTo(job.path("report").path("inserted").asInt());
        assertThat(named.path("report").path("rejected").asInt()).isEqualTo(job.path("report").path("rejected").asInt());
        assertThat(job.path("report").path("inserted").asInt() + job.path("report").path("rejected").asInt())
                .as(job.toString()).isEqualTo(34);
        assertThat(job.path("report").path("inserted").asInt()).isGreaterThan(20);
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id WHERE b.external_id = 'CT1' AND c.technology = '4G' AND c.band_mhz = 2600 AND c.antenna_height_m = 25"))
                .isEqualTo(1);
    }

    @Test
    void twoOperatorsUploadingAtTheSameTimeBothLand() throws Exception {
        String uc = token("operator", "ucell");
        String bl = token("operator", "beeline");
        StringBuilder a = new StringBuilder(HEADER);
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 60; i++) {
            a.append(site("ucell", "CU-" + i, "1", 69 + i * 0.005, 41.0, 30));
            b.append(site("beeline", "CB-" + i, "1", 66 + i * 0.005, 39.7, 30));
        }
        var fa = CompletableFuture.supplyAsync(() -> call(() -> importFile("base-stations", uc, "a.csv", utf8(a.toString()))));
        var fb = CompletableFuture.supplyAsync(() -> call(() -> importFile("base-stations", bl, "b.csv", utf8(b.toString()))));
        assertThat(fa.get().path("report").path("inserted").asInt()).isEqualTo(60);
        assertThat(fb.get().path("report").path("inserted").asInt()).isEqualTo(60);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'CU-%' AND operator_code = 'ucell'")).isEqualTo(60);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'CB-%' AND operator_code = 'beeline'")).isEqualTo(60);
    }

    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
