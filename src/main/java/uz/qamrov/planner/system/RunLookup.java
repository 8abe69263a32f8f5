package uz.qamrov.planner.system;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.coverage.CoverageRuns;
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
        CoverageRuns r = runs.getIfAvailable();
        if (r == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NO_ENGINE, "no coverage engine is configured", Map.of());
        }
        return r.runFor(asOf);
    }

    /** The run answering for this date, with its {@code stale} flag (see {@link CoverageRuns#run}). */
    public uz.qamrov.planner.coverage.RunRef run(LocalDate asOf) {
        CoverageRuns r = runs.getIfAvailable();
        if (r == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NO_ENGINE, "no coverage engine is configured", Map.of());
        }
        return r.run(asOf);
    }

    /** As {@link #run}, for readers of a run's rest (covered places' classes, operators' stretches): waits for it. */
    public uz.qamrov.planner.coverage.RunRef completeRun(LocalDate asOf) {
        CoverageRuns r = runs.getIfAvailable();
        if (r == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NO_ENGINE, "no coverage engine is configured", Map.of());
        }
        return r.completeRun(asOf);
    }

    /** As {@link #runFor}, for readers of the coverage polygons: waits until they are stored. */
    public long runWithPolygonsFor(LocalDate asOf) {
        CoverageRuns r = runs.getIfAvailable();
        if (r == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NO_ENGINE, "no coverage engine is configured", Map.of());
        }
        return r.runWithPolygonsFor(asOf);
    }
}
