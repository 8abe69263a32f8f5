package uz.qamrov.planner.system;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.coverage.CoverageRuns;
import uz.qamrov.planner.coverage.RunRef;
import uz.qamrov.planner.revalidation.ProvisionalAnswers;
import uz.qamrov.planner.web.ApiException;

/**
 * The read side's access to {@link CoverageRuns}, resolved lazily so that the application (and tests that do not
 * read results) start even where no engine is wired; a read then answers 503 instead of failing at start-up.
 */
@Component
public class RunLookup {

    static final URI NO_ENGINE = URI.create("https://qamrov.uz/problems/coverage-unavailable");

    private final ObjectProvider<CoverageRuns> runs;

    RunLookup(ObjectProvider<CoverageRuns> runs) {
        this.runs = runs;
    }

    /** The run whose stored results answer questions "as of" this date ({@code null} = today). */
    public long runFor(LocalDate asOf) {
        return run(asOf).id();
    }

    /** The run answering for this date, with its {@code stale} flag (see {@link CoverageRuns#run}). */
    public RunRef run(LocalDate asOf) {
        return served(engine().run(asOf));
    }

    /** As {@link #run}, for readers of a run's rest (covered places' classes, operators' stretches): waits for it. */
    public RunRef completeRun(LocalDate asOf) {
        return served(engine().completeRun(asOf));
    }

    /** As {@link #run}, for readers of the coverage polygons: waits until they are stored, or serves the previous. */
    public RunRef runWithPolygons(LocalDate asOf) {
        return served(engine().runWithPolygons(asOf));
    }

    /** The id of {@link #runWithPolygons}. */
    public long runWithPolygonsFor(LocalDate asOf) {
        return runWithPolygons(asOf).id();
    }

    private CoverageRuns engine() {
        CoverageRuns r = runs.getIfAvailable();
        if (r == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NO_ENGINE, "no coverage engine is configured",
                    Map.of())
                    .withMessage("detail.no-coverage-engine");
        }
        return r;
    }

    /**
     * Every stored run the read side answers from passes here: a stale one (the previous answer, its replacement on
     * its way) makes the answer provisional, so that no cache keeps it past the replacement.
     */
    private static RunRef served(RunRef run) {
        if (run.stale()) {
            ProvisionalAnswers.mark();
        }
        return run;
    }
}
