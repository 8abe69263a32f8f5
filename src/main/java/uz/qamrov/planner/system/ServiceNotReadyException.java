package uz.qamrov.planner.system;

import java.time.Duration;

/**
 * The service cannot answer this request yet, but will soon: the dataset is still loading, the first coverage
 * model is being built, a recompute after a failed update is running. Answered as a 503 problem
 * ({@code …/problems/not-ready}) with {@code Retry-After}; never logged as an error.
 */
public class ServiceNotReadyException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceNotReadyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ofSeconds(5) : retryAfter;
    }

    public ServiceNotReadyException(String message) {
        this(message, Duration.ofSeconds(5));
    }

    /**
     * The key of the translated detail ({@code i18n/problems_*.properties}, filled with {@code retryAfter} in
     * seconds); null when the English message is the detail in every language.
     */
    public String messageKey() {
        return null;
    }

    /** When the client should try again; at least one second on the wire. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
