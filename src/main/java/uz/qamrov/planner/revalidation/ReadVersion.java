package uz.qamrov.planner.revalidation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.coverage.GenerationChanged;
import uz.qamrov.planner.ingest.ImportObserver;

/**
 * What the read answers (layers, gap lists, indicators, targets, hexagons, OGC items …) are computed from, as one
 * entity tag: an answer tagged with the current tag is still the answer. It changes when
 * <ul>
 *   <li>a new coverage model generation becomes current (an upload's incremental update, a full recompute);</li>
 *   <li>an upload's rows are committed (its coverage phase starts): the layers read the tables, which change before
 *       the new generation does;</li>
 *   <li>any other write request finishes (a target's subject, planning costs …: {@link RevalidatingReads});</li>
 *   <li>the date in Tashkent changes: "today" is the default as-of date;</li>
 *   <li>the service restarts (its data may have been reloaded).</li>
 * </ul>
 * A request is tagged with the value read before it is answered, so an answer computed while the data changed
 * carries the older tag and is asked for again at the next request.
 */
@Component
public class ReadVersion implements ImportObserver {

    private final String boot = Long.toString(System.currentTimeMillis(), 36)
            + UUID.randomUUID().toString().substring(0, 4);
    private final AtomicLong changes = new AtomicLong();
    private final Clock clock;

    ReadVersion(Clock clock) {
        this.clock = clock;
    }

    /** The weak entity tag of every read answer right now, e.g. {@code W/"mi3k2x0a1b-7-20261203"}. */
    public String etag() {
        return "W/\"" + boot + '-' + changes.get() + '-' + LocalDate.now(clock).toString().replace("-", "") + '"';
    }

    /** Something the read answers are computed from changed: every tag handed out so far is stale. */
    public void changed() {
        changes.incrementAndGet();
    }

    @EventListener
    void onGeneration(GenerationChanged event) {
        changed();
    }

    @Override
    public void rowsWritten(UUID jobId, int rowsDone, int rowsTotal) {
        // inside the upload's transaction: nothing is visible to readers yet
    }

    @Override
    public void phaseStarted(UUID jobId, String phase, int rowsTotal) {
        if ("coverage".equals(phase)) {
            changed(); // the upload's rows are committed; its new generation follows
        }
    }
}
