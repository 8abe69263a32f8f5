package uz.qamrov.planner.ingest;

import java.util.UUID;

/**
 * Told how far a running import got, from inside its transaction (after each written entity); not told about dry
 * runs, whose writes never stay. The import's commit marker is one ({@code ImportJobReconciler}); tests add one that
 * kills the connection mid-way.
 */
public interface ImportObserver {

    void rowsWritten(UUID jobId, int rowsDone, int rowsTotal);
}
