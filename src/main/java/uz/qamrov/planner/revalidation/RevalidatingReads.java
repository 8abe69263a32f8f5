package uz.qamrov.planner.revalidation;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read answers carry the {@link ReadVersion} as their ETag with {@code Cache-Control: no-cache}: a browser (the web
 * map), QGIS or any HTTP cache keeps the answer and asks again with {@code If-None-Match}, and while nothing changed
 * the answer is a 304 before any work is done. A map switching back to a region it showed costs a few empty answers
 * instead of the server building every layer again (hundreds of milliseconds while runs are precomputed).
 *
 * <p>Answers that may still change under the same tag say {@code Cache-Control: no-store} themselves (problem
 * documents; {@link ProvisionalAnswers}: a stale run's answer, a layer whose signal classes are pending). Write
 * requests make every tag stale when they finish.
 */
class RevalidatingReads implements HandlerInterceptor {

    /** Reads whose answers depend only on the stored data, the model and the date (not on the caller or time). */
    static final List<String> READS = List.of("/api/v1/layers", "/api/v1/gaps/", "/api/v1/indicators", "/api/v1/targets",
            "/api/v1/hexagons", "/api/v1/regions", "/api/v1/operators", "/api/v1/search", "/ogc/collections",
            "/tiles/");

    private final ReadVersion version;

    RevalidatingReads(ReadVersion version) {
        this.version = version;
    }

    static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READS.stream().anyMatch(path::startsWith);
    }

    private static boolean isWrite(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // a streamed answer comes back in an async dispatch: its headers were set in the first one, and setting
        // no-cache again would undo a ProvisionalAnswers' no-store (as it did wherever the headers were not sent yet)
        if (!isRead(request) || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        // sets the ETag; with a matching If-None-Match also the 304, and nothing else is done
        if (new ServletWebRequest(request, response).checkNotModified(version.etag())) {
            return false;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, "Accept, Accept-Language");
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (isWrite(request)) {
            version.changed(); // after the write, whatever its outcome: a tag too many costs one full answer
        }
    }
}
