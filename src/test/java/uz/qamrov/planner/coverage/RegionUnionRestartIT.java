package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.RegionUnionKey;
import uz.qamrov.engine.model.Technology;

/**
 * The region unions of the coverage polygons outlive the service: the real application, started twice on one
 * database. The second start builds no union: it reads every one from {@code region_unions}, and today's polygons it
 * stores are byte for byte the ones the first start built. Also the store itself: a union reads back exactly, and
 * past its budget the unions used longest ago go.
 */
class RegionUnionRestartIT {

    @Test
    void aRestartReadsEveryRegionUnionBackAndStoresTheSamePolygons() throws Exception {
        TwoStarts app = new TwoStarts("unions");
        List<Map<String, Object>> before;
        long firstRun;
        int unions;
        Timestamp restart;
        try (ConfigurableApplicationContext first = app.start(true)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            app.awaitReady(TwoStarts.base(first));
            new ResourceDatabasePopulator(new ClassPathResource("fixtures/operators.sql"),
                    new ClassPathResource("fixtures/regions.sql")).execute(first.getBean(DataSource.class));
            first.getBean(CoverageService.class).rebuild(); // the regions in the model: unions per region
            // sectors of three sites, one of them near the UZ-TO/Toshkent city border
            app.upload(TwoStarts.base(first), TwoStarts.HEADER + TwoStarts.row("U-1", 69.30, 41.30)
                    + TwoStarts.row("U-2", 69.52, 41.28) + TwoStarts.row("U-3", 69.71, 41.33), "");
            firstRun = awaitPolygons(jdbc, 0);
            before = polygons(jdbc, firstRun);
            unions = jdbc.queryForObject("SELECT count(*) FROM region_unions", Integer.class);
            restart = jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
        }
        // a union of footprints that reach a region's box but not the region is stored too, and gives no polygon
        assertThat(unions).as("a stored union for each polygon").isGreaterThanOrEqualTo(before.size());
        assertThat(before).isNotEmpty();

        // a settlement added while the service is down: the restart computes today's run again (on the same data it
        // would keep the stored one, UnchangedRestartIT), and today's polygons with it, of unchanged footprints
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(app.db, "postgres",
                uz.qamrov.support.TestPostgis.cluster().password()); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                    VALUES ('added-while-down', 'Yangi', 'village', 400, 90, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.4, 41.2), 4326), 'test')""");
        }
        try (ConfigurableApplicationContext second = app.start(true)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            long run = awaitPolygons(jdbc, firstRun);
            assertThat(polygons(jdbc, run)).as("the polygons of the first start, byte for byte").isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM region_unions", Integer.class))
                    .as("no union built again").isEqualTo(unions);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM region_unions WHERE built_at > ?", Integer.class, restart))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM region_unions WHERE used_at > ?", Integer.class, restart))
                    .as("every union read back").isEqualTo(unions);
        }
    }

    @Test
    void aUnionReadsBackExactlyAndTheLeastRecentlyUsedGoPastTheBudget() {
        try (ConfigurableApplicationContext ctx = new TwoStarts("unionstore").start(false)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
            MultiPolygon square = gf.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {gf.createPolygon(
                    new Coordinate[] {new Coordinate(69.1, 41.1), new Coordinate(69.2000000001, 41.1),
                        new Coordinate(69.2, 41.2), new Coordinate(69.1, 41.1)})});
            int wkbBytes = new org.locationtech.jts.io.WKBWriter(2).write(square).length;
            RegionUnionRepository store = new RegionUnionRepository(jdbc, 3L * wkbBytes);
            RegionUnionKey[] keys = new RegionUnionKey[5];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = new RegionUnionKey("UZ-TO", Technology.G4, i == 0 ? null : "ucell", digest(i));
                store.keep(keys[i], new RegionCoverage("UZ-TO", Technology.G4, keys[i].operator(), square, 61.25 + i));
            }
            RegionCoverage back = store.find(keys[0]); // read: now the most recently used
            assertThat(back.geometry().equalsExact(square)).isTrue();
            assertThat(back.areaKm2()).isEqualTo(61.25);
            assertThat(back.operator()).isNull();
            assertThat(back.technology()).isEqualTo(Technology.G4);
            assertThat(store.find(new RegionUnionKey("UZ-TO", Technology.G4, null, digest(99)))).isNull();

            assertThat(store.evict()).isEqualTo(2);
            assertThat(store.countAndBytes()).containsExactly(3, 3L * wkbBytes);
            assertThat(store.find(keys[1])).as("used longest ago").isNull();
            assertThat(store.find(keys[2])).isNull();
            for (int i : new int[] {0, 3, 4}) {
                assertThat(store.find(keys[i]).areaKm2()).isEqualTo(61.25 + i);
            }
            assertThat(new RegionUnionRepository(jdbc, 0).find(keys[0])).as("a budget of 0 keeps nothing").isNull();
        }
    }

    private static byte[] digest(int i) {
        byte[] d = new byte[32];
        d[0] = (byte) i;
        d[31] = 7;
        return d;
    }

    /** The id of today's newest run with polygons (at least one) once there is one newer than {@code after}. */
    private static long awaitPolygons(JdbcTemplate jdbc, long after) {
        return Awaitility.await("polygons of a run after " + after).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject("""
                        SELECT coalesce(max(id), 0) FROM coverage_runs
                        WHERE status = 'succeeded' AND stats -> 'polygons' IS NOT NULL AND id > ?
                          AND EXISTS (SELECT 1 FROM coverage_polygons p WHERE p.run_id = coverage_runs.id)""",
                        Long.class, after),
                        id -> id > after);
    }

    private static List<Map<String, Object>> polygons(JdbcTemplate jdbc, long run) {
        return jdbc.queryForList("""
                SELECT technology, operator_code, region_code, area_km2, md5(ST_AsBinary(geom)) AS geom_md5
                FROM coverage_polygons WHERE run_id = ? ORDER BY technology, operator_code, region_code""", run);
    }
}
