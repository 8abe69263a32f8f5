package uz.qamrov.planner.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import uz.qamrov.planner.system.TokenBuckets;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ProblemTypes;

/**
 * 429 for a caller (token) or an address that sends uploads or exports faster than {@link RateLimitProperties}
 * allows. Runs after the access interceptor, so the caller is known; an anonymous caller is limited by address
 * only. The address is the TCP peer ({@code getRemoteAddr}); behind a reverse proxy set
 * {@code server.forward-headers-strategy} so it is the client's, not the proxy's.
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private final TokenBuckets uploadsPerToken;
    private final TokenBuckets uploadsPerIp;
    private final TokenBuckets exportsPerToken;
    private final TokenBuckets exportsPerIp;

    RateLimitInterceptor(RateLimitProperties p) {
        Duration minute = Duration.ofMinutes(1);
        this.uploadsPerToken = new TokenBuckets(p.uploadsPerMinutePerToken(), minute);
        this.uploadsPerIp = new TokenBuckets(p.uploadsPerMinutePerIp(), minute);
        this.exportsPerToken = new TokenBuckets(p.exportsPerMinutePerToken(), minute);
        this.exportsPerIp = new TokenBuckets(p.exportsPerMinutePerIp(), minute);
    }

    static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && path(request).startsWith("/api/v1/uploads/");
    }

    static boolean isExport(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/v1/exports/") || path.equals("/api/v1/coverage.geojson") || path.startsWith("/api/v1/maps/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String kind;
        TokenBuckets perToken;
        TokenBuckets perIp;
        if (isUpload(request)) {
            kind = "uploads";
            perToken = uploadsPerToken;
            perIp = uploadsPerIp;
        } else if (isExport(request)) {
            kind = "exports";
            perToken = exportsPerToken;
            perIp = exportsPerIp;
        } else {
            return true;
        }
        Duration wait = perIp.tryTake(request.getRemoteAddr());
        if (wait.isZero()) {
            var caller = AccessService.caller(request);
            if (caller.isPresent()) {
                wait = perToken.tryTake("user:" + caller.get().userId());
            }
        }
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
                    "too many " + kind + "; try again in " + seconds + " s", Map.of("limit", kind), wait)
                    .withMessage(kind.equals("uploads") ? "detail.too-many-uploads" : "detail.too-many-exports",
                            Map.of("retryAfter", seconds));
        }
        return true;
    }
}
