package uz.qamrov.planner.coverage;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the runs a newly stored run replaced, a grace period after it is stored. A reader that found the old run
 * (stale, served at once while its replacement computed) streams its rows after its request handler returned; deleted
 * with the replacement's own transaction, the rows were sometimes gone before that query started, and the answer was an
 * empty list flagged stale (20 ms replacements in the tests hit it; nationally, a replacement ending in the few
 * milliseconds between a reader's lookup and its query). Readers look up the newest run of a date, so a replaced run
 * kept a little longer is never chosen again. A stop within the grace leaves it until the date's next run is stored
 * (that deletion takes every older run).
 */
@Component
class ReplacedRuns {

    private static final Logger log = LoggerFactory.getLogger(ReplacedRuns.class);

    /** Long enough for any reader that looked up the replaced run to have started its query, even under load. */
    static final long GRACE_S = 30;

    private final CoverageResultRepository results;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(CoverageThreads.named("coverage-replaced", 0));

    ReplacedRuns(CoverageResultRepository results) {
        this.results = results;
    }

    /** Deletes the runs of {@code asOf} that {@code keptRunId} replaced, {@link #GRACE_S} from now. */
    void deleteLater(LocalDate asOf, long keptRunId) {
        timer.schedule(() -> {
            try {
                results.deleteOlderRuns(asOf, keptRunId);
            } catch (RuntimeException e) {
                log.warn("coverage: the runs of {} replaced by run {} were not deleted: {}", asOf, keptRunId, e.toString());
            }
        }, GRACE_S, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
