package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import uz.qamrov.support.ApiIT;

/**
 * What a running import says about itself: an observer told of every phase and every written row reads the job as
 * the API shows it (the same {@link ImportJobViews} the endpoint uses). 200 one-cell sites: the job is running
 * through validate, write and coverage in that order; while writing, 200 rows to go through and a count that only
 * grows; done, it says 100%. A rejected file never leaves its validation.
 */
@Import(ImportProgressIT.Watcher.class)
class ImportProgressIT extends ApiIT {

    record Seen(String status, String phase, int rowsRead, Integer rowsTotal) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    /** At each phase's start: the phase the runner announced, then the job as the API shows it then. */
    static final List<String> PHASES = new CopyOnWriteArrayList<>();
    static final List<Seen> AT_PHASE = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Watcher {
        @Bean
        ImportObserver readTheJobWhileItWrites(@Lazy ImportJobViews views) {
            return new ImportObserver() {
                @Override
                public void rowsWritten(UUID job, int done, int total) {
                    SEEN.add(seen(views.job(job)));
                }

                @Override
                public void phaseStarted(UUID job, String phase, int total) {
                    PHASES.add(phase);
                    AT_PHASE.add(seen(views.job(job)));
                }
            };
        }

        private static Seen seen(ImportJobViews.JobView v) {
            return new Seen(v.status(), v.progress().phase(), v.progress().rowsRead(), v.progress().rowsTotal());
        }
    }

    @Test
    void aRunningImportSaysItIsWritingAndHowFarItGot() throws Exception {
        StringBuilder csv = new StringBuilder(IngestIT.HEADER);
        for (int i = 0; i < 200; i++) {
            csv.append(IngestIT.site("ucell", "P-" + i, "1", 66 + i * 0.01, 40.0, 30));
        }
        SEEN.clear();
        PHASES.clear();
        AT_PHASE.clear();
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
        // every phase, in order, each shown by the API as it starts: validating from row 0, writing from row 0, and
        // the coverage update once all 200 rows were read
        assertThat(PHASES).containsExactly("validate", "write", "coverage");
        assertThat(AT_PHASE).containsExactly(new Seen("running", "validate", 0, 200), new Seen("running", "write", 0, 200),
                new Seen("running", "coverage", 200, 200));
    }

    @Test
    void aRejectedFileStopsAfterItsValidation() throws Exception {
        String csv = IngestIT.HEADER + IngestIT.site("ucell", "R-1", "1", 66, 40.0, 30)
                + IngestIT.site("ucell", "R-2", "1", 66.1, 95.0, 30); // latitude 95°: rejected, nothing written
        SEEN.clear();
        PHASES.clear();
        AT_PHASE.clear();
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "r.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        assertThat(PHASES).containsExactly("validate");
        assertThat(AT_PHASE).containsExactly(new Seen("running", "validate", 0, 2));
        assertThat(SEEN).isEmpty();
    }
}
