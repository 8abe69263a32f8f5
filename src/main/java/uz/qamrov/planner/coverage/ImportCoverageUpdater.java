package uz.qamrov.planner.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.Indicators;

/**
 * What an import calls after its transaction committed: the model applies the change as a new generation, today's
 * run is stored on it, and the indicator changes are reported. If the incremental update fails, the generation
 * stays as it was, a full recompute starts in the background, and the failure propagates (the job report says so).
 * If today's run is not stored within the readers' wait (a national rebuild after thousands of new lines), the
 * update has still succeeded: its changes are reported with a note that the run is on its way.
 */
@Component
class ImportCoverageUpdater implements CoverageUpdater {

    private static final Logger log = LoggerFactory.getLogger(ImportCoverageUpdater.class);

    private final CoverageModels models;
    private final CoverageEvaluations evaluations;
    private final CoverageRunStore runs;
    private final CoverageService service;
    private final Clock clock;

    ImportCoverageUpdater(CoverageModels models, CoverageEvaluations evaluations, CoverageRunStore runs,
            CoverageService service, Clock clock) {
        this.models = models;
        this.evaluations = evaluations;
        this.runs = runs;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public CoverageUpdate onNetworkChanged(NetworkChange change) {
        if (change.isEmpty()) {
            return CoverageUpdate.NONE;
        }
        LocalDate today = LocalDate.now(clock);
        Indicators before = models.ready() ? evaluations.indicators(today, CoverageFilter.ANY) : null;
        long t0 = System.nanoTime();
        CoverageModels.Applied applied;
        try {
            applied = models.apply(change);
        } catch (RuntimeException e) {
            log.error("coverage: incremental update failed; starting a full recompute", e);
            service.startFullRecompute();
            throw new CoverageUpdateFailedException("the import was committed but the incremental coverage update failed ("
                    + e.getMessage() + "); a full recompute has started and will bring coverage up to date", e);
        }
        log.info("coverage: generation {} (from {}) in {} ms: {}", applied.generation(), applied.effectiveFrom(),
                (System.nanoTime() - t0) / 1_000_000, applied.stats());
        Indicators after = evaluations.indicators(today, CoverageFilter.ANY);
        List<IndicatorChange> changes = before == null ? List.of() : IndicatorChange.between(before, after);
        try {
            runs.freshRun(today);
        } catch (CoverageNotReadyException e) {
            // the model and the indicators are up to date; only the stored run (gap lists, layers) is not yet: the
            // import did not fail, and its report must not say so nor drop the changes it measured
            log.info("coverage: generation {}: today's run not stored within the wait ({})", applied.generation(),
                    e.getMessage());
            return new CoverageUpdate(changes, "coverage is up to date (generation " + applied.generation()
                    + ", indicators below); today's gap lists and layers are still being computed on it ("
                    + e.getMessage() + "): until they are stored they answer from the previous run, marked \"stale\": "
                    + "true; GET /api/v1/coverage/status shows the run");
        }
        return new CoverageUpdate(changes, null);
    }
}
