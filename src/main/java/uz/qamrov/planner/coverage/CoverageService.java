package uz.qamrov.planner.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.measure.Unit;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Settlement;

/**
 * The coverage feature's facade for the rest of the application: indicators for any date from the current model
 * generation ({@link CoverageModels}, cached per generation in {@link CoverageEvaluations}), the full recompute job
 * and its progress. Stored runs are read through {@link CoverageRuns}; imports reach the model through
 * {@link CoverageUpdater}.
 */
@Service
public class CoverageService {

    private static final Logger log = LoggerFactory.getLogger(CoverageService.class);

    /**
     * How long the last full rebuild spent reading PostGIS and building the model, and how many of its cells' footprints
     * it took unchanged from the generation before (for the benchmark, logs and tests).
     */
    public record RebuildTimings(long loadMs, long buildMs, long footprintsReused, int cells) {
    }

    /** The last incremental change: reading the changed rows, then applying them to the model (write lock held). */
    public record ChangeTimings(long readMs, long applyMs) {
    }

    private final CoverageModels models;
    private final NearestDistances nearest;
    private final CoverageEvaluations evaluations;
    private final CoverageResultRepository results;
    private final CoverageRunStore runs;
    private final CoverageProperties properties;
    private final Clock clock;
    private final AtomicReference<CoverageProgress> progress = new AtomicReference<>(CoverageProgress.idle());
    private final AtomicBoolean recomputing = new AtomicBoolean();
    private final ExecutorService recomputeThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coverage-recompute");
        t.setDaemon(true);
        return t;
    });

    CoverageService(CoverageModels models, NearestDistances nearest, CoverageEvaluations evaluations,
            CoverageResultRepository results, CoverageRunStore runs, CoverageProperties properties, Clock clock) {
        this.models = models;
        this.nearest = nearest;
        this.evaluations = evaluations;
        this.results = results;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public CoverageProgress progress() {
        return progress.get();
    }

    /** A model generation exists: coverage can be answered. */
    public boolean ready() {
        return models.ready();
    }

    /** What the status endpoint shows beside the progress: generation, dirty flag, pending runs. */
    Map<String, Object> modelStatus() {
        Map<String, Object> m = new HashMap<>();
        m.put("generation", models.generationId());
        m.put("ready", models.ready());
        m.put("dirty", models.dirty() != null);
        if (models.dirty() != null) {
            m.put("dirtyReason", models.dirty());
        }
        m.put("pendingRuns", runs.pending());
        return m;
    }

    /** Starts a full recompute in the background unless one is running; progress via {@link #progress()}. */
    public boolean startFullRecompute() {
        if (!recomputing.compareAndSet(false, true)) {
            return false;
        }
        recomputeThread.execute(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                log.error("coverage: full recompute failed", e);
            } finally {
                recomputing.set(false);
            }
        });
        return true;
    }

    public List<CoverageController.RunView> recentRuns() {
        return results.recentRuns(20);
    }

    /** Full recompute: reload every input and build a new model generation (runs are recomputed in the background). */
    public void rebuild() {
        try {
            progress.set(CoverageProgress.running("loading inputs and building the model", 10));
            models.rebuild();
            progress.set(CoverageProgress.idle());
        } catch (RuntimeException e) {
            progress.set(new CoverageProgress("failed", "rebuild", 0, Instant.now(), e.getMessage()));
            throw e;
        }
    }

    public ChangeTimings lastChange() {
        return models.lastChange();
    }

    public RebuildTimings lastRebuild() {
        return models.lastRebuild();
    }

    private void ensureModel() {
        models.buildIfLazy();
    }

    /** The unfiltered evaluation at a date ({@code null} = today), cached per model generation. */
    public CoverageSnapshot snapshot(LocalDate asOf) {
        return snapshot(asOf, CoverageFilter.ANY);
    }

    public CoverageSnapshot snapshot(LocalDate asOf, CoverageFilter filter) {
        ensureModel();
        return evaluations.snapshot(asOf == null ? today() : asOf, filter == null ? CoverageFilter.ANY : filter);
    }

    /** Indicators only (no per-settlement lists or stretch geometry), cached per model generation. */
    public Indicators indicators(LocalDate asOf) {
        ensureModel();
        return evaluations.indicators(asOf == null ? today() : asOf, CoverageFilter.ANY);
    }

    /**
     * Applies a network change to the model (a new generation) and returns the indicators at {@code asOf}; what
     * an import does through {@link CoverageUpdater}, without storing a run (benchmarks, tools).
     */
    public Indicators applyChange(NetworkChange change, LocalDate asOf) {
        ensureModel();
        models.apply(change);
        return indicators(asOf);
    }

    /** Every cell's footprint radius as the model computed it (explicit range or link budget), by cell id. */
    public Map<Long, Double> cellRangesM() {
        ensureModel();
        return models.read(g -> {
            Map<Long, Double> out = new HashMap<>();
            for (Cell c : g.model().cells()) {
                out.put(c.id(), g.model().rangeOf(c.id()).radiusM());
            }
            return out;
        }).value();
    }

    public Map<Long, Settlement> settlements() {
        ensureModel();
        return models.read(ModelGeneration::settlements).value();
    }

    /** Ratios are 0..1 inside, percent at the API. */
    public static double apiValue(IndicatorValue v) {
        return v.unit() == Unit.RATIO ? v.value() * 100 : v.value();
    }

    public static String apiUnit(Unit unit) {
        return switch (unit) {
            case RATIO -> "%";
            case COUNT -> "count";
            case KM -> "km";
        };
    }

    // ------------------------------------------------------------------ planning hooks (what-ifs never touch the live model)

    /**
     * The live model, to read (evaluate, list cells and fiber); changes go only through {@link #applyChange}. Reads
     * outside the model's read lock may see a change being applied: planning copies what it needs at once.
     */
    public CoverageModel currentModel() {
        ensureModel();
        return models.read(ModelGeneration::model).value();
    }

    /** The live model and its nearest-site/fiber index, both of one generation. */
    public record ModelWithNearest(CoverageModel model, NearestFinder nearest) {
    }

    /**
     * {@link #currentModel} with the nearest-site/fiber index of the same generation: the index the stored runs'
     * distances use, built once per generation (or fiber version) and shared, so a plan's backhaul pricing does not
     * rebuild it over every fiber route piece.
     */
    public ModelWithNearest currentModelWithNearest() {
        ensureModel();
        Pending read = models.read(g -> new Pending(g.model(), nearest.finder(g))).value();
        // the index is built outside the generation's read lock (an import waiting for the write lock would wait)
        return new ModelWithNearest(read.model(), read.finder().get());
    }

    private record Pending(CoverageModel model, Supplier<NearestFinder> finder) {
    }

    /** The current model generation (what-if copies compare it to know they are out of date). */
    public long generation() {
        return models.generationId();
    }

    /**
     * The rows a network change makes the model load, read in the caller's transaction: an import's dry run reads
     * them before it rolls back and previews them as a what-if ({@link ChangedRows#asDelta()}); nothing changes.
     */
    public ChangedRows changedRows(NetworkChange change) {
        return models.read(change);
    }
}
