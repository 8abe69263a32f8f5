package uz.qamrov.planner.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@code Authorization: Bearer} tokens on /api/** and enforces the coarse rules: a bad token is 401;
 * every write needs a token (401) and a role other than planner (403) — except planning work
 * ({@link PlanningWork}: plans and scenarios), which planners may save; reads need one only when
 * {@code qamrov.access.open-reads} is false. Finer rules (admin-only resources, an operator's own rows) are checked
 * by the features. Exceptions thrown here go through the one error handler, so the answers are problem documents.
 */
class AccessInterceptor implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessService access;
    private final AccessProperties properties;

    AccessInterceptor(AccessService access, AccessProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader("Authorization");
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
                throw AccessService.unauthorized();
            }
            Caller caller = access.authenticate(header.substring(7).strip()).orElseThrow(AccessService::unauthorized);
            request.setAttribute(AccessService.CALLER_ATTRIBUTE, caller);
        }
        boolean read = READS.contains(request.getMethod());
        var caller = AccessService.caller(request);
        if (caller.isEmpty() && (!read || !properties.openReads())) {
            throw AccessService.unauthorized();
        }
        if (!read && caller.get().role() == Role.PLANNER && !isPlanningWork(handler)) {
            throw AccessService.forbidden("role planner may only read, run plans and manage scenarios")
                    .withMessage("detail.planner-read-only");
        }
        return true;
    }

    private static boolean isPlanningWork(Object handler) {
        return handler instanceof HandlerMethod m && m.hasMethodAnnotation(PlanningWork.class);
    }
}
