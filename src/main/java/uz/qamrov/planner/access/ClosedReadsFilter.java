package uz.qamrov.planner.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ProblemMessages;
import uz.qamrov.planner.web.ProblemTypes;

/**
 * With {@code qamrov.access.open-reads=false}, what lies outside /api, /ogc and /tiles is closed too: the actuator
 * (metrics, info, the detailed health with the database) and the OpenAPI document and Swagger UI need a valid
 * token. Only the liveness and readiness probes stay open, because orchestrators call them without one.
 *
 * <p>A servlet filter, not the access interceptor: the actuator's endpoints are served by their own handler
 * mapping, which MVC interceptors do not reach. The 401 is written here as the same problem document the error
 * handler would write, in the language {@code Accept-Language} asks for.
 */
class ClosedReadsFilter extends OncePerRequestFilter {

    static final Set<String> OPEN_PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    private final AccessService access;
    private final ObjectMapper json;

    ClosedReadsFilter(AccessService access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    static boolean isGuarded(String path) {
        if (OPEN_PROBES.contains(path)) {
            return false;
        }
        return path.equals("/actuator") || path.startsWith("/actuator/")
                || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.startsWith("/v3/api-docs.")
                || path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !isGuarded(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean valid = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()
                && access.authenticate(header.substring(7).strip()).isPresent();
        if (valid) {
            chain.doFilter(request, response);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        ApiException unauthorized = AccessService.unauthorized();
        ProblemMessages.Message detail = ProblemMessages.DEFAULT.resolve(accept, unauthorized.messageKey(),
                unauthorized.messageArgs());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.UNAUTHORIZED.toString());
        problem.put("title", ProblemMessages.DEFAULT.resolve(accept, "title.unauthorized", Map.of()).text());
        problem.put("status", 401);
        problem.put("detail", detail.text());
        problem.put("instance", request.getRequestURI());
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, detail.language());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
