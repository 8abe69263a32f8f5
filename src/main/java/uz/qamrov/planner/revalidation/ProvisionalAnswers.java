package uz.qamrov.planner.revalidation;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Marks the answer of the request being handled as provisional: the same request will soon answer differently under
 * the same {@link ReadVersion} tag. That is the case of a stored run served stale while its replacement computes (the
 * replacement changes no tag), of the previous polygons served while the new ones are dissolved, and of a layer whose
 * signal classes are still being stored. Such an answer says {@code Cache-Control: no-store}: a browser, QGIS or an
 * HTTP cache that kept it would ask again with its tag and be told by a 304 that the outdated answer is still the
 * answer, until the next upload.
 */
public final class ProvisionalAnswers {

    private static final String NO_STORE = CacheControl.noStore().getHeaderValue();

    private ProvisionalAnswers() {
    }

    /** Sets {@code Cache-Control: no-store} on the current request's response; nothing outside a request. */
    public static void mark() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletResponse response = attributes.getResponse();
            if (response != null && !response.isCommitted()) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
        }
    }
}
