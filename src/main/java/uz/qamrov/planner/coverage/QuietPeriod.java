package uz.qamrov.planner.coverage;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the last task of a burst once no newer one has been submitted for the quiet period; earlier tasks of the burst
 * are dropped. Used to precompute the slider's month-ends once uploads pause, instead of after each of them (an
 * upload every 30 s re-precomputed 14 month-ends every time: more CPU than two cores have), and to refresh the
 * dashboard's target report once they pause ({@code DashboardWarmup}).
 */
public final class QuietPeriod {

    private final ScheduledExecutorService scheduler;
    private final long quietMs;
    private final AtomicLong latest = new AtomicLong();

    public QuietPeriod(ScheduledExecutorService scheduler, long quietMs) {
        this.scheduler = scheduler;
        this.quietMs = quietMs;
    }

    public void submit(Runnable task) {
        long ticket = latest.incrementAndGet();
        if (quietMs <= 0) {
            task.run();
            return;
        }
        scheduler.schedule(() -> {
            if (latest.get() == ticket) {
                task.run();
            }
        }, quietMs, TimeUnit.MILLISECONDS);
    }
}
