package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.qamrov.support.ApiIT;

/**
 * A job's status never contradicts the tables after a crash: the commit marker exists exactly when the rows were
 * committed, and the start-up reconciliation turns a job left 'running' into 'succeeded' (rows committed) or
 * 'failed' (nothing written), leaving jobs of the current process alone.
 */
class ImportJobReconcilerIT extends ApiIT {

    @Autowired
    ImportJobReconciler reconciler;

    @Test
    void aJobLeftRunningIsReconciledFromWhatTheDatabaseHolds() throws Exception {
        String csv = IngestIT.HEADER + IngestIT.site("ucell", "R-1", "1", 69.20, 41.20, 30)
                + IngestIT.site("ucell", "R-2", "1", 69.30, 41.30, 30);
        JsonNode committed = importFile("base-stations", ADMIN_TOKEN, "r.csv", utf8(csv));
        assertThat(committed.path("status").asText()).as(committed.toString()).isEqualTo("succeeded");
        UUID committedId = UUID.fromString(committed.path("id").asText());
        assertThat(count("SELECT count(*) FROM import_job_commits WHERE job_id = ?", committedId)).isEqualTo(1);

        JsonNode dry = importFile("base-stations", ADMIN_TOKEN, "d.csv",
                utf8(IngestIT.HEADER + IngestIT.site("ucell", "D-1", "1", 69.25, 41.25, 30)), "dryRun", "true");
        assertThat(dry.path("status").asText()).isEqualTo("succeeded");
        assertThat(count("SELECT count(*) FROM import_job_commits WHERE job_id = ?", UUID.fromString(dry.path("id").asText())))
                .as("a dry run rolls its marker back with its rows").isZero();

        JsonNode rejected = importFile("base-stations", ADMIN_TOKEN, "x.csv",
                utf8(IngestIT.HEADER + IngestIT.site("ucell", "X-1", "1", 10.0, 10.0, 30)));
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(count("SELECT count(*) FROM import_job_commits WHERE job_id = ?", UUID.fromString(rejected.path("id").asText())))
                .isZero();

        // The crash: the committed job's process died before finishJob, another job died before its commit.
        jdbc.update("UPDATE import_jobs SET status = 'running', report = NULL, error = NULL, finished_at = NULL, "
                + "created_at = now() - interval '1 hour' WHERE id = ?", committedId);
        UUID lost = UUID.randomUUID();
        jdbc.update("INSERT INTO import_jobs (id, layer, status, submitted_by, created_at) "
                + "VALUES (?, 'base-stations', 'running', 'admin', now() - interval '1 hour')", lost);
        // a job that failed after its commit (coverage update while the database went away) but says "nothing was written"
        JsonNode later = importFile("base-stations", ADMIN_TOKEN, "l.csv",
                utf8(IngestIT.HEADER + IngestIT.site("ucell", "L-1", "1", 69.22, 41.22, 30)));
        UUID laterId = UUID.fromString(later.path("id").asText());
        jdbc.update("UPDATE import_jobs SET status = 'failed', error = 'the import failed and was rolled back; nothing was written: "
                + "connection refused' WHERE id = ?", laterId);
        UUID current = UUID.randomUUID();
        jdbc.update("INSERT INTO import_jobs (id, layer, status, submitted_by, created_at) VALUES (?, 'base-stations', 'running', 'admin', now())", current);

        ImportJobReconciler.Reconciled r = reconciler.reconcile(Instant.now().minusSeconds(60));

        assertThat(r).isEqualTo(new ImportJobReconciler.Reconciled(2, 1));
        assertThat(jdbc.queryForMap("SELECT status, error FROM import_jobs WHERE id = ?", laterId))
                .containsEntry("status", "succeeded").containsEntry("error", ImportJobReconciler.FAILED_AFTER_COMMIT
                        + "connection refused");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = 'L-1'")).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT status, error FROM import_jobs WHERE id = ?", committedId))
                .containsEntry("status", "succeeded").containsEntry("error", ImportJobReconciler.COMMITTED_NOTE);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id IN ('R-1', 'R-2')"))
                .as("the tables hold what the job now says").isEqualTo(2);
        assertThat(jdbc.queryForMap("SELECT status, error FROM import_jobs WHERE id = ?", lost))
                .containsEntry("status", "failed").containsEntry("error", ImportJobReconciler.NOTHING_WRITTEN);
        assertThat(jdbc.queryForObject("SELECT status FROM import_jobs WHERE id = ?", String.class, current))
                .as("a job of the running process is not touched").isEqualTo("running");
    }
}
