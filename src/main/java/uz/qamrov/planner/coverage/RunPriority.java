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
        try (Ticket t = begin(level)) {
            return work.get();
        }
    }

    /**
     * Work at {@code level} from now until the ticket is closed, for work whose level may rise while it runs (polygons
     * are background work until a reader starts waiting for them: {@link Ticket#raise}).
     */
    Ticket begin(Level level) {
        synchronized (lock) {
            running[level.ordinal()]++;
        }
        return new Ticket(level);
    }

    /** One piece of running work and its current level. */
    final class Ticket implements AutoCloseable {
        private Level level;
        private boolean closed;

        private Ticket(Level level) {
            this.level = level;
        }

        Level level() {
            synchronized (lock) {
                return level;
            }
        }

        /** Raises the work to {@code to} (never lowers it): lower work now yields to it, and it to less. */
        void raise(Level to) {
            synchronized (lock) {
                if (!closed && to.ordinal() < level.ordinal()) {
                    running[level.ordinal()]--;
                    running[to.ordinal()]++;
                    level = to;
                    lock.notifyAll();
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (!closed) {
                    closed = true;
                    running[level.ordinal()]--;
                    lock.notifyAll();
                }
            }
        }
    }

    /** {@link #yieldTo(Level)} at the ticket's current level. */
    void yieldTo(Ticket ticket) {
        yieldTo(ticket.level());
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
