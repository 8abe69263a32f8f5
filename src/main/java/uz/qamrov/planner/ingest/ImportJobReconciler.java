package uz.qamrov.planner.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a job's status true to the tables across a crash or a database outage.
 *
 * <p>During an import: the first written entity of a job also writes its {@code import_job_commits} row, inside
 * the same transaction, so the row exists if and only if the job's data was committed (a rollback or a dry run
 * takes it away too).
 *
 * <p>At start, before anything else looks at jobs: a job that a dead process left {@code queued} or
 * {@code running} is {@code succeeded} when its data was committed (the report and coverage update it never
 * finished are said to be missing; the full model build at start includes its rows), and {@code failed} with
 * "nothing was written" otherwise. Only jobs created before this process started are touched.
 *
 * <p>While running, every minute (and at start): a job recorded as {@code failed} although its rows were committed
 * (it failed after the commit, e.g. in the coverage update while the database went away) is set to
 * {@code succeeded}, keeping its error text after a note that the rows were written.
 *
 * <p>SQL is here rather than in {@link IngestRepository} to keep this change apart from the import path; it is
 * the job table's only reconciliation.
 */
@Component
class ImportJobReconciler implements ImportObserver {

    private static final Logger log = LoggerFactory.getLogger(ImportJobReconciler.class);
    static final String COMMITTED_NOTE = "the service stopped after this import's rows were committed; its report and "
            + "coverage update were not finished (the coverage model is rebuilt in full at start)";
    static final String NOTHING_WRITTEN = "interrupted: the service stopped; nothing was written";

    private final JdbcClient jdbc;
    /** Jobs whose marker this process wrote in a still-open transaction: one insert per job, not per row. */
    private final Set<UUID> marked = ConcurrentHashMap.newKeySet();

    ImportJobReconciler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void rowsWritten(UUID jobId, int rowsDone, int rowsTotal) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !marked.add(jobId)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                marked.remove(jobId);
            }
        });
        jdbc.sql("INSERT INTO import_job_commits (job_id) VALUES (:id) ON CONFLICT DO NOTHING").param("id", jobId).update();
    }

    /** Runs before ApplicationReadyEvent listeners (which include the ingest service's own clean-up). */
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void reconcileAtStart() {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        Reconciled r = reconcile(processStart);
        if (r.succeeded() + r.failed() > 0) {
            log.warn("import jobs interrupted by the last stop: {} had committed their rows (now succeeded), {} had not (now failed)",
                    r.succeeded(), r.failed());
        }
    }

    record Reconciled(int succeeded, int failed) {
    }

    static final String FAILED_AFTER_COMMIT = "the rows of this import were committed; it failed afterwards: ";
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qamrov-job-reconciler");
                t.setDaemon(true);
                return t;
            });

    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void startPeriodicCheck() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                correctFailedAfterCommit();
            } catch (RuntimeException e) {
                // the database may be away right now; the next round tries again
                log.debug("job reconciliation skipped: {}", e.toString());
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * Jobs marked failed whose rows were committed: succeeded, with the failure kept after a note (and without the
     * runner's "nothing was written", which the tables contradict).
     */
    int correctFailedAfterCommit() {
        return jdbc.sql("""
                UPDATE import_jobs j SET status = 'succeeded', error = :note
                       || coalesce(regexp_replace(j.error, '^[^:]*nothing was written: ', ''), 'unknown error')
                FROM import_job_commits c
                WHERE c.job_id = j.id AND j.status = 'failed'""").param("note", FAILED_AFTER_COMMIT).update();
    }

    Reconciled reconcile(Instant createdBefore) {
        Timestamp before = Timestamp.from(createdBefore);
        int succeeded = jdbc.sql("""
                UPDATE import_jobs j SET status = 'succeeded', error = :note, finished_at = coalesce(j.finished_at, c.committed_at)
                FROM import_job_commits c
                WHERE c.job_id = j.id AND j.status IN ('queued', 'running') AND j.created_at < :before""")
                .param("note", COMMITTED_NOTE).param("before", before).update();
        int failed = jdbc.sql("""
                UPDATE import_jobs j SET status = 'failed', error = :note, finished_at = now()
                WHERE j.status IN ('queued', 'running') AND j.created_at < :before
                  AND NOT EXISTS (SELECT 1 FROM import_job_commits c WHERE c.job_id = j.id)""")
                .param("note", NOTHING_WRITTEN).param("before", before).update();
        succeeded += correctFailedAfterCommit();
        return new Reconciled(succeeded, failed);
    }
}
