package uz.qamrov.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a job in this JVM retains at its worst: a full collection every 500 ms while it runs, and the largest heap used
 * after one, minus the heap used before it started. The collections slow the job, so its times are comparable only
 * with other runs measured the same way.
 */
final class RetainedHeap implements AutoCloseable {

    private final long before;
    private final AtomicLong worst;
    private final AtomicInteger collections = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    private RetainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        before = used();
        worst = new AtomicLong(before);
        sampler.scheduleWithFixedDelay(() -> {
            System.gc();
            collections.incrementAndGet();
            worst.accumulateAndGet(used(), Math::max);
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling now (after three collections: the baseline). */
    static RetainedHeap sample() {
        return new RetainedHeap();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(30, TimeUnit.SECONDS);
    }

    long worstMb() {
        return (worst.get() - before) >> 20;
    }

    int collections() {
        return collections.get();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
