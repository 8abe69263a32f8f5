package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/**
 * Real-format files imported with a profile and no hand editing: Geofabrik railways (unnamed ways, a double-tracked
 * line as one railway), an ITU-style fibre set (line_id, Operational/Unknown statuses), an OpenCelliD export with a
 * duplicate (cells grouped into eNodeB sites); and snapshot=full refused with partial=true.
 */
class IngestProfilesIT extends ApiIT {

    static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String f(String props, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geometry + "}";
    }

    @Test
    void geofabrikRailwaysLoadWithTheProfileAndADoubleTrackIsOneLine() throws Exception {
        // OSM way 9001: a double track between (66.0,40.0) and (66.2,40.0): a straight track and a parallel one
        // joined at both stations, plus a 0.1° approach at each end. Way 9002 has no name.
        String file = fc(
                f("\"osm_id\":\"9001\",\"code\":6101,\"fclass\":\"rail\",\"name\":\"Toshkent–Samarqand tezyurar\"",
                        "{\"type\":\"MultiLineString\",\"coordinates\":[[[65.9,40.0],[66.0,40.0]],[[66.0,40.0],[66.2,40.0]],"
                                + "[[66.0,40.0],[66.1,40.001],[66.2,40.0]],[[66.2,40.0],[66.3,40.0]]]}"),
                f("\"osm_id\":\"9002\",\"code\":6101,\"fclass\":\"rail\"", "{\"type\":\"LineString\",\"coordinates\":[[69.2,41.3],[69.25,41.32]]}"));
        JsonNode dry = importFile("railways", ADMIN_TOKEN, "gis_osm_railways.geojson", utf8(file), "profile", "geofabrik-railways",
                "dryRun", "true");
        assertThat(dry.path("status").asText()).as(dry.toString()).isEqualTo("succeeded");
        assertThat(dry.path("report").path("warnings").toString())
                .contains("mapping 'geofabrik-railways' applied: line_key ← osm_id, line_name ← name | fclass")
                .contains("row 1 (9001): 4 parts; km marks along the main path");
        assertThat(count("SELECT count(*) FROM railways WHERE line_key IN ('9001', '9002')")).isZero();

        JsonNode job = importFile("railways", ADMIN_TOKEN, "gis_osm_railways.geojson", utf8(file), "profile", "geofabrik-railways");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT line_name FROM railways WHERE line_key = '9002'", String.class)).isEqualTo("rail");
        // one railway; its main path runs 65.9 → 66.3 along the straight track (0.4° of longitude at 40°N), and every
        // part is kept; the oracle is PostGIS on the stored rows
        assertThat(count("SELECT count(*) FROM railways WHERE line_key = '9001'")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT ST_AsText(geom) FROM railways WHERE line_key = '9001'", String.class))
                .isIn("LINESTRING(65.9 40,66 40,66.2 40,66.3 40)", "LINESTRING(66.3 40,66.2 40,66 40,65.9 40)");
        assertThat(count("SELECT ST_NumGeometries(parts_geom) FROM railways WHERE line_key = '9001'")).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT ST_Length(parts_geom::geography) - ST_Length(geom::geography) > 0 FROM railways"
                + " WHERE line_key = '9001'", Boolean.class)).isTrue();
    }

    /**
     * The admin's way of docs/api.md ("Which lines does a target count?"): real track loaded with the Geofabrik
     * profile, then the T–S–B target pointed at it by OSM id. Way 7001: 0.2° of longitude at 40.5°N (16.9 km on the
     * ellipsoid; PostGIS's geography length is the oracle); way 7002 beside it.
     */
    @Test
    void aTargetCountsTheGeofabrikTrackAnAdminPointsItAt() throws Exception {
        String file = fc(f("\"osm_id\":\"7001\",\"code\":6101,\"fclass\":\"rail\",\"name\":\"Samarqand–Buxoro\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[66.0,40.5],[66.2,40.5]]}"),
                f("\"osm_id\":\"7002\",\"code\":6101,\"fclass\":\"rail\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[66.2,40.5],[66.3,40.5]]}"));
        JsonNode job = importFile("railways", ADMIN_TOKEN, "gis_osm_railways.geojson", utf8(file), "profile",
                "geofabrik-railways");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        long target = jdbc.queryForObject("INSERT INTO targets (indicator_key, kind, target_value, unit, direction, "
                + "deadline, title, source_document, source_item, subject_lines) VALUES "
                + "('railways.tashkent_samarkand_bukhara.high_speed_mobile.pct', 'target', 100, '%', 'at_least', '2023-12-31', "
                + "'T–S–B railway covered', 'roadmap', 'I.7', 'railway:key=tashkent_samarkand_bukhara') RETURNING id",
                Long.class);
        try {
            MvcResult put = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .put("/api/v1/targets/" + target + "/subject").contentType("application/json")
                    .content("{\"subjectLines\":\"railway:key=7001,7002\"}")
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn();
            assertThat(put.getResponse().getStatus()).as(put.getResponse().getContentAsString()).isEqualTo(200);
            JsonNode lines = body(put).get("lines");
            assertThat(lines).hasSize(2);
            double expectedKm = jdbc.queryForObject(
                    "SELECT ST_Length(geom::geography) / 1000 FROM railways WHERE line_key = '7001'", Double.class);
            assertThat(expectedKm).isCloseTo(16.94, org.assertj.core.api.Assertions.within(0.05));
            JsonNode way = null;
            for (JsonNode l : lines) {
                assertThat(l.get("kind").asText()).isEqualTo("railway");
                way = l.get("key").asText().equals("7001") ? l : way;
            }
            assertThat(way).isNotNull();
            assertThat(way.get("lengthKm").asDouble()).isCloseTo(expectedKm, org.assertj.core.api.Assertions.within(0.01));
            JsonNode subject = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/v1/targets/" + target + "/subject")).andReturn());
            assertThat(subject.get("subjectLines").asText()).isEqualTo("railway:key=7001,7002");
        } finally {
            jdbc.update("DELETE FROM targets WHERE id = ?", target);
        }
    }

    /**
     * Geofabrik roads with the profile: a motorway with a ref is an international road under its ref, a primary road
     * without one a state road under its OSM id, a secondary road "other"; names fall back to the ref or id. A
     * residential street is a rejected row that says which classes the layer takes (with partial=true the roads load).
     */
    @Test
    void geofabrikRoadsLoadWithTheProfileClassedByTheirOsmClass() throws Exception {
        String file = fc(
                f("\"osm_id\":\"8001\",\"code\":5111,\"fclass\":\"motorway\",\"ref\":\"M39\",\"name\":\"Katta Oʻzbekiston trakti\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.0,41.0],[69.1,41.0]]}"),
                f("\"osm_id\":\"8002\",\"code\":5113,\"fclass\":\"primary\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.1,41.0],[69.2,41.05]]}"),
                f("\"osm_id\":\"8003\",\"code\":5122,\"fclass\":\"secondary\",\"name\":\"Navoiy yoʻli\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.2,41.05],[69.21,41.05]]}"),
                f("\"osm_id\":\"8004\",\"code\":5122,\"fclass\":\"residential\",\"name\":\"Navoiy koʻchasi\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.21,41.05],[69.22,41.05]]}"));
        JsonNode whole = importFile("highways", ADMIN_TOKEN, "gis_osm_roads.geojson", utf8(file), "profile", "geofabrik-roads");
        assertThat(whole.path("status").asText()).as(whole.toString()).isEqualTo("rejected");
        assertThat(whole.path("report").path("errors").toString()).contains("residential")
                .contains("expected one of [international, other, state]");
        JsonNode job = importFile("highways", ADMIN_TOKEN, "gis_osm_roads.geojson", utf8(file), "profile", "geofabrik-roads",
                "partial", "true");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(3);
        assertThat(job.path("report").path("rejected").asInt()).isEqualTo(1);
        List<String> rows = jdbc.queryForList("SELECT ref || ' ' || road_class || ' ' || name_uz_latn FROM highways"
                + " WHERE ref IN ('M39', '8002', '8003', '8004') ORDER BY ref", String.class);
        assertThat(rows).containsExactly("8002 state 8002", "8003 other Navoiy yoʻli",
                "M39 international Katta Oʻzbekiston trakti");
    }

    /**
     * A real Geofabrik file cuts a road into many ways with one ref: the profile merges them (duplicates=merge) into
     * one line; its main path is the longest (69.0 → 69.3 along 41.0 N, three ways), the link road off it is kept as
     * a part. Re-uploading the same file changes nothing.
     */
    @Test
    void geofabrikRoadWaysSharingARefAreOneRoad() throws Exception {
        String file = fc(
                f("\"osm_id\":\"9001\",\"fclass\":\"trunk\",\"ref\":\"A380\",\"name\":\"Gʻuzor–Nukus\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.0,41.0],[69.1,41.0]]}"),
                f("\"osm_id\":\"9002\",\"fclass\":\"trunk\",\"ref\":\"A380\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.1,41.0],[69.2,41.0]]}"),
                f("\"osm_id\":\"9003\",\"fclass\":\"primary\",\"ref\":\"4R12\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.4,41.2],[69.5,41.2]]}"),
                f("\"osm_id\":\"9004\",\"fclass\":\"trunk_link\",\"ref\":\"A380\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.2,41.0],[69.2,41.01]]}"),
                f("\"osm_id\":\"9005\",\"fclass\":\"trunk\",\"ref\":\"A380\"",
                        "{\"type\":\"LineString\",\"coordinates\":[[69.2,41.0],[69.3,41.0]]}"));
        JsonNode job = importFile("highways", ADMIN_TOKEN, "gis_osm_roads_a380.geojson", utf8(file), "profile", "geofabrik-roads");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(2);
        assertThat(job.path("report").path("warnings").toString())
                .contains("rows 1, 2, 4, 5 (A380): 4 rows joined into one line (duplicates=merge)");
        // the main path is the three ways along the parallel (either direction), not the link road
        assertThat(jdbc.queryForObject("SELECT ST_Equals(geom, ST_GeomFromText('LINESTRING(69.0 41.0, 69.1 41.0, 69.2 41.0,"
                + " 69.3 41.0)', 4326)) FROM highways WHERE ref = 'A380'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT road_class || ' ' || name_uz_latn FROM highways WHERE ref = 'A380'", String.class))
                .isEqualTo("international Gʻuzor–Nukus");
        assertThat(count("SELECT ST_NumGeometries(parts_geom) FROM highways WHERE ref = 'A380'")).as("every way kept").isEqualTo(4);
        JsonNode again = importFile("highways", ADMIN_TOKEN, "gis_osm_roads_a380.geojson", utf8(file), "profile", "geofabrik-roads");
        assertThat(again.path("report").path("unchanged").asInt()).as(again.toString()).isEqualTo(2);
        // merge has no meaning for sites: refused before any job
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/v1/uploads/base-stations").file(new org.springframework.mock.web.MockMultipartFile("file",
                        "s.csv", "text/csv", utf8("operator,site_id,cell_id,lon,lat\nucell,S1,1,69.2,41.3\n")))
                .param("duplicates", "merge").header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("duplicates=merge joins the pieces of a line");
    }

    @Test
    void anItuFibreSetImportsAsBackboneWithItsStatusesMapped() throws Exception {
        String line = "{\"type\":\"LineString\",\"coordinates\":[[69.2,41.3],[69.4,41.2]]}";
        String file = fc(f("\"line_id\":\"ITU-1\",\"operator\":\"ucell\",\"status\":\"Operational\"", line),
                f("\"line_id\":\"ITU-2\",\"operator\":\"ucell\",\"status\":\"Unknown\"", line),
                f("\"line_id\":\"ITU-3\",\"operator\":\"ucell\"", line));
        JsonNode job = importFile("fiber-routes", ADMIN_TOKEN, "fibre.geojson", utf8(file), "profile", "itu-fibre");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("warnings").toString())
                .contains("mapping 'itu-fibre': values status: Operational→active (1 row)")
                .contains("mapping 'itu-fibre': values status: Unknown→unknown (1 row)")
                .contains("mapping 'itu-fibre': default route_kind=backbone (3 rows)")
                .contains("1 route of status 'unknown': stored, but not counted");
        assertThat(jdbc.queryForList("SELECT external_id || ' ' || status || ' ' || route_kind || ' ' || isempty(counts_during)"
                + " FROM fiber_routes WHERE external_id LIKE 'ITU-%' ORDER BY external_id", String.class))
                .containsExactly("ITU-1 active backbone false", "ITU-2 unknown backbone true", "ITU-3 active backbone false");
        // fibre km counts every route that counts today, not the unknown one: the indicator against plain SQL over
        // the table on the indicator's own date (today in Tashkent)
        JsonNode report = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/indicators")).andReturn());
        String asOf = report.path("asOf").asText();
        double countedKm = jdbc.queryForObject("SELECT sum(ST_Length(geom::geography)) / 1000 FROM fiber_routes"
                + " WHERE counts_during @> CAST(? AS date)", Double.class, asOf);
        double unknownKm = jdbc.queryForObject("SELECT ST_Length(geom::geography) / 1000 FROM fiber_routes"
                + " WHERE external_id = 'ITU-2'", Double.class);
        double fiberKm = 0;
        for (JsonNode e : report.path("indicators")) {
            if (e.path("key").asText().equals("fiber.length_km")) {
                fiberKm = e.path("value").asDouble();
            }
        }
        assertThat(unknownKm).isGreaterThan(10);
        assertThat(fiberKm).as("fibre km on %s = the routes that count, %.2f km of unknown status left out", asOf, unknownKm)
                .isCloseTo(countedKm, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void openCellIdCellsBecomeSitesWithObservedRangesAndTheLatestDuplicateWins() throws Exception {
        String header = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n";
        String csv = header
                // eNodeB 1000 of Ucell (434-05): cells 256001 (twice: the later update wins) and 256002
                + "LTE,434,5,100,256001,0,69.2400,41.3000,1500,10,1,1577836800,1600000000,0\n"
                + "LTE,434,5,100,256002,0,69.2500,41.3100,0,4,1,1590000000,1650000000,0\n"
                + "LTE,434,5,100,256001,0,69.2600,41.3200,1800,12,1,1577836800,1700000000,0\n"
                // eNodeB 1001
                + "LTE,434,5,100,256256,0,69.3000,41.3500,900,3,1,1577836800,1600000000,0\n";
        jdbc.update("DELETE FROM base_stations WHERE operator_code = 'ucell' AND source LIKE 'upload:%'");
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "cells.csv", utf8(csv));
        JsonNode report = job.path("report");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(report.path("inserted").asInt()).isEqualTo(2);
        JsonNode counts = report.path("rowCounts");
        assertThat(List.of(counts.path("read").asInt(), counts.path("imported").asInt(), counts.path("rejected").asInt(),
                counts.path("superseded").asInt(), counts.path("withheld").asInt())).containsExactly(4, 3, 0, 1, 0);
        assertThat(report.path("warnings").toString()).contains("row 1: superseded by row 3");
        // the site is at the centroid of rows 2 and 3; range became observed_range_m, dates observation dates
        assertThat(jdbc.queryForObject("SELECT ST_AsText(geom) || ' ' || coalesce(commissioned_on::text, '-') || ' '"
                + " || first_observed_on || ' ' || last_observed_on FROM base_stations WHERE external_id = '434-5-L1000'", String.class))
                .isEqualTo("POINT(69.255 41.315) - 2020-01-01 2023-11-14");
        assertThat(jdbc.queryForList("SELECT c.external_id || ' ' || coalesce(c.range_m::text, '-') || ' '"
                + " || coalesce(c.observed_range_m::text, '-') FROM cells c JOIN base_stations b ON b.id = c.base_station_id"
                + " WHERE b.external_id = '434-5-L1000' ORDER BY 1", String.class))
                .containsExactly("256001 - 1800", "256002 - -");

        JsonNode strict = importFile("base-stations", ADMIN_TOKEN, "cells.csv", utf8(csv), "duplicates", "reject", "dryRun", "true");
        assertThat(strict.path("status").asText()).isEqualTo("rejected");
        assertThat(strict.path("report").path("errors").get(0).path("message").asText())
                .isEqualTo("duplicate cell: 4G area 100 cell 256001 already in row 1");
    }

    @Test
    void snapshotFullWithPartialIsRefusedAndDecommissionsNothing() throws Exception {
        String header = IngestIT.HEADER;
        jdbc.update("DELETE FROM base_stations WHERE operator_code = 'mobiuz' AND source LIKE 'upload:%'");
        importFile("base-stations", ADMIN_TOKEN, "m.csv", utf8(header + IngestIT.site("mobiuz", "SN-1", "1", 69.20, 41.20, 30)
                + IngestIT.site("mobiuz", "SN-2", "1", 69.30, 41.35, 35)));
        int active = count("SELECT count(*) FROM base_stations WHERE operator_code = 'mobiuz' AND status <> 'decommissioned'"
                + " AND valid_to = 'infinity'");
        String twoRows = header + IngestIT.site("mobiuz", "SN-1", "1", 69.20, 41.20, 30) + "mobiuz,SN-X,1,abc,41.3,30,active,,,4G,1800,,,,28,,\n";
        MvcResult r = upload("base-stations", ADMIN_TOKEN, "m.csv", utf8(twoRows), "snapshot", "full", "partial", "true");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).path("detail").asText()).contains("snapshot=full cannot be combined with partial=true");
        // all-or-nothing with snapshot=full: the bad row rejects the file, so nothing is decommissioned either
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "m.csv", utf8(twoRows), "snapshot", "full");
        assertThat(job.path("status").asText()).isEqualTo("rejected");
        assertThat(count("SELECT count(*) FROM base_stations WHERE operator_code = 'mobiuz' AND status <> 'decommissioned'"
                + " AND valid_to = 'infinity'")).isEqualTo(active);
    }

    @Test
    void ourCsvWithRenamedColumnsIsCheckedForRequiredColumnsAfterTheMapping() throws Exception {
        // an export whose columns carry other names: without the mapping it lacks site_id, cell_id, lon and lat
        String csv = "operator,osm_id,sector,x,y,technology,band_mhz,antenna_height_m\n"
                + "mobiuz,RN-1,1,69.21,41.21,4G,1800,28\n"
                + "mobiuz,RN-1,2,69.21,41.21,4G,1800,28\n";
        jdbc.update("DELETE FROM base_stations WHERE external_id = 'RN-1'");
        MvcResult plain = upload("base-stations", ADMIN_TOKEN, "renamed.csv", utf8(csv));
        assertThat(plain.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(plain).path("detail").asText())
                .startsWith("missing required column(s) cell_id, lat, lon, site_id for layer base-stations (header read: [operator, osm_id,");

        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "renamed.csv", utf8(csv), "map", "site_id:osm_id,cell_id:sector,lon:x,lat:y");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT ST_AsText(b.geom) || ' ' || count(c.*) FROM base_stations b JOIN cells c"
                + " ON c.base_station_id = b.id WHERE b.external_id = 'RN-1' AND b.valid_to = 'infinity' GROUP BY b.geom", String.class))
                .isEqualTo("POINT(69.21 41.21) 2");

        // a mapped column whose source is not in the file: both names are in the message
        MvcResult wrong = upload("base-stations", ADMIN_TOKEN, "renamed.csv", utf8(csv), "map", "site_id:osm_ident|ref,cell_id:sector,lon:x,lat:y");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = body(wrong);
        assertThat(problem.path("detail").asText()).startsWith("missing required column(s) site_id (mapped from osm_ident | ref,"
                + " not in the header) for layer base-stations (header read: [operator, osm_id, sector, x, y, technology,"
                + " band_mhz, antenna_height_m]; mapping 'custom')");
        assertThat(problem.path("missingColumns").toString()).isEqualTo("[\"site_id\"]");
        assertThat(problem.path("mappedFrom").toString()).isEqualTo("{\"site_id\":[\"osm_ident\",\"ref\"]}");
    }

    @Test
    void aSavedProfileIsUsedByName() throws Exception {
        String body = "{\"description\":\"our rail register\",\"map\":\"line_key:kod,line_name:nomi\"}";
        MvcResult saved = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/mapping-profiles/uz-rail").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType("application/json").content(body)).andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isIn(200, 201);
        MvcResult builtIn = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/mapping-profiles/opencellid").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType("application/json").content(body)).andReturn();
        assertThat(builtIn.getResponse().getStatus()).isEqualTo(400);
        MvcResult planner = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/mapping-profiles/uz-rail2").header("Authorization", "Bearer " + token("planner", null))
                .contentType("application/json").content(body)).andReturn();
        assertThat(planner.getResponse().getStatus()).isEqualTo(403);
        JsonNode list = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/mapping-profiles")).andReturn());
        assertThat(list.findValuesAsText("name")).contains("opencellid", "geofabrik-railways", "geofabrik-roads", "itu-fibre", "uz-rail");

        String file = fc(f("\"kod\":\"UZR-77\",\"nomi\":\"Qarshi–Kitob\"", "{\"type\":\"LineString\",\"coordinates\":[[65.8,38.86],[66.9,39.1]]}"));
        JsonNode job = importFile("railways", ADMIN_TOKEN, "r.geojson", utf8(file), "profile", "uz-rail");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject("SELECT line_name FROM railways WHERE line_key = 'UZR-77'", String.class)).isEqualTo("Qarshi–Kitob");
    }
}
