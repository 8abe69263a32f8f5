package uz.qamrov.planner.ingest;

import java.util.UUID;

/**
 * Told how far a running import got, from inside its transaction (after each written entity). The default tracks
 * progress for {@code GET /api/v1/jobs/{id}}; tests add one that kills the connection mid-way.
 */
public interface ImportObserver {

    void rowsWritten(UUID jobId, int rowsDone, int rowsTotal);
}
