package uz.qamrov.planner.geodata;

import static org.hamcrest.Matchers.containsInAnyOrder;
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
 * /api/v1/about counts what is real and what is synthetic from the rows themselves: here 1 real town and 2 synthetic
 * villages, 1 synthetic site and 1 uploaded (real) one.
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AboutApiIT extends PostgisIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void dataset() {
        jdbc.update("""
                INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, geom, source) VALUES
                ('UZ-SA', 'Samarqand viloyati', 'Самарқанд вилояти', 'Самаркандская область', 'Samarkand Region', 51600,
                 ST_GeomFromText('MULTIPOLYGON(((66 39,67 39,67 40,66 40,66 39)))', 4326), 'test')""");
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source) VALUES
                ('gn:1', 'Shahar', 'city', 50000, 10000, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.5, 39.5), 4326), 'geonames'),
                ('syn:1', 'Qishloq', 'village', 900, 200, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.6, 39.6), 4326), 'synthetic'),
                ('syn:2', 'Ovul', 'village', 700, 150, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.7, 39.7), 4326), 'synthetic')""");
        jdbc.update("INSERT INTO operators (code, name) VALUES ('op', 'Operator')");
        jdbc.update("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, source) VALUES
                ('op', 'S1', ST_SetSRID(ST_MakePoint(66.5, 39.5), 4326), 'active', '2020-01-01', 'synthetic'),
                ('op', 'U1', ST_SetSRID(ST_MakePoint(66.6, 39.6), 4326), 'active', '2021-01-01', 'upload')""");
    }

    @Test
    void itSaysWhatIsRealAndWhatIsSynthetic() throws Exception {
        mvc.perform(get("/api/v1/about"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.layers[?(@.layer=='settlements')].total").value(containsInAnyOrder(3)))
                .andExpect(jsonPath("$.layers[?(@.layer=='settlements')].real").value(containsInAnyOrder(1)))
                .andExpect(jsonPath("$.layers[?(@.layer=='settlements')].synthetic").value(containsInAnyOrder(2)))
                .andExpect(jsonPath("$.layers[?(@.layer=='base_stations')].synthetic").value(containsInAnyOrder(1)))
                .andExpect(jsonPath("$.layers[?(@.layer=='base_stations')].real").value(containsInAnyOrder(1)))
                .andExpect(jsonPath("$.attribution[*].source").value(containsInAnyOrder("GeoNames",
                        "SimpleMaps World Cities Basic", "Natural Earth", "SRTM30_PLUS (Scripps / NASA SRTM)")))
                .andExpect(jsonPath("$.banner").value("Demo data: 1 of 3 settlements are real towns, the rest synthetic; "
                        + "regions and districts approximate; 1 of 2 rows of the telecom network synthetic"));
    }
}
