package uz.qamrov.planner.coverage;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stored runs for readers (gap lists, layers, tiles, exports): {@code (date, current generation)}.
 *
 * <ul>
 *   <li>A fresh run is returned as it is. A stale run (a later generation may answer its date differently) is
 *       returned flagged {@code stale} while its replacement computes in the background.</li>
 *   <li>A date with no run is computed once: concurrent readers of the same date share one future; other dates
 *       never wait on it (no global lock). Readers wait at most {@code waitS} and then get 503 + Retry-After.</li>
 *   <li>After every generation, the dates it may have changed (today, the year-ends behind the trends, the as-of
 *       slider's month-ends) are recomputed in the background; polygons only ever in the background.</li>
 * </ul>
 */
@Component
class CoverageRunStore implements CoverageRuns {

    private static final Logger log = LoggerFactory.getLogger(CoverageRunStore.class);

    private final CoverageRunWriter writer;
    private final CoverageResultRepository results;
    private final CoverageModels models;
    private final CoverageProperties properties;
    private final java.time.Clock clock;
    /** Dates waiting in the background queue (not yet started): queued once however many generations ask. */
    private final Set<LocalDate> queuedDates = ConcurrentHashMap.newKeySet();

    /** Runs readers wait for: a thread per date (up to 8); readers of other dates share the cores, not a lock. */
    private final ExecutorService onDemand = Executors.newFixedThreadPool(8, CoverageThreads.named("coverage-run", 0));
    /** Precomputation of runs: one date at a time, at the background's nice value, never in a reader's way. */
    private final CoverageThreads.NiceWork background;
    /** Today's run after a generation: the readers' priority for the operating system, not the background's. */
    private final ExecutorService todayWork = Executors.newSingleThreadExecutor(CoverageThreads.named("coverage-today", 0));
    /**
     * Polygons: a thread of their own, so polygons a map or an export waits for never queue behind the precomputation
     * of a hundred month-ends (after a start-up, they did: exports timed out).
     */
    private final ExecutorService polygonWork;
    private final java.util.concurrent.ScheduledExecutorService quietTimer =
            Executors.newSingleThreadScheduledExecutor(CoverageThreads.named("coverage-quiet", 0));
    private final QuietPeriod quietPeriod;
    /** Today's polygons are queued and not started: generations arriving meanwhile are served by that one task. */
    private final java.util.concurrent.atomic.AtomicBoolean todaysPolygonsQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<LocalDate, CompletableFuture<Long>> computing = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Long>> polygonsComputing = new ConcurrentHashMap<>();
    private final RunPriority priority;
    /** Readers waiting for polygons of a date that has none stored. */
    private final AtomicInteger polygonReaders = new AtomicInteger();
    /** The polygon work running now (one polygon thread), or null. */
    private volatile RunPriority.Ticket polygonTicket;

    /** The runs stored gaps first whose rest is being added. */
    private final RunCompletions completions;

    CoverageRunStore(CoverageRunWriter writer, CoverageResultRepository results, CoverageModels models,
            CoverageProperties properties, java.time.Clock clock, RunPriority priority) {
        this.priority = priority;
        this.writer = writer;
        this.results = results;
        this.models = models;
        this.properties = properties;
        this.clock = clock;
        this.quietPeriod = new QuietPeriod(quietTimer, properties.precomputeQuietS() * 1000L);
        this.completions = new RunCompletions(writer, priority);
        this.background = new CoverageThreads.NiceWork("coverage-precompute", properties.backgroundNice());
        // polygons at the readers' nice value: an export or a map waiting for them raises them (RunPriority), which a
        // nicer thread could not follow (a process may not lower its threads' nice value again); under the load
        // benchmark's saturation a national export then waited past its 120 s for unions at nice 10
        this.polygonWork = Executors.newSingleThreadExecutor(CoverageThreads.named("coverage-polygons", 0));
    }

    @Override
    public long runFor(LocalDate asOf) {
        return run(asOf).id();
    }

    @Override
    public RunRef run(LocalDate asOf) {
        LocalDate d = asOf == null ? LocalDate.now(clock) : asOf;
        models.buildIfLazy();
        Optional<RunRef> stored = results.latestRun(d);
        if (stored.isPresent() && !stored.get().stale()) {
            return stored.get();
        }
        if (!models.ready()) {
            if (stored.isPresent()) {
                return stored.get();
            }
            throw new CoverageNotReadyException("the coverage model is being built", 10);
        }
        CompletableFuture<Long> f = compute(d, onDemand);
        if (stored.isPresent()) {
            return stored.get(); // stale, flagged; its replacement is on its way
        }
        await(f, d);
        return results.latestRun(d).orElseThrow(() -> new CoverageNotReadyException("coverage of " + d + " is being computed", 2));
    }

    @Override
    public RunRef freshRun(LocalDate asOf) {
        LocalDate d = asOf == null ? LocalDate.now(clock) : asOf;
        models.buildIfLazy();
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<RunRef> stored = results.latestRun(d);
            if (stored.isPresent() && !stored.get().stale()) {
                if (stored.get().complete()) {
                    return stored.get();
                }
                if (completions.await(stored.get().id(), d, properties.runWaitS())) {
                    continue;
                }
            }
            if (!models.ready()) {
                throw new CoverageNotReadyException("the coverage model is being built", 10);
            }
            await(compute(d, onDemand, false), d);
        }
        throw new CoverageNotReadyException("the network keeps changing; coverage of " + d + " is being computed", 5);
    }

    /**
     * The run of the date with everything stored: a run stored gaps first is returned once its rest (covered places'
     * classes, operators' stretches) is stored (the reader raises that work to a reader's priority); when nothing adds it (the
     * model moved on meanwhile), a whole run of the date is computed.
     */
    @Override
    public RunRef completeRun(LocalDate asOf) {
        LocalDate d = asOf == null ? LocalDate.now(clock) : asOf;
        for (int attempt = 0; attempt < 4; attempt++) {
            RunRef run = run(d);
            if (run.complete()) {
                return run;
            }
            if (!completions.await(run.id(), d, properties.runWaitS())) {
                await(compute(d, onDemand, false), d); // nothing adds them: a whole run
            }
        }
        throw new CoverageNotReadyException("the network keeps changing; coverage of " + d + " is being completed", 5);
    }

    @Override
    public RunRef runWithPolygons(LocalDate asOf) {
        LocalDate d = asOf == null ? LocalDate.now(clock) : asOf;
        RunRef run = run(d);
        if (run.polygons()) {
            return run;
        }
        Optional<RunRef> previous = results.latestRunWithPolygons(d);
        if (previous.isPresent()) {
            polygonsOf(run); // the previous answer now, the new polygons in the background
            return previous.get();
        }
        polygonReaders.incrementAndGet(); // nothing to serve: the polygon work this reader waits for is a reader's now
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                CompletableFuture<Long> f = polygonsOf(run);
                RunPriority.Ticket running = polygonTicket;
                if (running != null) {
                    running.raise(RunPriority.Level.READER); // the work ahead of ours in the polygon queue, or ours
                }
                try {
                    f.get(properties.polygonWaitS(), TimeUnit.SECONDS);
                    return run;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof CoverageRunWriter.OutdatedException)) {
                        throw new IllegalStateException("coverage polygons of " + d + " failed: " + e.getCause().getMessage(), e.getCause());
                    }
                    run = freshRun(d); // the model moved on: build the polygons of the new run
                } catch (TimeoutException e) {
                    throw new CoverageNotReadyException("coverage polygons of " + d + " are being computed", 30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CoverageNotReadyException("interrupted", 5);
                }
            }
        } finally {
            polygonReaders.decrementAndGet();
        }
        throw new CoverageNotReadyException("the network keeps changing; coverage polygons of " + d + " are being computed", 30);
    }

    /** The one background computation of this run's polygons (started unless it is running). */
    private CompletableFuture<Long> polygonsOf(RunRef r) {
        return polygonsComputing.computeIfAbsent(r.id(), id -> {
            CompletableFuture<Long> p = CompletableFuture.supplyAsync(() -> polygons(r), polygonWork);
            p.whenComplete((v, e) -> polygonsComputing.remove(r.id(), p));
            return p;
        });
    }

    /**
     * Polygons are background work: they yield to today's run and to the runs readers wait for (after a start, today's
     * national polygons took a core for a minute while the first readers of other dates waited). Work on the polygon
     * thread is a reader's only while a reader waits for polygons with none to serve ({@link #runWithPolygons}
     * raises it).
     */
    private long polygons(RunRef r) {
        if (!results.latestRun(r.asOf()).map(RunRef::polygons).orElse(false)) {
            RunPriority.Level level = polygonReaders.get() > 0 ? RunPriority.Level.READER : RunPriority.Level.BACKGROUND;
            try (RunPriority.Ticket ticket = priority.begin(level)) {
                polygonTicket = ticket;
                if (polygonReaders.get() > 0) {
                    ticket.raise(RunPriority.Level.READER); // a reader came between the level and the ticket
                }
                writer.storePolygons(r.id(), r.generation(), r.asOf(), ticket);
            } finally {
                polygonTicket = null;
            }
        }
        return r.id();
    }

    /** Runs queued or computing now, for the status endpoint. */
    int pending() {
        return computing.size() + polygonsComputing.size() + queuedDates.size() + completions.size();
    }

    private CompletableFuture<Long> compute(LocalDate d, ExecutorService executor) {
        return compute(d, executor, true);
    }

    /**
     * One computation per date, on a reader's thread pool; the run it stores is tagged with the generation it used.
     * {@code gapsFirst}: the reader waits only for the gaps' reasons ({@link CoverageRunWriter#storeGapsFirst}).
     */
    private CompletableFuture<Long> compute(LocalDate d, ExecutorService executor, boolean gapsFirst) {
        return computing.computeIfAbsent(d, day -> {
            CompletableFuture<Long> f = CompletableFuture.supplyAsync(
                    () -> storeUnlessFresh(day, RunPriority.Level.READER, gapsFirst), executor);
            f.whenComplete((v, e) -> {
                computing.remove(day, f);
                if (e != null) {
                    log.warn("coverage: run of {} failed: {}", day, e.getMessage());
                }
            });
            return f;
        });
    }

    /**
     * The same here, or waits for the date's running computation. Only today's claims the date for readers to share:
     * a precomputed date's runs at the background's nice value, which under load gets no CPU (a reader computes its own).
     */
    private void computeHere(LocalDate d) {
        boolean today = d.equals(LocalDate.now(clock));
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> running = today ? computing.putIfAbsent(d, mine) : computing.get(d);
        if (running != null) {
            running.join();
            return;
        }
        if (!today) {
            storeUnlessFresh(d, RunPriority.Level.BACKGROUND, false);
            return;
        }
        try {
            mine.complete(storeUnlessFresh(d, RunPriority.Level.BACKGROUND, false));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(d, mine);
        }
    }

    /**
     * Stores the run of {@code day} unless a fresh one exists (complete, or with its rest on its way, unless
     * {@code gapsFirst}); today's always whole at the top level (imports wait for it). A reader's other date is stored
     * gaps first when {@code gapsFirst}, its rest added right after in the background.
     */
    private long storeUnlessFresh(LocalDate day, RunPriority.Level level, boolean gapsFirst) {
        Optional<RunRef> now = results.latestRun(day);
        if (now.isPresent() && !now.get().stale()
                && (gapsFirst || now.get().complete() || completions.adding(now.get().id()))) {
            return now.get().id(); // stored meanwhile
        }
        if (day.equals(LocalDate.now(clock))) {
            return writer.store(day, "full", RunPriority.Level.TODAY);
        }
        if (!gapsFirst || level != RunPriority.Level.READER) {
            return writer.store(day, "full", level);
        }
        CoverageRunWriter.Stored stored = writer.storeGapsFirst(day, "full");
        if (stored.partial()) {
            completions.add(stored); // before the reader is answered: its next question finds the work
        }
        return stored.id();
    }

    private void await(CompletableFuture<Long> f, LocalDate d) {
        try {
            f.get(properties.runWaitS(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new CoverageNotReadyException("coverage of " + d + " is being computed", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoverageNotReadyException("interrupted", 5);
        }
    }

    /** After a new generation: recompute, in the background, the dates it may have changed. */
    @EventListener
    void onGenerationChanged(GenerationChanged event) {
        if (properties.precompute() == CoverageProperties.Precompute.NONE) {
            return;
        }
        Set<LocalDate> fresh = results.freshDates();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d : properties.precomputeDates(LocalDate.now(clock))) {
            boolean touched = event.effectiveFrom() != null && !d.isBefore(event.effectiveFrom());
            if (touched || !fresh.contains(d)) {
                dates.add(d);
            }
        }
        log.info("coverage: generation {} → {} dates to precompute in the background", event.generation(), dates.size());
        // today at once (an import waits for it); the other dates once uploads pause: a newer generation's list
        // holds every date still stale, so dropping this one loses nothing
        LocalDate today = LocalDate.now(clock);
        if (dates.remove(today)) {
            queue(List.of(today));
        }
        quietPeriod.submit(() -> queue(dates));
        if (properties.polygons() && todaysPolygonsQueued.compareAndSet(false, true)) {
            polygonWork.execute(() -> {
                todaysPolygonsQueued.set(false); // a generation arriving from now on queues the next round
                try {
                    LocalDate day = LocalDate.now(clock);
                    try { // today's run on the readers' priority, not on this nicer thread
                        CompletableFuture.runAsync(() -> computeHere(day), todayWork).join();
                    } catch (java.util.concurrent.CompletionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : e;
                    }
                    results.latestRun(day).filter(r -> !r.stale()).ifPresent(this::polygons);
                } catch (CoverageRunWriter.OutdatedException e) {
                    log.info("coverage: polygons of today dropped ({}); the newer run's follow", e.getMessage());
                } catch (RuntimeException e) {
                    log.warn("coverage: polygons of today failed: {}", e.getMessage());
                }
            });
        }
    }

    private void queue(List<LocalDate> dates) {
        LocalDate today = LocalDate.now(clock);
        for (LocalDate d : dates) {
            if (!queuedDates.add(d)) {
                continue;
            }
            // today's run (an import waits for it) on a thread of the readers' priority, never behind a month-end
            (d.equals(today) ? todayWork : background).execute(() -> {
                queuedDates.remove(d);
                try {
                    computeHere(d);
                } catch (RuntimeException e) {
                    log.warn("coverage: precompute of {} failed: {}", d, e.getMessage());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        onDemand.shutdownNow();
        background.shutdownNow();
        todayWork.shutdownNow();
        polygonWork.shutdownNow();
        completions.stop();
        quietTimer.shutdownNow();
    }
}
