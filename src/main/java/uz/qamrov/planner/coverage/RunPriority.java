package uz.qamrov.planner.coverage;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Who computes first on two cores: today's run (an import waits for it), then the runs readers wait for, then the
 * background (the slider's month-ends, polygons). Before, all of them shared the CPU alike: after a start the
 * precomputation of a hundred month-ends slowed every reader, and an upload waited 30–51 s for today's run.
 *
 * <p>Work runs inside {@link #run} at its {@link Level} and calls {@link #yieldTo} between its pieces (a run's
 * evaluation steps, one union of polygons): there it waits while work of a higher level is running. It never waits
 * inside a piece, and at most {@code maxWait} per call, so a long streak of urgent work delays the rest but cannot
 * starve it. Waiting is cooperative and holds no lock of the model.
 */
@Component
final class RunPriority {

    /** Highest first. */
    enum Level {
        /** Today's run: what an import reports back on. */
        TODAY,
        /** A run a reader is waiting for. */
        READER,
        /** Precomputation and polygons. */
        BACKGROUND
    }

    private final Object lock = new Object();
    private final long maxWaitNanos;
    private final int[] running = new int[Level.values().length];

    /** The service's: other work waits at most 20 s per step for higher work (which takes seconds). */
    RunPriority() {
        this(20, TimeUnit.SECONDS);
    }

    RunPriority(long maxWait, TimeUnit unit) {
        this.maxWaitNanos = unit.toNanos(maxWait);
    }

    /** Runs {@code work} at {@code level}: lower work pauses at its next {@link #yieldTo} until it is done. */
    <T> T run(Level level, Supplier<T> work) {
        synchronized (lock) {
            running[level.ordinal()]++;
        }
        try {
            return work.get();
        } finally {
            synchronized (lock) {
                running[level.ordinal()]--;
                lock.notifyAll();
            }
        }
    }

    /** Waits while work above {@code level} runs (at most {@code maxWait}); returns at once when none does. */
    void yieldTo(Level level) {
        synchronized (lock) {
            long deadline = System.nanoTime() + maxWaitNanos;
            while (higherRunning(level)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether work above {@code level} is running now. */
    boolean higherRunning(Level level) {
        synchronized (lock) {
            for (int i = 0; i < level.ordinal(); i++) {
                if (running[i] > 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
