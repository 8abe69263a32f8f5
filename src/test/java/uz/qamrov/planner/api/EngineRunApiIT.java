package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import uz.qamrov.support.PostgisIT;

/**
 * The read side over results the real coverage service computes on demand (no stand-in): two regions, a 4G site
 * in Samarqand and a 3G site in Bukhara commissioned in mid-2023, each with a settlement on the site and one ~55 km
 * away (outside the 5 km cell range).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRunApiIT extends PostgisIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RestClient.Builder rest;

    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void dataset() {
        jdbc.update("""
                INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, geom, source) VALUES
                ('UZ-SA', 'Samarqand viloyati', 'Самарқанд вилояти', 'Самаркандская область', 'Samarkand Region', 4000,
                 ST_GeomFromText('MULTIPOLYGON(((66 39,67 39,67 40,66 40,66 39)))', 4326), 'test'),
                ('UZ-BU', 'Buxoro viloyati', 'Бухоро вилояти', 'Бухарская область', 'Bukhara Region', 6000,
                 ST_GeomFromText('MULTIPOLYGON(((64 39,65 39,65 40,64 40,64 39)))', 4326), 'test')""");
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source) VALUES
                ('SA1', 'Bir', 'village', 1000, 200, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.5, 39.5), 4326), 'test'),
                ('SA2', 'Ikki', 'village', 3000, 600, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.9, 39.9), 4326), 'test'),
                ('BU1', 'Uch', 'village', 2000, 400, 'UZ-BU', ST_SetSRID(ST_MakePoint(64.5, 39.5), 4326), 'test'),
                ('BU2', 'Tort', 'village', 4000, 800, 'UZ-BU', ST_SetSRID(ST_MakePoint(64.9, 39.9), 4326), 'test')""");
        jdbc.update("INSERT INTO operators (code, name) VALUES ('op', 'Operator')");
        Long a = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, source)
                VALUES ('op', 'A', ST_SetSRID(ST_MakePoint(66.5, 39.5), 4326), 'active', '2020-06-01', 'test') RETURNING id""", Long.class);
        Long b = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, source)
                VALUES ('op', 'B', ST_SetSRID(ST_MakePoint(64.5, 39.5), 4326), 'active', '2023-06-01', 'test') RETURNING id""", Long.class);
        jdbc.update("INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m) VALUES (?, 'c', '4G', 800, 30, 5000)", a);
        jdbc.update("INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m) VALUES (?, 'c', '3G', 2100, 30, 5000)", b);
    }

    JsonNode getJson(String path) throws Exception {
        var res = rest.baseUrl("http://127.0.0.1:" + port).build().get().uri(path).retrieve().toEntity(String.class);
        assertThat(res.getStatusCode().value()).as(path).isEqualTo(200);
        return json.readTree(res.getBody());
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("name_uz_latn").asText()));
        return names;
    }

    @Test
    void gapListsFollowTheComputedRunForEachDate() throws Exception {
        assertThat(names(getJson("/api/v1/gaps/settlements?asOf=2025-01-01"))).containsExactly("Tort", "Ikki");
        // before site B was commissioned, Uch had no coverage either
        assertThat(names(getJson("/api/v1/gaps/settlements?asOf=2022-01-01"))).containsExactly("Tort", "Ikki", "Uch");
        // 3G does not give high-speed mobile
        assertThat(names(getJson("/api/v1/gaps/settlements?asOf=2025-01-01&service=high_speed_mobile")))
                .containsExactly("Tort", "Ikki", "Uch");
        assertThat(names(getJson("/api/v1/gaps/settlements?asOf=2025-01-01&region=UZ-SA"))).containsExactly("Ikki");
        // the settlements layer carries the same run's status
        JsonNode layer = getJson("/api/v1/layers/settlements?asOf=2025-01-01&bbox=64,39,65,40");
        List<String> covered = new ArrayList<>();
        layer.get("features").forEach(f -> covered.add(f.at("/properties/name_uz_latn").asText() + "=" + f.at("/properties/covered").asBoolean()));
        assertThat(covered).containsExactlyInAnyOrder("Uch=true", "Tort=false");
        JsonNode ikki = getJson("/api/v1/gaps/settlements?asOf=2025-01-01&region=UZ-SA").get("items").get(0);
        // nearest site: (66.5, 39.5) -> (66.9, 39.9) is ~56 km
        assertThat(ikki.get("nearest_site_m").asDouble()).isBetween(50_000.0, 62_000.0);
    }

    @Test
    void coveragePolygonsOfTheRunExportAsRfc7946() throws Exception {
        JsonNode fc = getJson("/api/v1/coverage.geojson?technology=4G&asOf=2025-01-01");
        assertThat(fc.get("features")).isNotEmpty();
        for (JsonNode f : fc.get("features")) {
            assertThat(f.at("/properties/region").asText()).isEqualTo("UZ-SA");
            var g = new GeoJsonReader().read(f.get("geometry").toString());
            // around site A (66.5, 39.5), in lon/lat order
            assertThat(g.getEnvelopeInternal().centre().x).isCloseTo(66.5, org.assertj.core.data.Offset.offset(0.1));
            assertThat(g.getEnvelopeInternal().centre().y).isCloseTo(39.5, org.assertj.core.data.Offset.offset(0.1));
            assertThat(Orientation.isCCW(((Polygon) g.getGeometryN(0)).getExteriorRing().getCoordinates())).isTrue();
        }
        List<String> regions = new ArrayList<>();
        getJson("/api/v1/coverage.geojson?technology=3G&asOf=2025-01-01").get("features")
                .forEach(f -> regions.add(f.at("/properties/region").asText()));
        assertThat(regions).contains("UZ-SA", "UZ-BU");
        // before site B, no 3G coverage in Bukhara
        List<String> early = new ArrayList<>();
        getJson("/api/v1/coverage.geojson?technology=3G&asOf=2022-01-01").get("features")
                .forEach(f -> early.add(f.at("/properties/region").asText()));
        assertThat(early).containsOnly("UZ-SA");
    }

    /**
     * The OGC coverage collection's {@code datetime} picks the run of that date: nothing before site A (2020-06-01);
     * A's 4G disc in Samarqand, counted for 2G+, 3G+ and 4G+ ("this technology or better"), for its operator and for
     * any operator ('*'); B's 3G in Bukhara from 2023-06-01 for 2G+ and 3G+ only. An interval's end is its as-of date.
     */
    @Test
    @SuppressWarnings("unchecked")
    void ogcCoverageCollectionFollowsDatetime() throws Exception {
        List<String> samarqand = List.of("UZ-SA 2G *", "UZ-SA 2G op", "UZ-SA 3G *", "UZ-SA 3G op", "UZ-SA 4G *", "UZ-SA 4G op");
        List<String> both = new ArrayList<>(samarqand);
        both.addAll(List.of("UZ-BU 2G *", "UZ-BU 2G op", "UZ-BU 3G *", "UZ-BU 3G op"));
        for (var c : List.<Object[]>of(new Object[] {"2020-05-31", List.of()}, new Object[] {"2021-01-01", samarqand},
                new Object[] {"2023-05-31T23:00:00Z", samarqand}, new Object[] {"2022-01-01/2023-06-01", both},
                new Object[] {"2025-01-01", both})) {
            JsonNode fc = getJson("/ogc/collections/coverage/items?datetime=" + c[0]);
            List<String> keys = new ArrayList<>();
            for (JsonNode f : fc.get("features")) {
                JsonNode p = f.get("properties");
                keys.add(p.get("region").asText() + " " + p.get("technology").asText() + " " + p.get("operator").asText());
                // one site's disc: within the cell's 5 km range, so at most pi * 5^2 km2
                assertThat(p.get("area_km2").asDouble()).as("%s on %s", keys.get(keys.size() - 1), c[0])
                        .isPositive().isLessThanOrEqualTo(Math.PI * 25);
            }
            assertThat(keys).as("coverage features on %s", c[0]).containsExactlyInAnyOrderElementsOf((List<String>) c[1]);
            assertThat(fc.get("numberMatched").asInt()).isEqualTo(keys.size());
        }
    }

    @Test
    void geoPackageHoldsTheSameGaps(@TempDir Path dir) throws Exception {
        byte[] gpkg = rest.baseUrl("http://127.0.0.1:" + port).build().get().uri("/api/v1/exports/gaps.gpkg?asOf=2025-01-01")
                .retrieve().body(byte[].class);
        Path file = dir.resolve("gaps.gpkg");
        Files.write(file, gpkg);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ExportFilesIT.count(db, "uncovered_settlements")).isEqualTo(2);
            assertThat(ExportFilesIT.count(db, "settlements_status")).isEqualTo(4);
        }
    }
}
