package uz.qamrov.planner.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.CoverageUnionBuilder;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.RegionUnionMemo;
import uz.qamrov.engine.measure.SignalDiagnosis;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;

/**
 * Computes and stores one run: everything for one as-of date is evaluated on ONE model generation (under its read
 * lock), then written by COPY in one transaction, tagged with that generation. Older runs of the same date are
 * deleted once the new one is stored, so a reader always finds a run (possibly stale) while a new one computes.
 */
@Component
class CoverageRunWriter {

    private static final Logger log = LoggerFactory.getLogger(CoverageRunWriter.class);

    /** The model changed while polygons were being built: they belong to no stored run. */
    static final class OutdatedException extends RuntimeException {
        OutdatedException(String message) {
            super(message);
        }
    }

    /** One union of a run's polygons: its builder and the footprints it takes, collected under the read lock. */
    private record PendingUnion(CoverageUnionBuilder builder, CoverageUnionBuilder.Inputs inputs) {
    }

    private record Evaluated(CoverageSnapshot all, SignalReport signals, Map<String, List<LineStretch>> stretchesByOperator,
            Map<Long, double[]> nearest, String timings) {
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
    private final com.github.benmanes.caffeine.cache.Cache<LocalDate, LastSignals> lastSignals =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().executor(Runnable::run).maximumSize(48).build();

    private record OperatorDay(LocalDate asOf, String operator) {
    }

    /** An operator's uncovered stretches of a date and the generation they were computed on. */
    private record LastStretches(long generation, List<LineStretch> stretches) {
    }

    /** The same for each operator's uncovered stretches: a change of one operator's sites leaves the others' as they are. */
    private final com.github.benmanes.caffeine.cache.Cache<OperatorDay, LastStretches> lastOperatorGaps =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().executor(Runnable::run).maximumSize(128).build();

    /** Settlements or stretches diagnosed under one read lock: ~0.1–0.3 s of the national model on one core. */
    static final int DIAGNOSIS_PART = 1_000;

    /**
     * Region unions built before, by the footprints they were built from: after an upload only the regions its cells
     * reach are unioned again (a national set of radial unions is minutes of CPU), and a month with the same cells on
     * air in a region takes that region's union from another month.
     */
    private RegionUnionMemo unionMemo;
    /**
     * Where polygon unions run their parallel parts. A region's union is one piece of seconds; in the common pool
     * (one worker on two cores) it held up the short parallel parts of every request's evaluation behind it: an
     * indicators read parked 5–34 s under the model's read lock while the worker unioned a region, and an import
     * waited for that read (seen in thread dumps of the load benchmark).
     */
    private final ForkJoinPool unionPool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("coverage-union-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false);

    private final CoverageModels models;
    private final CoverageEvaluations evaluations;
    private final NearestDistances nearest;
    private final CoverageResultRepository results;
    private final TransactionTemplate tx;
    private final RunPriority priority;
    private final java.time.Clock clock;

    CoverageRunWriter(CoverageModels models, CoverageEvaluations evaluations, NearestDistances nearest,
            CoverageResultRepository results, TransactionTemplate tx, RunPriority priority, java.time.Clock clock) {
        this.nearest = nearest;
        this.clock = clock;
        this.models = models;
        this.evaluations = evaluations;
        this.results = results;
        this.tx = tx;
        this.priority = priority;
    }

    /**
     * Evaluates and stores the run of {@code asOf} on the current generation; returns its id. Runs of a lower
     * {@link RunPriority.Level} pause between their steps while this one computes.
     */
    long store(LocalDate asOf, String kind, RunPriority.Level level) {
        return priority.run(level, () -> storeNow(asOf, kind, level));
    }

    private long storeNow(LocalDate asOf, String kind, RunPriority.Level level) {
        long t0 = System.nanoTime();
        Evaluated e = null;
        long generation = -1;
        for (int attempt = 0; attempt < 3 && e == null; attempt++) {
            var tagged = evaluate(asOf, level);
            e = tagged.value();
            generation = tagged.generation();
        }
        if (e == null) {
            throw new OutdatedException("the model kept changing while the run of " + asOf + " was evaluated");
        }
        Evaluated run = e;
        long runGeneration = generation;
        priority.yieldTo(level);
        long tWrite = System.nanoTime();
        long[] marks = new long[4];
        Long id = tx.execute(status -> {
            long runId = results.startRun(kind, asOf, runGeneration);
            results.storeSettlements(runId, run.all().settlements(), run.nearest(), run.signals());
            marks[0] = System.nanoTime();
            results.storeStretches(runId, run.all().stretches(), "*", run.signals().stretches());
            marks[1] = System.nanoTime();
            run.stretchesByOperator().forEach((op, stretches) -> results.storeStretches(runId, stretches, op, null));
            marks[2] = System.nanoTime();
            results.storeIndicators(runId, run.all().indicators().values());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            results.finishRun(runId, ms, "{\"settlement_rows\":" + run.all().settlements().size() + ",\"stretches\":"
                    + run.all().stretches().size() + "}");
            marks[3] = System.nanoTime();
            results.deleteOlderRuns(asOf, runId);
            return runId;
        });
        log.info("coverage: run {} as of {} (generation {}) stored in {} ms ({})", id, asOf, runGeneration,
                (System.nanoTime() - t0) / 1_000_000, run.timings() + String.format(java.util.Locale.ROOT,
                ", write %d ms: settlements %d, stretches %d (%d) + operators' %d, indicators %d, older runs deleted %d",
                (System.nanoTime() - tWrite) / 1_000_000, (marks[0] - tWrite) / 1_000_000, (marks[1] - marks[0]) / 1_000_000,
                run.all().stretches().size(), (marks[2] - marks[1]) / 1_000_000, (marks[3] - marks[2]) / 1_000_000,
                (System.nanoTime() - marks[3]) / 1_000_000));
        return Objects.requireNonNull(id);
    }

    /**
     * Everything a run holds, evaluated piece by piece, each piece under the model's read lock on its own: an import
     * waiting for the write lock waits for one evaluation, not for a whole run. The pieces must all come from one
     * generation; if the model moved on in between, the value is {@code null} (the caller evaluates again).
     */
    private CoverageModels.Tagged<Evaluated> evaluate(LocalDate asOf, RunPriority.Level level) {
        priority.yieldTo(level);
        long t0 = System.nanoTime();
        var all = models.read(g -> evaluations.snapshot(asOf, CoverageFilter.ANY));
        long generation = all.generation();
        long t1 = System.nanoTime();
        priority.yieldTo(level);
        // levels, classes and gap reasons: once per run, for all operators together (what the gap lists serve)
        SignalReport signals = diagnose(asOf, all.value(), generation, level);
        if (signals == null) {
            return new CoverageModels.Tagged<>(generation, null);
        }
        lastSignals.put(asOf, new LastSignals(generation, signals));
        boolean carryOver = !asOf.isBefore(LocalDate.now(clock));
        long t1b = System.nanoTime();
        List<String> operators = models.read(g -> operators(g.model())).value();
        Map<String, List<LineStretch>> byOperator = new LinkedHashMap<>();
        // per operator too: "where does operator X not cover this road" (gap lists filter by operator)
        // only their uncovered stretches are stored: gap lists are all such an operator filter reads
        for (String op : operators) {
            priority.yieldTo(level);
            var stretches = models.read(g -> operatorGaps(g, asOf, op));
            if (stretches.generation() != generation) {
                return new CoverageModels.Tagged<>(generation, null);
            }
            if (carryOver) {
                lastOperatorGaps.put(new OperatorDay(asOf, op), new LastStretches(generation, stretches.value()));
            }
            byOperator.put(op, stretches.value());
        }
        priority.yieldTo(level);
        long t2 = System.nanoTime();
        // the finder and settlements under the lock; the distances without it (the finder's indexes are its own)
        var inputs = models.read(g -> nearest.inputs(g, asOf));
        if (inputs.generation() != generation) {
            return new CoverageModels.Tagged<>(generation, null);
        }
        double[][] siteAndFiber = nearest.measure(inputs.value(), asOf);
        var settlements = inputs.value().settlements();
        Map<Long, double[]> distances = new HashMap<>(settlements.size() * 2);
        for (int i = 0; i < settlements.size(); i++) {
            distances.put(settlements.get(i).id(), new double[] {siteAndFiber[0][i], siteAndFiber[1][i]});
        }
        String timings = String.format(java.util.Locale.ROOT,
                "snapshot %d ms, signals %d ms (%d settlements, %d stretches from an earlier diagnosis), %d operators'"
                + " stretches %d ms, nearest %d ms (%s)", (t1 - t0) / 1_000_000, (t1b - t1) / 1_000_000,
                signals.settlementsFromPrevious(), signals.stretchesFromPrevious(),
                operators.size(), (t2 - t1b) / 1_000_000, (System.nanoTime() - t2) / 1_000_000,
                nearestSource(inputs.value()));
        return new CoverageModels.Tagged<>(generation, new Evaluated(all.value(), signals, byOperator,
                distances, timings));
    }

    private static String nearestSource(NearestDistances.Inputs in) {
        if (in.finder() == null) {
            return in.addedSites().size() + " sites added since";
        }
        return (in.otherSites() == null ? "all sites" : "sites from " + in.otherSites().date())
                + (in.fiber() != null ? ", fiber known" : in.otherFiber() == null ? ", all fiber"
                        : ", fiber from " + in.otherFiber().date());
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
    private SignalReport diagnose(LocalDate asOf, CoverageSnapshot snapshot, long generation, RunPriority.Level level) {
        var started = models.read(g -> g.id() != generation ? null : startDiagnosis(g, asOf, snapshot));
        SignalDiagnosis d = started.value();
        if (d == null) {
            return null;
        }
        for (int from = 0; from < d.settlementCount() + d.stretchCount(); from += DIAGNOSIS_PART) {
            priority.yieldTo(level);
            int start = from;
            var part = models.read(g -> g.id() != generation ? null : diagnosePart(d, start));
            if (part.value() == null) {
                return null;
            }
        }
        return d.report();
    }

    /** Diagnoses part {@code from}..{@code from + DIAGNOSIS_PART} of the settlements followed by the stretches. */
    private static Boolean diagnosePart(SignalDiagnosis d, int from) {
        int n = d.settlementCount();
        int to = from + DIAGNOSIS_PART;
        if (from < n) {
            d.settlements(from, Math.min(to, n));
        }
        if (to > n) {
            d.stretches(Math.max(from - n, 0), Math.min(to - n, d.stretchCount()));
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

    /**
     * Dissolved coverage per region, for every technology "or better", for any operator and for each operator —
     * the slow part (polygon union), so it runs in the background only. The footprints of every union are taken
     * under one read lock of the run's own generation (if the model already moved on, the run is outdated and so
     * are its polygons: {@link OutdatedException}); the unions are then built without any lock, so uploads arriving
     * meanwhile neither wait for them nor void them. {@code level}: the caller's ticket, raised while a reader waits.
     */
    int storePolygons(long runId, long runGeneration, LocalDate asOf, RunPriority.Ticket level) {
        long t0 = System.nanoTime();
        var operators = models.read(g -> withAny(operators(g.model())));
        List<PendingUnion> unions = new ArrayList<>();
        // one read lock per union: an import waiting for the write lock (and every reader queued behind it) waits
        // for one union's footprints, not for all 24 of them
        for (String op : operators.value()) {
            for (Technology t : Technology.values()) {
                priority.yieldTo(level);
                var one = models.read(g -> {
                    CoverageUnionBuilder b = new CoverageUnionBuilder(g.model()).technologyAtLeast(t).operator(op)
                            .verticesPerFullCircle(32).memo(unionMemo(g.model()))
                            // a region union is seconds: runs readers wait for go first between them, not only
                            // between whole national unions
                            .beforeEachUnion(() -> priority.yieldTo(level));
                    return new PendingUnion(b, b.collect(asOf));
                });
                if (operators.generation() != runGeneration || one.generation() != runGeneration) {
                    throw new OutdatedException("the model moved on while polygons of run " + runId + " were collected");
                }
                unions.add(one.value());
            }
        }
        results.markPolygonsPending(runId, true);
        try {
            return storePolygons(runId, asOf, unions, t0, level);
        } catch (RuntimeException e) {
            results.markPolygonsPending(runId, false);
            throw e;
        }
    }

    /** The memo of region unions, made with the first model's geometry factory (one for the service's life). */
    private synchronized RegionUnionMemo unionMemo(CoverageModel model) {
        if (unionMemo == null) {
            unionMemo = new RegionUnionMemo(model.geometryFactory());
        }
        return unionMemo;
    }

    private int storePolygons(long runId, LocalDate asOf, List<PendingUnion> unions, long t0, RunPriority.Ticket level) {
        long[] before = unionMemo.hitsAndMisses();
        WKBWriter wkb = new WKBWriter();
        List<Object[]> rows = new ArrayList<>();
        for (PendingUnion u : unions) {
            priority.yieldTo(level); // runs anyone waits for go first
            for (RegionCoverage rc : unionPool.invoke(ForkJoinTask.adapt(() -> u.builder().build(u.inputs())))) {
                if (!rc.geometry().isEmpty()) {
                    rows.add(new Object[] {rc.technology().label(), rc.operator() == null ? "*" : rc.operator(),
                            rc.regionCode(), rc.areaKm2(), wkb.write(rc.geometry())});
                }
            }
        }
        int n = rows.size();
        tx.executeWithoutResult(status -> {
            // built without a lock: a newer run of the date may have replaced this one meanwhile
            if (!results.lockRun(runId)) {
                throw new OutdatedException("run " + runId + " was replaced while its polygons were built");
            }
            for (Object[] r : rows) {
                results.storePolygon(runId, (String) r[0], (String) r[1], (String) r[2], (Double) r[3], (byte[]) r[4]);
            }
            results.markPolygons(runId, n);
            results.deleteOlderRuns(asOf, runId); // an older run kept only for its polygons goes now
        });
        long[] after = unionMemo.hitsAndMisses();
        log.info("coverage: {} dissolved polygons for run {} ({}) in {} ms ({} region unions kept from before, {} built)",
                n, runId, asOf, (System.nanoTime() - t0) / 1_000_000, after[0] - before[0], after[1] - before[1]);
        return n;
    }

    private static List<String> withAny(List<String> operators) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(operators);
        return out;
    }

    static List<String> operators(CoverageModel model) {
        return model.cells().stream().map(Cell::operator).distinct().sorted().toList();
    }
}
