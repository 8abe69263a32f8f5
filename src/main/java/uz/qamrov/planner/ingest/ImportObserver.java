package uz.qamrov.planner.ingest;

import java.util.UUID;

/**
 * Told how far a running import got: each phase as it starts (validate, write, coverage; dry runs too), and from
 * inside the transaction each written entity (not for dry runs, whose writes never stay). The import's commit marker
 * is one ({@code ImportJobReconciler}); tests add one that kills the connection mid-way, and one that reads the job
 * as the API shows it at every step.
 */
public interface ImportObserver {

    void rowsWritten(UUID jobId, int rowsDone, int rowsTotal);

    /** A phase starts ({@code validate}, {@code write} or {@code coverage}); the job's progress already says so. */
    default void phaseStarted(UUID jobId, String phase, int rowsTotal) {
    }
}
