package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.planner.system.db.NiceBackends;
import uz.qamrov.support.PostgisIT;

/**
 * A thread of background work (made nicer by {@link CoverageThreads}) queries through a PostgreSQL backend at its own
 * nice value, read from /proc; a reader's thread through a backend at the readers' value. The tests' cluster runs on
 * this machine, as the service's own cluster does.
 */
@TestPropertySource(properties = "qamrov.embedded-db.nice-local-backends=true")
class NiceBackendsIT extends PostgisIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void backgroundWorkQueriesThroughABackendAtItsNiceValueAndReadersDoNot() throws Exception {
        assertThat(dataSource).isInstanceOf(NiceBackends.class);
        // the cluster was started by this JVM: its backends start at our value
        int readers = NiceBackends.niceOfProcess("self");
        assertThat(readers).as("the test JVM runs below the background value").isLessThan(10);
        try (Connection c = dataSource.getConnection()) {
            assertThat(NiceBackends.niceOfBackend(c)).isEqualTo(readers);
        }

        ExecutorService background = Executors.newSingleThreadExecutor(CoverageThreads.named("test-background", 10));
        try {
            for (int i = 0; i < 3; i++) { // a pooled connection borrowed again stays at that value
                int nice = background.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return NiceBackends.niceOfBackend(c);
                    }
                }).get(30, TimeUnit.SECONDS);
                assertThat(nice).isEqualTo(10);
            }
            // JdbcTemplate (what the repositories use) takes the same route, and its query runs in that backend
            int pid = background.submit(() -> jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class))
                    .get(30, TimeUnit.SECONDS);
            assertThat(NiceBackends.niceOfProcess(Integer.toString(pid))).isEqualTo(10);
        } finally {
            background.shutdownNow();
        }
        for (int i = 0; i < 5; i++) {
            try (Connection c = dataSource.getConnection()) {
                assertThat(NiceBackends.niceOfBackend(c)).as("a reader's connection").isEqualTo(readers);
            }
        }
    }
}
