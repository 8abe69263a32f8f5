package uz.qamrov.planner.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a feature wants answered with a specific status and problem type; {@code details} become extra
 * properties of the problem document (e.g. the offending parameter, a feature index, a WKT).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final transient Map<String, Object> details;
    private final java.time.Duration retryAfter;

    public ApiException(HttpStatus status, URI type, String message, Map<String, Object> details) {
        this(status, type, message, details, null);
    }

    /** With {@code retryAfter}, the answer carries a {@code Retry-After} header (429, 503). */
    public ApiException(HttpStatus status, URI type, String message, Map<String, Object> details, java.time.Duration retryAfter) {
        super(message);
        this.status = status;
        this.type = type;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String message, Map<String, Object> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, message, details);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, message, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Null when the answer needs no {@code Retry-After}. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }
}
