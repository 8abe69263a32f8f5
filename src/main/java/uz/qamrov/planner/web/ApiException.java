package uz.qamrov.planner.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a feature wants answered with a specific status and problem type; {@code details} become extra
 * properties of the problem document (e.g. the offending parameter, a feature index, a WKT). With a message key
 * ({@link #withMessage}), the problem's {@code detail} is that text of {@code i18n/problems_*.properties} in the
 * caller's language ({@link ProblemMessages}); the English message stays the exception's own (logs, tests).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final transient Map<String, Object> details;
    private final java.time.Duration retryAfter;
    private final String messageKey;
    private final transient Map<String, Object> messageArgs;

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
        this.messageKey = null;
        this.messageArgs = this.details;
    }

    private ApiException(ApiException e, String messageKey, Map<String, Object> messageArgs) {
        super(e.getMessage());
        this.status = e.status;
        this.type = e.type;
        this.details = e.details;
        this.retryAfter = e.retryAfter;
        this.messageKey = messageKey;
        this.messageArgs = Map.copyOf(messageArgs);
    }

    /**
     * The same error whose {@code detail} is translated: {@code key} names a text of the problem bundles (e.g.
     * {@code detail.unknown-region}) whose {@code {name}} placeholders are filled from {@code args}.
     */
    public ApiException withMessage(String key, Map<String, Object> args) {
        return new ApiException(this, key, args);
    }

    /** As {@link #withMessage(String, Map)}, the placeholders filled from the details. */
    public ApiException withMessage(String key) {
        return new ApiException(this, key, details);
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

    /** The key of the translated detail text; null when the English message is the detail in every language. */
    public String messageKey() {
        return messageKey;
    }

    public Map<String, Object> messageArgs() {
        return messageArgs;
    }

    /** Null when the answer needs no {@code Retry-After}. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }
}
