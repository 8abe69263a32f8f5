package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.support.ApiIT;

/**
 * An import whose database connection is killed mid-way (pg_terminate_backend from another connection once 50 or
 * more of the 200 sites are staged, inside the import's transaction) leaves nothing behind, and running it again
 * succeeds.
 */
@Import(IngestKillIT.Killer.class)
class IngestKillIT extends ApiIT {

    static final AtomicBoolean KILL = new AtomicBoolean(true);

    @TestConfiguration
    static class Killer {
        @Bean
        ImportObserver killConnectionAfter50Rows(JdbcTemplate jdbc, DataSource ds) {
            return (job, done, total) -> {
                if (done >= 50 && KILL.getAndSet(false)) {
                    Integer pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class); // the import's own connection
                    HikariDataSource h = (HikariDataSource) ds;
                    try (Connection other = DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword())) {
                        other.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }
    }

    @Test
    void aKilledImportLeavesNothingPartialAndARerunSucceeds() throws Exception {
        StringBuilder csv = new StringBuilder(IngestIT.HEADER);
        for (int i = 0; i < 200; i++) {
            csv.append(IngestIT.site("ucell", "K-" + i, "1", 66 + i * 0.01, 40.0, 30));
        }
        JsonNode first = importFile("base-stations", ADMIN_TOKEN, "k.csv", utf8(csv.toString()));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("failed");
        assertThat(first.path("error").asText()).contains("nothing was written");
        assertThat(count("SELECT count(*) FROM base_stations")).isZero();
        assertThat(count("SELECT count(*) FROM cells")).isZero();

        JsonNode second = importFile("base-stations", ADMIN_TOKEN, "k.csv", utf8(csv.toString()));
        assertThat(second.path("status").asText()).isEqualTo("succeeded");
        assertThat(second.path("report").path("inserted").asInt()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM base_stations")).isEqualTo(200);
    }
}
