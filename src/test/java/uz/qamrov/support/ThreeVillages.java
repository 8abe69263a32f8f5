package uz.qamrov.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three villages in Samarqand, used by the planning, scenario and layer tests:
 *
 * <pre>
 *   C (66.50, 39.80) pop 800   — no site; 38 km from fiber, 24 km from site SB
 *   B (66.70, 39.65) pop 2000  — site SB, 2G only (900 MHz, 2 km)
 *   A (66.90, 39.65) pop 5000  — site SA, 4G (3 km) and distribution fiber to (66.92, 39.65)
 * </pre>
 */
public final class ThreeVillages {

    private ThreeVillages() {
    }

    /** Once per database. */
    public static void seed(JdbcTemplate jdbc) {
        if (jdbc.queryForObject("SELECT count(*) FROM settlements", Integer.class) > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source) VALUES
                ('A', 'Alpha', 'village', 5000, 1000, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.90, 39.65), 4326), 'test'),
                ('B', 'Bravo', 'village', 2000, 400, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.70, 39.65), 4326), 'test'),
                ('C', 'Charlie', 'village', 800, 160, 'UZ-SA', ST_SetSRID(ST_MakePoint(66.50, 39.80), 4326), 'test')""");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM settlements s JOIN regions r ON ST_Contains(r.geom, s.geom) WHERE r.code = 'UZ-SA'""",
                Integer.class)).as("the fixture villages lie inside the Samarqand polygon").isEqualTo(3);
        Long sa = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, source)
                VALUES ('ucell', 'SA', ST_SetSRID(ST_MakePoint(66.90, 39.65), 4326), 'active', 'test') RETURNING id""", Long.class);
        Long sb = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, source)
                VALUES ('ucell', 'SB', ST_SetSRID(ST_MakePoint(66.70, 39.65), 4326), 'active', 'test') RETURNING id""", Long.class);
        jdbc.update("INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m) VALUES (?, 'a', '4G', 800, 30, 3000)", sa);
        jdbc.update("INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m) VALUES (?, 'b', '2G', 900, 30, 2000)", sb);
        jdbc.update("""
                INSERT INTO fiber_routes (operator_code, external_id, geom, status, route_kind, source)
                VALUES ('ucell', 'F1', ST_GeomFromText('LINESTRING(66.90 39.65, 66.92 39.65)', 4326), 'active', 'distribution', 'test')""");
    }
}
