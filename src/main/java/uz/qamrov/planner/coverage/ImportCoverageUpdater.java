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
    public List<IndicatorChange> onNetworkChanged(NetworkChange change) {
        if (change.isEmpty()) {
            return List.of();
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
        runs.freshRun(today);
        return before == null ? List.of() : IndicatorChange.between(before, after);
    }
}
