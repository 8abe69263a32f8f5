package uz.qamrov.planner.target;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uz.qamrov.support.PostgisIT;

/**
 * Indicators and targets over HTTP on a dataset small enough to compute on paper:
 *
 * <pre>
 *   UZ-SA (66..67 E, 39..40 N)          UZ-BU (64..65 E, 39..40 N)
 *     SA1 (66.5 39.5) pop 1000  ← site A: 4G omni 5 km, since 2020-06-01
 *     SA2 (66.9 39.9) pop 3000    (≈ 57 km from A: not covered)
 *     BU1 (64.5 39.5) pop 2000  ← site B: 3G omni 5 km, since 2023-06-01
 *     BU2 (64.9 39.9) pop 4000
 * </pre>
 * As of 2024-12-31: mobile internet (3G+) 2 of 4 settlements = 50%, population (1000+2000)/10000 = 30%,
 * high-speed (4G+) 1 of 4 = 25%. As of 2022-12-31 only A counts: 25%.
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressApiIT extends PostgisIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

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
                ('BU2', 'Toʻrt', 'village', 4000, 800, 'UZ-BU', ST_SetSRID(ST_MakePoint(64.9, 39.9), 4326), 'test')""");
        jdbc.update("INSERT INTO operators (code, name) VALUES ('op', 'Operator')");
        long a = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, source)
                VALUES ('op', 'A', ST_SetSRID(ST_MakePoint(66.5, 39.5), 4326), 'active', '2020-06-01', 'test') RETURNING id""", Long.class);
        long b = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, source)
                VALUES ('op', 'B', ST_SetSRID(ST_MakePoint(64.5, 39.5), 4326), 'active', '2023-06-01', 'test') RETURNING id""", Long.class);
        jdbc.update("INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m) VALUES (?, 'c', '4G', 800, 30, 5000)", a);
        jdbc.update("INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m) VALUES (?, 'c', '3G', 2100, 30, 5000)", b);
        jdbc.update("""
                INSERT INTO targets (indicator_key, scope, target_value, unit, direction, deadline, title, source_document)
                VALUES ('settlements.mobile_internet.pct', 'UZ', 100, '%', 'at_least', '2026-12-31', 'All settlements', 'roadmap'),
                       ('base_stations.count', 'UZ', 57000, 'count', 'at_least', '2026-12-31', '57,000 base stations', 'roadmap')""");
    }

    @Test
    void nationalIndicatorsAsOfEnd2024() throws Exception {
        mvc.perform(get("/api/v1/indicators").param("asOf", "2024-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeType").value("national"))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.count')].value").value(4.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].value").value(50.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].unit").value("%"))
                .andExpect(jsonPath("$.indicators[?(@.key=='population.mobile_internet.pct')].value").value(30.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.high_speed_mobile.pct')].value").value(25.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.uncovered')].value").value(2.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='base_stations.count')].value").value(2.0));
    }

    @Test
    void aRegionAndAnEarlierDate() throws Exception {
        mvc.perform(get("/api/v1/indicators").param("region", "UZ-BU").param("asOf", "2024-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeCode").value("UZ-BU"))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].value").value(50.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.high_speed_mobile.pct')].value").value(0.0))
                // a share target holds for every region; a national count (57,000 sites) says nothing about one region
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].target.value").value(100.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='base_stations.count')].target").isEmpty());
        mvc.perform(get("/api/v1/indicators").param("asOf", "2024-12-31"))
                .andExpect(jsonPath("$.indicators[?(@.key=='base_stations.count')].target.value").value(57000.0));
        mvc.perform(get("/api/v1/targets").param("region", "UZ-BU").param("asOf", "2024-12-31"))
                .andExpect(jsonPath("$.targets", hasSize(1)));
        // before site B was commissioned, only A's settlement counts
        mvc.perform(get("/api/v1/indicators").param("asOf", "2022-12-31"))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].value").value(25.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='base_stations.count')].value").value(1.0));
    }

    @Test
    void theTargetIsBehindOnItsTrend() throws Exception {
        // last three points 25% (2022-12-31), 50% (2023-12-31), 50% (2024-12-31): the least-squares line gives
        // ≈ 79.1% at 2026-12-31 < 100% → behind, gap 50 points
        mvc.perform(get("/api/v1/indicators").param("asOf", "2024-12-31"))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].status").value("behind"))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].gap").value(50.0))
                .andExpect(jsonPath("$.indicators[?(@.key=='settlements.mobile_internet.pct')].target.value").value(100.0));
        mvc.perform(get("/api/v1/targets").param("asOf", "2024-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets", hasSize(2)))
                .andExpect(jsonPath("$.targets[0].value").value(50.0))
                .andExpect(jsonPath("$.targets[0].status").value("behind"))
                .andExpect(jsonPath("$.targets[0].projectedAtDeadline", closeTo(79.1, 0.1)))
                // year-ends 2019..2023 and the as-of date
                .andExpect(jsonPath("$.targets[0].series", hasSize(6)))
                .andExpect(jsonPath("$.targets[0].series[0].value").value(0.0))
                .andExpect(jsonPath("$.targets[0].series[1].value").value(25.0));
    }

    @Test
    void everyRegionsValuesInOneAnswerAreThoseOfEachRegionsOwn() throws Exception {
        // on paper at end-2024: BU1 under B's 3G (mobile internet, not high speed), SA1 under A's 4G; at end-2022 B
        // was not on air yet
        mvc.perform(get("/api/v1/indicators/regions").param("asOf", "2024-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[*].code").value(org.hamcrest.Matchers.contains("UZ-BU", "UZ-SA")))
                .andExpect(jsonPath("$.regions[0].indicators[?(@.key=='settlements.mobile_internet.pct')].value").value(50.0))
                .andExpect(jsonPath("$.regions[0].indicators[?(@.key=='settlements.high_speed_mobile.pct')].value").value(0.0))
                .andExpect(jsonPath("$.regions[1].indicators[?(@.key=='settlements.high_speed_mobile.pct')].value").value(50.0))
                .andExpect(jsonPath("$.regions[0].indicators[?(@.key=='base_stations.count')].value").value(1.0));
        mvc.perform(get("/api/v1/indicators/regions").param("asOf", "2022-12-31"))
                .andExpect(jsonPath("$.regions[0].indicators[?(@.key=='settlements.mobile_internet.pct')].value").value(0.0));
        // and every value is the one /indicators?region= gives, key by key
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var all = json.readTree(mvc.perform(get("/api/v1/indicators/regions").param("asOf", "2024-12-31")).andReturn()
                .getResponse().getContentAsString());
        int compared = 0;
        for (var region : all.get("regions")) {
            var own = json.readTree(mvc.perform(get("/api/v1/indicators").param("region", region.get("code").asText())
                    .param("asOf", "2024-12-31")).andReturn().getResponse().getContentAsString());
            java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byKey = new java.util.HashMap<>();
            own.get("indicators").forEach(i -> byKey.put(i.get("key").asText(), i));
            org.assertj.core.api.Assertions.assertThat(region.get("indicators")).hasSize(byKey.size());
            for (var v : region.get("indicators")) {
                var expected = byKey.get(v.get("key").asText());
                org.assertj.core.api.Assertions.assertThat(v.get("value")).as(v.toString()).isEqualTo(expected.get("value"));
                org.assertj.core.api.Assertions.assertThat(v.get("unit")).isEqualTo(expected.get("unit"));
                compared++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(compared).isGreaterThan(20);
    }

    @Test
    void unknownScopesAndBadDatesAreProblems() throws Exception {
        mvc.perform(get("/api/v1/indicators").param("region", "UZ-ZZ"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://qamrov.uz/problems/not-found"));
        mvc.perform(get("/api/v1/indicators").param("asOf", "31.12.2024"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("asOf")));
    }
}
