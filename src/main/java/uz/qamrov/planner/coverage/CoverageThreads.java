package uz.qamrov.planner.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.qamrov.planner.system.db.BackgroundWork;

/**
 * The coverage service's own threads: daemons, named by their job, and at a nice value of their own.
 *
 * <p>Threads of work nobody ever waits for (the slider's month-ends) run at a higher nice value: the
 * operating system gives them only the CPU time the readers leave. {@link RunPriority} already makes such work pause
 * between its pieces while a reader's run computes, but a piece in progress kept its share: in the first minutes after
 * a start a month nobody viewed took 2–3 s, and 0.5–0.8 s once the precomputation was done. Work a reader may come to
 * wait for (polygons, a run's rest) stays at the readers' value: a process cannot lower its threads' nice value again.
 * Java thread priorities do nothing on Linux without root, so each such thread raises its own nice value with
 * {@code renice} on its task id (Linux schedules threads as tasks; anyone may make their own tasks nicer). Where that is
 * not possible (another OS, no {@code renice}) the threads run as before and this is logged once.
 */
final class CoverageThreads {

    private static final Logger log = LoggerFactory.getLogger(CoverageThreads.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private CoverageThreads() {
    }

    /** Daemon threads named {@code name-N} at nice {@code nice} (0 = as other threads). */
    static ThreadFactory named(String name, int nice) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                lowerThisThread(nice);
                r.run();
            }, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    /** A fork-join pool of {@code parallelism} daemon workers named {@code name-N} at nice {@code nice}. */
    static ForkJoinPool pool(String name, int parallelism, int nice) {
        return new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread t = new ForkJoinWorkerThread(p) {
                @Override
                protected void onStart() {
                    super.onStart();
                    lowerThisThread(nice);
                }
            };
            t.setName(name + "-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    /**
     * Runs tasks one at a time at nice {@code nice}, the engine's parallel streams inside them too: a task runs on
     * fork-join workers at that value, and a parallel stream forks into the pool of the thread that starts it. From a
     * plain thread it would fork into the common pool, whose one worker (on two cores) the readers' runs need, at the
     * readers' value: half of a precomputed run's work was not background work.
     */
    static final class NiceWork implements Executor {
        private final ExecutorService sequence;
        private final ForkJoinPool workers;

        NiceWork(String name, int nice) {
            this.sequence = Executors.newSingleThreadExecutor(named(name, nice));
            this.workers = pool(name + "-fj", Runtime.getRuntime().availableProcessors(), nice);
        }

        @Override
        public void execute(Runnable task) {
            sequence.execute(() -> {
                try {
                    workers.invoke(ForkJoinTask.adapt(task));
                } catch (java.util.concurrent.CancellationException e) {
                    // the service is stopping (shutdownNow cancelled the task): nothing to report, as for the rest
                    // of the queue (the load benchmark's end printed this as an uncaught exception)
                }
            });
        }

        void shutdownNow() {
            sequence.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Raises the calling thread's nice value to {@code nice}; best effort. */
    static void lowerThisThread(int nice) {
        if (nice <= 0) {
            return;
        }
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            String tid = self.getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                warn("renice of thread " + tid + " failed");
            } else {
                BackgroundWork.markThisThread(nice); // its queries go to a backend at the same value (NiceBackends)
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            warn(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warn(String why) {
        if (WARNED.compareAndSet(false, true)) {
            log.info("coverage: background threads run at the readers' priority ({})", why);
        }
    }
}
