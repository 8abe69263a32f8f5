package uz.qamrov.planner.coverage;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import uz.qamrov.planner.web.ApiException;

/**
 * Coverage cannot be answered yet: the dataset is still loading or the first model generation is being built. The
 * web layer answers 503 with {@code Retry-After} ({@link CoverageProblemAdvice}); readiness is DOWN meanwhile.
 */
public class CoverageNotReadyException extends ApiException {

    static final URI TYPE = URI.create("https://qamrov.uz/problems/coverage-unavailable");

    private final int retryAfterS;

    public CoverageNotReadyException(String message, int retryAfterS) {
        super(HttpStatus.SERVICE_UNAVAILABLE, TYPE, message, Map.of("retryAfterS", retryAfterS));
        this.retryAfterS = retryAfterS;
    }

    public int retryAfterS() {
        return retryAfterS;
    }
}
