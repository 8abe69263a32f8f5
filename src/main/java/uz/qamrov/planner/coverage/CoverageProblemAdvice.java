package uz.qamrov.planner.coverage;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 503 with {@code Retry-After} while coverage is not available yet; runs before the general error handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoverageProblemAdvice {

    @ExceptionHandler(CoverageNotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(CoverageNotReadyException e) {
        ProblemDetail p = ProblemDetail.forStatus(e.status());
        p.setType(e.type());
        p.setTitle("Coverage not available yet");
        p.setDetail(e.getMessage());
        p.setProperty("retryAfterS", e.retryAfterS());
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterS())).body(p);
    }
}
