package uz.qamrov.planner.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.SignalDiagnosis;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.planner.operator.Operators;

/**
 * Evaluates everything one run holds on one model generation: the snapshot, the signal diagnosis (levels, classes,
 * gap reasons), each operator's uncovered stretches and the nearest site and fiber distances. Each piece runs under
 * the model's read lock on its own, so an import waiting for the write lock waits for one piece, not a whole run.
 *
 * <p>The diagnosis is most of a run, and it is made from the last diagnosis of a near date; the operators' stretches
 * and the distances do not depend on it, so they are computed beside it on a second thread (on two cores the run a
 * reader waits for then takes both).
 */
@Component
class RunEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RunEvaluator.class);

    private static final AtomicInteger BESIDE_THREADS = new AtomicInteger();

    /** Settlements or stretches diagnosed under one read lock: ~0.1–0.3 s of the national model on one core. */
    static final int DIAGNOSIS_PART = 1_000;

    /**
     * Everything a run stores, and how long each piece took (for the run's log line). {@code rest}: for a gaps-first
     * evaluation, the diagnosis whose covered places are still to be made ({@link #completeRest}); else null.
     */
    record Evaluated(CoverageSnapshot all, SignalReport signals, Map<String, List<LineStretch>> stretchesByOperator,
            Map<Long, double[]> nearest, String timings, SignalDiagnosis rest, String terrain) {
    }

    /** A snapshot and the terrain the model that made it measured with (flat earth, or the DEM): the run says which. */
    private record Snapshot(CoverageSnapshot value, String terrain) {
    }

    /** A diagnosis and the generation it was made on. */
    private record LastSignals(long generation, SignalReport report) {
    }

    /**
     * The last diagnosis of each date lately stored: the next run of the date, or of a date near it, starts from it and
     * diagnoses again only the settlements the changes since touched, those whose reach list counts other cells on
     * the other date, and the ones not fully covered. A report shares the answers it kept with the one it came from,
     * so each holds little more than its map (~1 MB for the national dataset).
     */
    private final Cache<LocalDate, LastSignals> lastSignals =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(48).build();

    private record OperatorDay(LocalDate asOf, String operator) {
    }

    /** An operator's uncovered stretches of a date and the generation they were computed on. */
    private record LastStretches(long generation, List<LineStretch> stretches) {
    }

    /** The same for each operator's uncovered stretches: a change of one operator's sites leaves the others' as they are. */
    private final Cache<OperatorDay, LastStretches> lastOperatorGaps =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(128).build();

    /** The pieces computed beside a run's diagnosis: a thread per run computing now (at most a handful). */
    private final ExecutorService beside = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "coverage-run-beside-" + BESIDE_THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private final Operators operators;
    private final CoverageModels models;
    private final CoverageEvaluations evaluations;
    private final NearestDistances nearest;
    private final RunPriority priority;
    private final java.time.Clock clock;

    RunEvaluator(CoverageModels models, CoverageEvaluations evaluations, NearestDistances nearest, RunPriority priority,
            Operators operators, java.time.Clock clock) {
        this.models = models;
        this.operators = operators;
        this.evaluations = evaluations;
        this.nearest = nearest;
        this.priority = priority;
        this.clock = clock;
    }

    /**
     * Where the pieces beside a run are computed: in the fork-join pool the run itself runs in (the precomputation's,
     * at its nice value), else on a thread of their own (a reader's run, today's).
     */
    private Executor besideExecutor() {
        ForkJoinPool pool = ForkJoinTask.getPool();
        return pool != null && pool != ForkJoinPool.commonPool() ? pool : this.beside;
    }

    /** The operators' stretches and the distances, and how long they took. */
    private record Beside(Map<String, List<LineStretch>> byOperator, Map<Long, double[]> distances, String timings) {
    }

    /**
     * Everything a run of {@code asOf} holds, from one generation; if the model moved on in between, the value is
     * {@code null} (the caller evaluates again). {@code level}: the run's priority (lower work yields between pieces).
     * {@code gapsFirst}: diagnose only the places without a service (their reasons: what a gap list shows); the
     * covered places' classes and each operator's stretches follow with {@link #completeRest}.
     */
    CoverageModels.Tagged<Evaluated> evaluate(LocalDate asOf, RunPriority.Level level, boolean gapsFirst) {
        priority.yieldTo(level);
        long t0 = System.nanoTime();
        var all = models.read(g -> new Snapshot(evaluations.snapshot(asOf, CoverageFilter.ANY), g.model().terrainDescription()));
        long generation = all.generation();
        long t1 = System.nanoTime();
        CompletableFuture<Beside> beside = CompletableFuture.supplyAsync(
                () -> beside(asOf, generation, level, !gapsFirst), besideExecutor());
        SignalDiagnosis diagnosis;
        try {
            priority.yieldTo(level);
            // levels, classes and gap reasons: once per run, for all operators together (what the gap lists serve)
            diagnosis = diagnose(asOf, all.value().value(), generation, level, gapsFirst);
        } catch (RuntimeException e) {
            beside.cancel(false);
            throw e;
        }
        long t2 = System.nanoTime();
        Beside b;
        try {
            b = beside.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (diagnosis == null || b == null) {
            return new CoverageModels.Tagged<>(generation, null);
        }
        SignalReport signals = gapsFirst ? diagnosis.gapReport() : diagnosis.report();
        if (signals.complete()) {
            lastSignals.put(asOf, new LastSignals(generation, signals));
        }
        String timings = String.format(java.util.Locale.ROOT,
                "snapshot %d ms, signals %s%d ms (%d settlements, %d stretches from an earlier diagnosis), beside it %s,"
                + " waited %d ms for them", (t1 - t0) / 1_000_000, signals.complete() ? "" : "of the gaps ", (t2 - t1) / 1_000_000,
                signals.settlementsFromPrevious(), signals.stretchesFromPrevious(), b.timings(),
                (System.nanoTime() - t2) / 1_000_000);
        return new CoverageModels.Tagged<>(generation, new Evaluated(all.value().value(), signals, b.byOperator(),
                b.distances(), timings, signals.complete() ? null : diagnosis, all.value().terrain()));
    }

    /**
     * Each operator's uncovered stretches (unless {@code withOperators} is false: null then) and the nearest distances
     * of {@code generation}; null when it moved on.
     */
    private Beside beside(LocalDate asOf, long generation, RunPriority.Level level, boolean withOperators) {
        long t0 = System.nanoTime();
        Map<String, List<LineStretch>> byOperator = null;
        if (withOperators) {
            byOperator = operatorStretches(asOf, generation, () -> priority.yieldTo(level));
            if (byOperator == null) {
                return null;
            }
        }
        priority.yieldTo(level);
        long t1 = System.nanoTime();
        // the finder and settlements under the lock; the distances without it (the finder's indexes are its own)
        var inputs = models.read(g -> nearest.inputs(g, asOf));
        if (inputs.generation() != generation) {
            return null;
        }
        double[][] siteAndFiber = nearest.measure(inputs.value(), asOf);
        var settlements = inputs.value().settlements();
        Map<Long, double[]> distances = new HashMap<>(settlements.size() * 2);
        for (int i = 0; i < settlements.size(); i++) {
            distances.put(settlements.get(i).id(), new double[] {siteAndFiber[0][i], siteAndFiber[1][i]});
        }
        String timings = String.format(java.util.Locale.ROOT, "%s operators' stretches %d ms, nearest %d ms (%s)",
                byOperator == null ? "no" : Integer.toString(byOperator.size()), (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000, nearestSource(inputs.value()));
        return new Beside(byOperator, distances, timings);
    }

    private static String nearestSource(NearestDistances.Inputs in) {
        if (in.finder() == null) {
            return in.addedSites().size() + " sites added since";
        }
        return (in.otherSites() == null ? "all sites" : "sites from " + in.otherSites().date())
                + (in.fiber() != null ? ", fiber known" : in.otherFiber() == null ? ", all fiber"
                        : ", fiber from " + in.otherFiber().date());
    }

    /**
     * Per operator its uncovered stretches of the date on {@code generation} ("where does operator X not cover this
     * road": gap lists filter by operator; only the uncovered ones are stored, all such a filter reads); null when
     * the model moved on.
     */
    private Map<String, List<LineStretch>> operatorStretches(LocalDate asOf, long generation, Runnable yield) {
        boolean carryOver = !asOf.isBefore(LocalDate.now(clock));
        // every operator there is, not only those with cells: an operator with none covers no line, and its gap list
        // must say so (the list of an operator without stored stretches would be empty, as if it covered them all)
        SortedSet<String> codes = new TreeSet<>();
        operators.operators().forEach(o -> codes.add(o.code()));
        var withCells = models.read(g -> g.cellsBySite().operators());
        if (withCells.generation() != generation) {
            return null;
        }
        codes.addAll(withCells.value());
        Map<String, List<LineStretch>> byOperator = new LinkedHashMap<>();
        for (String op : codes) {
            yield.run();
            var stretches = models.read(g -> operatorGaps(g, asOf, op));
            if (stretches.generation() != generation) {
                return null;
            }
            if (carryOver) {
                lastOperatorGaps.put(new OperatorDay(asOf, op), new LastStretches(generation, stretches.value()));
            }
            byOperator.put(op, stretches.value());
        }
        return byOperator;
    }

    /** An operator's uncovered stretches of the date: the last ones when no change since touched that operator's cells. */
    private List<LineStretch> operatorGaps(ModelGeneration g, LocalDate asOf, String op) {
        LastStretches last = lastOperatorGaps.getIfPresent(new OperatorDay(asOf, op));
        GenerationChanges.Touched touched = last == null ? null : models.touchedBetween(last.generation(), g.id());
        if (touched != null && !touched.operators().contains(op)) {
            return last.stretches();
        }
        return g.model().stretches(asOf, CoverageFilter.operator(op)).stream().filter(st -> !st.covered()).toList();
    }

    /**
     * The date's diagnosis on {@code generation}, in parts of {@value #DIAGNOSIS_PART} settlements or stretches, each
     * under the read lock on its own (an import waiting for the write lock waits for one part, not for a national
     * diagnosis), from the last diagnosis of the date where the changes since are known. Null when the model moved on.
     */
    private SignalDiagnosis diagnose(LocalDate asOf, CoverageSnapshot snapshot, long generation, RunPriority.Level level,
            boolean gapsOnly) {
        var started = models.read(g -> g.id() != generation ? null : startDiagnosis(g, asOf, snapshot));
        SignalDiagnosis d = started.value();
        return d == null || !diagnoseParts(d, generation, () -> priority.yieldTo(level), gapsOnly) ? null : d;
    }

    /** The rest of a gaps-first run: the whole diagnosis and each operator's uncovered stretches. */
    record Rest(SignalReport signals, Map<String, List<LineStretch>> stretchesByOperator) {
    }

    /**
     * The rest of a gaps-first evaluation, on the generation it was made on; null when the model moved on (the run's
     * rest cannot be made on it any more). {@code ticket}: the work's priority, raised while a reader waits for it.
     */
    Rest completeRest(LocalDate asOf, long generation, SignalDiagnosis rest, RunPriority.Ticket ticket) {
        Runnable yield = () -> priority.yieldTo(ticket);
        if (!diagnoseParts(rest, generation, yield, false)) {
            return null;
        }
        SignalReport all = rest.report();
        lastSignals.put(asOf, new LastSignals(generation, all));
        Map<String, List<LineStretch>> byOperator = operatorStretches(asOf, generation, yield);
        return byOperator == null ? null : new Rest(all, byOperator);
    }

    /** Every part of {@code d} (or of its gaps), each under the read lock; false when the model moved on. */
    private boolean diagnoseParts(SignalDiagnosis d, long generation, Runnable yield, boolean gapsOnly) {
        for (int from = 0; from < d.settlementCount() + d.stretchCount(); from += DIAGNOSIS_PART) {
            yield.run();
            int start = from;
            var part = models.read(g -> g.id() != generation ? null : diagnosePart(d, start, gapsOnly));
            if (part.value() == null) {
                return false;
            }
        }
        return true;
    }

    /** Diagnoses part {@code from}..{@code from + DIAGNOSIS_PART} of the settlements followed by the stretches. */
    private static Boolean diagnosePart(SignalDiagnosis d, int from, boolean gapsOnly) {
        int n = d.settlementCount();
        int to = from + DIAGNOSIS_PART;
        if (from < n) {
            if (gapsOnly) {
                d.gapSettlements(from, Math.min(to, n));
            } else {
                d.settlements(from, Math.min(to, n));
            }
        }
        if (to > n) {
            int a = Math.max(from - n, 0);
            int b = Math.min(to - n, d.stretchCount());
            if (gapsOnly) {
                d.gapStretches(a, b);
            } else {
                d.stretches(a, b);
            }
        }
        return Boolean.TRUE;
    }

    /**
     * Starts the diagnosis from the last one of the date, else of the nearest date, whose changes since are known
     * (neighbouring months share almost every covered settlement's answer); from scratch when there is none.
     */
    private SignalDiagnosis startDiagnosis(ModelGeneration g, LocalDate asOf, CoverageSnapshot snapshot) {
        List<Map.Entry<LocalDate, LastSignals>> nearestFirst = new ArrayList<>(lastSignals.asMap().entrySet());
        nearestFirst.sort(java.util.Comparator.comparingLong(e -> Math.abs(e.getKey().toEpochDay() - asOf.toEpochDay())));
        for (Map.Entry<LocalDate, LastSignals> e : nearestFirst) {
            LastSignals last = e.getValue();
            GenerationChanges.Touched touched = models.touchedBetween(last.generation(), g.id());
            if (touched != null) {
                log.debug("coverage: diagnosis of {} from the one of {} (generation {}): {} settlements touched since",
                        asOf, e.getKey(), last.generation(), touched.settlements().size());
                return g.model().diagnosisInParts(snapshot, last.report(), touched.settlements());
            }
        }
        return g.model().diagnosisInParts(snapshot, null, Set.of());
    }

    @PreDestroy
    void stop() {
        beside.shutdownNow();
    }
}
