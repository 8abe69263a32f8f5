package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import uz.qamrov.support.TestPostgis;

/**
 * A restart on the data the service stopped with keeps every stored run: the real application, started three times on
 * one database.
 * <ol>
 *   <li>The first start loads settlements and regions, rebuilds, takes an upload (an import's generation) and stores
 *       today's run.</li>
 *   <li>The second start, on the same data and code, makes a generation that changes no date ({@code effective_from}
 *       NULL, the digest of the import's generation): today's run of the first start is still the fresh one, and no
 *       run is computed again. This also shows that the digest an import's generation gets from the model equals the
 *       digest a rebuild gets from the database.</li>
 *   <li>A cell turned by hand in the database while the service is down: the third start's generation changes every
 *       date, and today's run is computed again before the service says it is ready.</li>
 * </ol>
 */
class UnchangedRestartIT {

    static final LocalDate TODAY = DecommissionRestartIT.TODAY;

    @Test
    void aRestartOnTheSameDataKeepsTheStoredRunsAndAChangeWhileDownRecomputesThem() throws Exception {
        TwoStarts app = new TwoStarts("unchanged");
        long firstRun;
        Map<String, Object> importGeneration;
        try (ConfigurableApplicationContext first = app.start(false)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            app.awaitReady(TwoStarts.base(first));
            new ResourceDatabasePopulator(new ClassPathResource("fixtures/operators.sql"),
                    new ClassPathResource("fixtures/regions.sql")).execute(first.getBean(DataSource.class));
            jdbc.update("""
                    INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                    VALUES ('u1', 'Birinchi', 'village', 900, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.30, 41.30), 4326), 'test'),
                           ('u2', 'Ikkinchi', 'village', 700, 150, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.90, 41.60), 4326), 'test')""");
            first.getBean(CoverageService.class).rebuild(); // the settlements and regions in the model
            app.upload(TwoStarts.base(first), TwoStarts.HEADER + TwoStarts.row("U-1", 69.30, 41.30)
                    + TwoStarts.row("U-2", 69.52, 41.28), "");
            importGeneration = Awaitility.await("the import's generation digested").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100)).until(() -> newestGeneration(jdbc),
                            g -> g.get("answers_digest") != null);
            assertThat(importGeneration.get("kind")).isEqualTo("incremental");
            firstRun = awaitFreshRun(first, 0);
            assertThat(firstRun).isPositive();
        }

        Timestamp restart;
        try (ConfigurableApplicationContext second = app.start(false)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            restart = jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
            app.awaitReady(TwoStarts.base(second));
            Map<String, Object> g = newestGeneration(jdbc);
            assertThat(g.get("kind")).isEqualTo("full");
            assertThat(g.get("id")).isNotEqualTo(importGeneration.get("id"));
            assertThat(g.get("effective_from")).as("a rebuild that changes no date").isNull();
            assertThat(g.get("answers_digest")).as("the import's generation's digest").isEqualTo(importGeneration.get("answers_digest"));
            RunRef today = second.getBean(CoverageResultRepository.class).latestRun(TODAY).orElseThrow();
            assertThat(today.id()).as("today's run of the first start").isEqualTo(firstRun);
            assertThat(today.stale()).isFalse();
            assertThat(app.get(TwoStarts.base(second) + "/api/v1/gaps/settlements").statusCode()).isEqualTo(200);
            // the start's generation queued its dates before readiness (the event is handled in the rebuild): once
            // nothing is queued or computing, every run the start would compute has been stored
            Awaitility.await("the background idle").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> second.getBean(CoverageRunStore.class).pending() == 0);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM coverage_runs WHERE started_at > ?", Integer.class, restart))
                    .as("no run computed again").isZero();
        }

        try (Connection c = DriverManager.getConnection(app.db, "postgres", TestPostgis.cluster().password());
                Statement s = c.createStatement()) {
            // while the service is down: a sector of U-2 turned to the west
            assertThat(s.executeUpdate("UPDATE cells SET azimuth_deg = 270 WHERE base_station_id ="
                    + " (SELECT id FROM base_stations WHERE external_id = 'U-2')")).isEqualTo(1);
        }
        try (ConfigurableApplicationContext third = app.start(false)) {
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            app.awaitReady(TwoStarts.base(third));
            Map<String, Object> g = newestGeneration(jdbc);
            assertThat(g.get("kind")).isEqualTo("full");
            assertThat(g.get("effective_from")).as("every date").isNotNull();
            assertThat(g.get("answers_digest")).isNotEqualTo(importGeneration.get("answers_digest"));
            // readiness waits for today's replacement (FirstPageWarmup): the first visitor is not served the stale run
            RunRef today = third.getBean(CoverageResultRepository.class).latestRun(TODAY).orElseThrow();
            assertThat(today.stale()).as("today's run at readiness").isFalse();
            assertThat(today.complete()).isTrue();
            assertThat(today.id()).as("today's run computed again").isGreaterThan(firstRun);
        }
    }

    @Test
    void aRunStoredGapsFirstWhoseRestNeverCameIsNotFreshForTheBackground() throws Exception {
        TwoStarts app = new TwoStarts("partial");
        try (ConfigurableApplicationContext ctx = app.start(false)) {
            app.awaitReady(TwoStarts.base(ctx)); // the start's own generation first: it would make these runs stale
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            CoverageResultRepository results = ctx.getBean(CoverageResultRepository.class);
            long g = results.newGeneration("full", LocalDate.MIN, "test", null);
            LocalDate whole = LocalDate.of(2022, 12, 31);
            LocalDate gapsFirst = LocalDate.of(2023, 12, 31);
            jdbc.update("INSERT INTO coverage_runs (kind, as_of, status, generation, stats) VALUES"
                    + " ('full', ?, 'succeeded', ?, '{}'::jsonb), ('full', ?, 'succeeded', ?, '{\"partial\": true}'::jsonb)",
                    whole, g, gapsFirst, g);
            assertThat(results.freshDates()).contains(whole).doesNotContain(gapsFirst);
            assertThat(results.latestRun(gapsFirst).orElseThrow().stale()).as("fresh for a reader of its gaps").isFalse();
        }
    }

    private static Map<String, Object> newestGeneration(JdbcTemplate jdbc) {
        return jdbc.queryForMap("SELECT id, kind, effective_from, answers_digest FROM coverage_generations ORDER BY id DESC LIMIT 1");
    }

    /** Today's fresh, complete run once there is one newer than {@code after}. */
    private static long awaitFreshRun(ConfigurableApplicationContext ctx, long after) {
        CoverageResultRepository results = ctx.getBean(CoverageResultRepository.class);
        return Awaitility.await("today's run after " + after).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> results.latestRun(TODAY).filter(r -> !r.stale() && r.complete() && r.id() > after)
                        .map(RunRef::id).orElse(0L), id -> id > after);
    }
}
