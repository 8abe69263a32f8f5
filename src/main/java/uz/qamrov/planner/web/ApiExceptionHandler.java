package uz.qamrov.planner.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.planner.system.ServiceNotReadyException;

/**
 * The one error path: every failure becomes an RFC 9457 problem document with a stable type URI. Ordered first so
 * that Boot's own ProblemDetailsExceptionHandler ({@code spring.mvc.problemdetails.enabled}) does not answer a
 * type mismatch with {@code about:blank} before us.
 *
 * <p>Logging: client errors (4xx) and expected unavailability (503) are not logged — anyone, even without a token,
 * can send a wrong method or a broken body, and must not be able to flood the log. Only a 500 is logged, once,
 * with its stack trace. A bare {@link IllegalArgumentException} is a 500: it is a bug or an internal inconsistency
 * (a JTS ring error, a failed rebuild), not something the client sent; code that rejects a request says so with
 * {@link ApiException} and the engine with {@link InvalidInputException}, whose details map becomes the problem's
 * properties.
 *
 * <p>Languages: the {@code title} (by problem type) and, where the error names a text ({@link
 * ApiException#withMessage}), the {@code detail} come from {@link ProblemMessages} in the language the request's
 * {@code Accept-Language} asks for (uz-Latn, uz-Cyrl, ru, en; English otherwise), with {@code Content-Language} saying
 * which. The {@code type}, the status and the extra properties never change with the language: clients switch on those.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** How long a client should wait after a database outage: the watchdog checks every few seconds. */
    static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(10);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.type(), e.getMessage(), e.details(), e.retryAfter(), e.messageKey(), e.messageArgs());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, e.getMessage(), e.details());
    }

    @ExceptionHandler(ServiceNotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(ServiceNotReadyException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.NOT_READY, e.getMessage(), Map.of(), e.retryAfter(),
                e.messageKey(), Map.of("retryAfter", seconds(e.retryAfter())));
    }

    @ExceptionHandler({ConstraintViolationException.class, MissingServletRequestParameterException.class,
            HandlerMethodValidationException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, e.getMessage(), Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Map<String, Object> details = Map.of("parameter", e.getName(), "value", String.valueOf(e.getValue()));
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "parameter '" + e.getName() + "' has an invalid value: " + e.getValue(), details, null, "detail.bad-parameter", details);
    }

    /** Malformed JSON (or any unreadable body): the parser's message may quote internals, so it stays out. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "the request body is malformed or not of the declared type", Map.of(),
                null, "detail.malformed-body", Map.of());
    }

    /** A broken multipart body (bad boundary, truncated part); a too large one is the 413 below. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "the multipart request body is malformed", Map.of(), null,
                "detail.malformed-multipart", Map.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> conflict(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "the resource already exists", Map.of(), null, "detail.conflict", Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                "the upload exceeds the server's limit of " + e.getMaxUploadSize() + " bytes", Map.of(), null, "detail.too-large",
                Map.of("limit", e.getMaxUploadSize() >= 1 << 20 ? e.getMaxUploadSize() / (1 << 20) + " MB" : e.getMaxUploadSize() + " B"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_FORMAT, e.getMessage(), Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "no such resource: /" + e.getResourcePath(), Map.of(), null,
                "detail.no-such-resource", Map.of("path", "/" + e.getResourcePath()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            // Spring MVC's own client errors: 405 (with Allow), 406, missing part or header, async timeout …
            return fromFramework(framework);
        }
        if (DatabaseOutage.isOutage(e)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DATABASE_UNAVAILABLE,
                    "the database is not reachable right now; try again shortly", Map.of(), DATABASE_RETRY_AFTER,
                    "detail.database-unavailable", Map.of());
        }
        // logged once here, with the stack trace; the client gets no internals
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "internal error; see the server log", Map.of(), null,
                "detail.internal", Map.of());
    }

    private static ResponseEntity<ProblemDetail> fromFramework(ErrorResponse e) {
        HttpStatusCode status = e.getStatusCode();
        URI type = switch (status.value()) {
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_FORMAT;
            case 404 -> ProblemTypes.NOT_FOUND;
            default -> status.is4xxClientError() ? ProblemTypes.INVALID_REQUEST : ProblemTypes.INTERNAL;
        };
        if (status.is5xxServerError()) {
            log.warn("request failed: {}", e.getBody().getDetail());
        }
        ResponseEntity<ProblemDetail> answer = problem(status, type, e.getBody().getDetail(), Map.of());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.putAll(e.getHeaders()); // e.g. Allow on a 405, Accept on a 415
        return new ResponseEntity<>(answer.getBody(), headers, status);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, URI type, String detail, Map<String, Object> extra) {
        return problem(status, type, detail, extra, null);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, URI type, String detail, Map<String, Object> extra,
                                                 Duration retryAfter) {
        return problem(status, type, detail, extra, retryAfter, null, Map.of());
    }

    /**
     * The problem document; {@code detailKey} (nullable) names the translated text of {@code detail}, its
     * placeholders filled from {@code args}.
     */
    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, URI type, String detail, Map<String, Object> extra,
                                                 Duration retryAfter, String detailKey, Map<String, ?> args) {
        String accept = acceptLanguage();
        String slug = type.getPath().substring(type.getPath().lastIndexOf('/') + 1);
        Optional<ProblemMessages.Message> title = ProblemMessages.DEFAULT.find(accept, "title." + slug, Map.of());
        Optional<ProblemMessages.Message> text = detailKey == null ? Optional.empty()
                : ProblemMessages.DEFAULT.find(accept, detailKey, args);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, text.map(ProblemMessages.Message::text).orElse(detail));
        pd.setType(type);
        pd.setTitle(title.map(ProblemMessages.Message::text).orElse(HttpStatus.valueOf(status.value()).getReasonPhrase()));
        extra.forEach(pd::setProperty);
        // never kept: a read's ETag was set before it failed, and a problem may not last (a busy or starting service)
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).cacheControl(CacheControl.noStore());
        // said only when the detail was translated: an untranslated detail is English whatever the title is in
        text.ifPresent(m -> b.header(HttpHeaders.CONTENT_LANGUAGE, m.language()));
        if (retryAfter != null) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        }
        return b.body(pd);
    }

    /** A wait in whole seconds, rounded up, at least one (as {@code Retry-After} says it). */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The current request's {@code Accept-Language} (null outside a request: English). */
    private static String acceptLanguage() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE) : null;
    }
}
