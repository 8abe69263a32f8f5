package uz.qamrov.planner.coverage;

import java.time.Duration;
import uz.qamrov.planner.system.ServiceNotReadyException;

/**
 * Coverage cannot be answered yet: the first model generation is being built, or a run/polygons of a date are still
 * being computed. Answered 503 with {@code Retry-After} by the one error handler; readiness is DOWN until the first
 * generation exists ({@link CoverageHealthIndicator}).
 */
public class CoverageNotReadyException extends ServiceNotReadyException {

    public CoverageNotReadyException(String message, int retryAfterS) {
        super(message, Duration.ofSeconds(retryAfterS));
    }

    @Override
    public String messageKey() {
        return "detail.coverage-not-ready";
    }
}
