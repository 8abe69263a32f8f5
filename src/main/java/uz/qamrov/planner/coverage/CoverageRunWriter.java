package uz.qamrov.planner.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageUnionBuilder;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.RegionUnionMemo;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.engine.model.Technology;

/**
 * Computes and stores one run: everything for one as-of date is evaluated ({@link RunEvaluator}) on ONE model generation (under its read
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
    private final ForkJoinPool unionPool;

    private final CoverageModels models;
    private final RunEvaluator evaluator;
    private final CoverageResultRepository results;
    private final TransactionTemplate tx;
    private final RunPriority priority;
    private final RegionUnionRepository storedUnions;
    private final ReplacedRuns replaced;

    CoverageRunWriter(CoverageModels models, RunEvaluator evaluator, CoverageResultRepository results,
            TransactionTemplate tx, RunPriority priority, RegionUnionRepository storedUnions, ReplacedRuns replaced) {
        this.unionPool = CoverageThreads.pool("coverage-union", Runtime.getRuntime().availableProcessors(), 0);
        this.models = models;
        this.evaluator = evaluator;
        this.results = results;
        this.tx = tx;
        this.priority = priority;
        this.storedUnions = storedUnions;
        this.replaced = replaced;
    }

    /**
     * Evaluates and stores the run of {@code asOf} on the current generation; returns its id. Runs of a lower
     * {@link RunPriority.Level} pause between their steps while this one computes.
     */
    long store(LocalDate asOf, String kind, RunPriority.Level level) {
        return priority.run(level, () -> storeNow(asOf, kind, level, false)).id();
    }

    /** A stored run and, when it was stored gaps first, what its rest is made from. */
    record Stored(long id, LocalDate asOf, long generation, RunEvaluator.Evaluated evaluated) {
        boolean partial() {
            return evaluated.rest() != null;
        }
    }

    /**
     * Stores the run of {@code asOf} for a reader waiting for it with what a gap list shows: every place's status,
     * distances and the reasons of its gaps, but not the covered places' signal classes nor each operator's uncovered
     * stretches ({@code "partial": true} in its stats until {@link #storeRest} adds them). A reader's new month waited
     * for the classes of ~11,000 covered settlements (1–2.6 s of a 2–3.5 s run) and five operators' evaluations.
     */
    Stored storeGapsFirst(LocalDate asOf, String kind) {
        return priority.run(RunPriority.Level.READER, () -> storeNow(asOf, kind, RunPriority.Level.READER, true));
    }

    /**
     * Adds the rest of a run stored {@link #storeGapsFirst gaps first} (the covered places' classes, each operator's
     * uncovered stretches), on the generation it was evaluated on. Returns false, leaving the run as it is, when the
     * model moved on meanwhile (its rest cannot be made on it any more) or the run was replaced.
     */
    boolean storeRest(Stored run, RunPriority.Ticket ticket) {
        long t0 = System.nanoTime();
        RunEvaluator.Evaluated e = run.evaluated();
        RunEvaluator.Rest rest = evaluator.completeRest(run.asOf(), run.generation(), e.rest(), ticket);
        if (rest == null) {
            log.info("coverage: the rest of run {} ({}) dropped: the model moved on", run.id(), run.asOf());
            return false;
        }
        SignalReport all = rest.signals();
        long t1 = System.nanoTime();
        // the settlements the gaps-first report left out: those with every mobile service
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (var row : e.all().settlements()) {
            if (row.covered() && e.signals().settlement(row.settlementId(), row.service()).isEmpty()) {
                ids.add(row.settlementId());
            }
        }
        Boolean stored = tx.execute(status -> {
            if (!results.lockRun(run.id())) {
                return false;
            }
            results.storeCoveredClasses(run.id(), ids, all, e.all().stretches());
            storeOperatorStretches(run.id(), rest.stretchesByOperator());
            results.markComplete(run.id());
            return true;
        });
        log.info("coverage: the rest of run {} ({}) {} in {} ms (diagnosis and operators {} ms, {} settlements)", run.id(),
                run.asOf(), Boolean.TRUE.equals(stored) ? "stored" : "dropped: the run was replaced",
                (System.nanoTime() - t0) / 1_000_000, (t1 - t0) / 1_000_000, ids.size());
        return Boolean.TRUE.equals(stored);
    }

    /** Each operator's uncovered stretches (no signals: the gap lists filtered by operator read only where they are). */
    private void storeOperatorStretches(long runId, java.util.Map<String, List<uz.qamrov.engine.measure.LineStretch>> byOperator) {
        byOperator.forEach((op, stretches) -> results.storeStretches(runId, stretches, op, null));
    }

    private Stored storeNow(LocalDate asOf, String kind, RunPriority.Level level, boolean gapsFirst) {
        long t0 = System.nanoTime();
        RunEvaluator.Evaluated e = null;
        long generation = -1;
        for (int attempt = 0; attempt < 3 && e == null; attempt++) {
            var tagged = evaluator.evaluate(asOf, level, gapsFirst);
            e = tagged.value();
            generation = tagged.generation();
        }
        if (e == null) {
            throw new OutdatedException("the model kept changing while the run of " + asOf + " was evaluated");
        }
        RunEvaluator.Evaluated run = e;
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
            if (run.stretchesByOperator() != null) { // a gaps-first run stores them with its rest
                storeOperatorStretches(runId, run.stretchesByOperator());
            }
            marks[2] = System.nanoTime();
            results.storeIndicators(runId, run.all().indicators().values());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // the terrain the run was measured with: flat earth (no DEM, or a site outside it) or the DEM
            results.finishRun(runId, ms, "{\"settlement_rows\":" + run.all().settlements().size() + ",\"stretches\":"
                    + run.all().stretches().size() + ",\"terrain\":\""
                    + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(run.terrain()))
                    + "\"" + (run.rest() == null ? "" : ",\"partial\":true") + "}");
            marks[3] = System.nanoTime();
            return runId;
        });
        replaced.deleteLater(asOf, id); // not at once: readers of the replaced run may not have started their query
        log.info("coverage: run {} as of {} (generation {}) stored in {} ms ({})", id, asOf, runGeneration,
                (System.nanoTime() - t0) / 1_000_000, run.timings() + String.format(java.util.Locale.ROOT,
                ", write %d ms: settlements %d, stretches %d (%d) + operators' %d, indicators %d, commit %d",
                (System.nanoTime() - tWrite) / 1_000_000, (marks[0] - tWrite) / 1_000_000, (marks[1] - marks[0]) / 1_000_000,
                run.all().stretches().size(), (marks[2] - marks[1]) / 1_000_000, (marks[3] - marks[2]) / 1_000_000,
                (System.nanoTime() - marks[3]) / 1_000_000));
        return new Stored(Objects.requireNonNull(id), asOf, runGeneration, run);
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
        var operators = models.read(g -> withAny(operators(g)));
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
                            .beforeEachUnion(() -> priority.yieldTo(level))
                            // and between the pieces of one (a big region's union is seconds of them)
                            .betweenPieces(() -> priority.yieldTo(level));
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

    /**
     * The memo of region unions, made with the first model's geometry factory (one for the service's life), backed by
     * the ones the database kept (from before a restart too).
     */
    private synchronized RegionUnionMemo unionMemo(CoverageModel model) {
        if (unionMemo == null) {
            unionMemo = new RegionUnionMemo(model.geometryFactory(), storedUnions.enabled() ? storedUnions : null);
        }
        return unionMemo;
    }

    private int storePolygons(long runId, LocalDate asOf, List<PendingUnion> unions, long t0, RunPriority.Ticket level) {
        RegionUnionMemo.Counts before = unionMemo.counts();
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
        RegionUnionMemo.Counts after = unionMemo.counts();
        log.info("coverage: {} dissolved polygons for run {} ({}) in {} ms (region unions: {} kept in memory, {} read from"
                + " the database, {} built, {} of no footprint)", n, runId, asOf, (System.nanoTime() - t0) / 1_000_000,
                after.kept() - before.kept(), after.stored() - before.stored(), after.built() - before.built(),
                after.empty() - before.empty());
        return n;
    }

    private static List<String> withAny(List<String> operators) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(operators);
        return out;
    }

    /** The operators with cells in the generation, sorted: a run's polygons are stored for each. */
    static List<String> operators(ModelGeneration g) {
        return g.cellsBySite().operators().stream().sorted().toList();
    }
}
