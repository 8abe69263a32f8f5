package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import uz.qamrov.support.ApiIT;

/**
 * What a running import says about itself: an observer told of every written row reads the job as the API shows it
 * (the same {@link ImportJobViews} the endpoint uses) while the job is writing. 200 one-cell sites: the job is
 * running, in its "write" phase, with 200 rows to go through, and its count only grows; done, it says 100%.
 */
@Import(ImportProgressIT.Watcher.class)
class ImportProgressIT extends ApiIT {

    record Seen(String status, String phase, int rowsRead, Integer rowsTotal) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Watcher {
        @Bean
        ImportObserver readTheJobWhileItWrites(@Lazy ImportJobViews views) {
            return (job, done, total) -> {
                var v = views.job(job);
                SEEN.add(new Seen(v.status(), v.progress().phase(), v.progress().rowsRead(), v.progress().rowsTotal()));
            };
        }
    }

    @Test
    void aRunningImportSaysItIsWritingAndHowFarItGot() throws Exception {
        StringBuilder csv = new StringBuilder(IngestIT.HEADER);
        for (int i = 0; i < 200; i++) {
            csv.append(IngestIT.site("ucell", "P-" + i, "1", 66 + i * 0.01, 40.0, 30));
        }
        SEEN.clear();
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "p.csv", utf8(csv.toString()));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(SEEN).isNotEmpty();
        assertThat(SEEN).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo("running");
            assertThat(s.phase()).isEqualTo("write");
            assertThat(s.rowsTotal()).isEqualTo(200);
            assertThat(s.rowsRead()).isBetween(0, 200);
        });
        for (int i = 1; i < SEEN.size(); i++) {
            assertThat(SEEN.get(i).rowsRead()).isGreaterThanOrEqualTo(SEEN.get(i - 1).rowsRead());
        }
        assertThat(job.path("progress").path("percent").asDouble()).isEqualTo(100.0);
    }
}
