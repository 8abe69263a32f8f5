package uz.qamrov.planner.system.db;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the self-started cluster when it dies under the running service (crash, OOM killer, someone's
 * {@code pg_ctl stop}). Meanwhile requests answer 503 quickly (short pool timeouts) and readiness is DOWN; the
 * pool reconnects by itself once the cluster is back on the same port.
 */
public final class ClusterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterWatchdog.class);

    private final PostgisCluster cluster;
    private final ScheduledExecutorService timer;
    /** Set by {@link #close()}: a restart it interrupts is the close working, not a failure. */
    private volatile boolean closing;

    public ClusterWatchdog(PostgisCluster cluster, Duration interval) {
        this.cluster = cluster;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qamrov-db-watchdog");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(100, interval.toMillis());
        timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One check; never throws, so the schedule survives a failed restart and tries again next time. */
    void check() {
        try {
            if (cluster.ensureRunning()) {
                log.warn("PostGIS cluster {} restarted by the watchdog", cluster.dataDir());
            }
        } catch (RuntimeException e) {
            if (closing) {
                log.info("PostGIS cluster {}: restart abandoned, the watchdog is closing ({})", cluster.dataDir(), e.getMessage());
                return;
            }
            log.error("PostGIS cluster {} is down and could not be restarted (will retry): {}", cluster.dataDir(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(70, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
