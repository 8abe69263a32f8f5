package uz.qamrov.planner.coverage;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs stored gaps first ({@link CoverageRunWriter#storeGapsFirst}) whose rest (covered places' classes, each
 * operator's uncovered stretches) is being added, by run id: each is background work until a reader of the rest waits
 * for it (then a reader's). A run is registered before its reader is answered, so whoever asks for its rest next finds
 * the work.
 */
final class RunCompletions {

    private static final Logger log = LoggerFactory.getLogger(RunCompletions.class);

    /** The work adding one run's rest: done (true = stored) when it is stored or dropped, and its priority. */
    private record Work(CompletableFuture<Boolean> done, RunPriority.Ticket ticket) {
    }

    private final Map<Long, Work> byRun = new ConcurrentHashMap<>();
    private final CoverageRunWriter writer;
    private final RunPriority priority;
    /**
     * Two threads at the readers' nice value, like polygons: a reader may come to wait for a rest (an OGC item, a
     * popup), and a thread at nice 10 cannot be made less nice again; under load it would starve. Between its pieces
     * the rest yields to the readers' runs ({@link RunPriority}).
     */
    private final ExecutorService executor;

    RunCompletions(CoverageRunWriter writer, RunPriority priority) {
        this.writer = writer;
        this.priority = priority;
        this.executor = Executors.newFixedThreadPool(2, CoverageThreads.named("coverage-rest", 0));
    }

    /** Adds the rest of {@code stored} in the background. */
    void add(CoverageRunWriter.Stored stored) {
        RunPriority.Ticket ticket = priority.begin(RunPriority.Level.BACKGROUND);
        Work work = new Work(new CompletableFuture<>(), ticket);
        byRun.put(stored.id(), work);
        try {
            executor.execute(() -> {
                try (ticket) {
                    work.done().complete(writer.storeRest(stored, ticket));
                } catch (RuntimeException e) {
                    log.warn("coverage: the rest of run {} ({}) failed: {}", stored.id(), stored.asOf(), e.getMessage());
                    work.done().completeExceptionally(e);
                } finally {
                    byRun.remove(stored.id(), work);
                }
            });
        } catch (RejectedExecutionException e) {
            ticket.close();
            byRun.remove(stored.id(), work);
            work.done().complete(false);
        }
    }

    /** Whether the rest of run {@code runId} is being added now. */
    boolean adding(long runId) {
        return byRun.containsKey(runId);
    }

    int size() {
        return byRun.size();
    }

    void stop() {
        executor.shutdownNow();
    }

    /**
     * Waits (at most {@code waitS}) for the rest of run {@code runId} at a reader's priority; false at once when
     * nothing adds it (the caller computes a whole run). Whether it was stored is for the caller to read back.
     */
    boolean await(long runId, LocalDate asOf, int waitS) {
        Work work = byRun.get(runId);
        if (work == null) {
            return false;
        }
        work.ticket().raise(RunPriority.Level.READER);
        try {
            work.done().get(waitS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.debug("coverage: the rest of {} failed ({}); a whole run follows", asOf, e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new CoverageNotReadyException("coverage of " + asOf + " is being completed", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoverageNotReadyException("interrupted", 5);
        }
        return true;
    }
}
