package uz.qamrov.planner.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.support.PostgisIT;

/** The shipped national dataset loads into an empty database, layer by layer, and a second load loads nothing. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeodataLoadIT extends PostgisIT {

    @Autowired
    GeodataLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${qamrov.geodata.dir}")
    Path dir;

    @Test
    @Order(1)
    void loadsEveryLayerOnce() {
        long t0 = System.nanoTime();
        assertThat(loader.loadMissingLayers(dir)).isEqualTo(GeodataLayer.values().length);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // "well under a minute" is a benchmark matter; here only a gross regression guard
        assertThat(seconds).isLessThan(120);

        assertThat(jdbc.queryForList("SELECT code FROM regions ORDER BY code", String.class)).containsExactly(
                "UZ-AN", "UZ-BU", "UZ-FA", "UZ-JI", "UZ-NG", "UZ-NW", "UZ-QA", "UZ-QR", "UZ-SA", "UZ-SI", "UZ-SU",
                "UZ-TK", "UZ-TO", "UZ-XO");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlements", Integer.class)).isBetween(11_000, 13_000);
        // every cell found its site: the join on (operator, external id) lost nothing
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cells", Integer.class)).isGreaterThan(200_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset_layers", Integer.class)).isEqualTo(GeodataLayer.values().length);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset_layers WHERE length(sha256) = 64", Integer.class))
                .isEqualTo(GeodataLayer.values().length);
        // names with Uzbek apostrophes survive the load byte for byte
        assertThat(jdbc.queryForObject("SELECT name_uz_latn FROM regions WHERE code = 'UZ-QR'", String.class)).contains("ʻ");
    }

    @Test
    @Order(2)
    void aSecondLoadLoadsNothing() {
        long before = jdbc.queryForObject("SELECT count(*) FROM base_stations", Long.class);
        assertThat(loader.loadMissingLayers(dir)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM base_stations", Long.class)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void siteAndFiberCountsFollowThePublishedFigures() {
        // the dates of the published figures: end-2023, end-2024, mid-2025 (checked here in plain SQL)
        String sites = """
                SELECT count(*) FROM base_stations WHERE commissioned_on <= CAST(? AS date)
                AND (decommissioned_on IS NULL OR decommissioned_on > CAST(? AS date))""";
        assertThat(jdbc.queryForObject(sites, Long.class, "2023-12-31", "2023-12-31")).isBetween(59_700L, 61_500L);
        assertThat(jdbc.queryForObject(sites, Long.class, "2024-12-31", "2024-12-31")).isBetween(76_100L, 78_500L);
        assertThat(jdbc.queryForObject(sites, Long.class, "2025-07-01", "2025-07-01")).isGreaterThanOrEqualTo(87_000L);
        String fiberKm = """
                SELECT sum(ST_Length(geom::geography)) / 1000 FROM fiber_routes WHERE commissioned_on <= CAST(? AS date)
                AND (decommissioned_on IS NULL OR decommissioned_on > CAST(? AS date))""";
        assertThat(jdbc.queryForObject(fiberKm, Double.class, "2023-12-31", "2023-12-31")).isBetween(231_000.0, 241_000.0);
        assertThat(jdbc.queryForObject(fiberKm, Double.class, "2025-07-01", "2025-07-01")).isGreaterThanOrEqualTo(313_000.0);
    }
}
