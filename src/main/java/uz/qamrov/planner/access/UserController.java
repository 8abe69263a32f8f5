package uz.qamrov.planner.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uz.qamrov.planner.web.PagingProperties;

/** Users and their API tokens, and the audit log (admin only, even when reads are open). */
@RestController
class UserController {

    private final AccessService access;
    private final PagingProperties paging;

    UserController(AccessService access, PagingProperties paging) {
        this.access = access;
        this.paging = paging;
    }

    /** @param expiresAt when the token stops working (ISO-8601 with offset); absent = never */
    record NewUser(String name, String role, String operatorCode, OffsetDateTime expiresAt) {
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<AccessService.CreatedUser> create(@RequestBody NewUser body, HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        AccessService.requireAdmin(caller);
        var created = access.createUser(caller, body.name(), body.role(), body.operatorCode(), body.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/users")
    List<UserView> list(HttpServletRequest request) {
        return access.listUsers(AccessService.requireCaller(request));
    }

    /** Revokes the user's token (204); the user stays in the list as revoked. */
    @DeleteMapping("/api/v1/users/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, HttpServletRequest request) {
        access.revoke(AccessService.requireCaller(request), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/audit")
    List<AuditEntry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            HttpServletRequest request) {
        var page = paging.page(limit, offset);
        return access.auditLog(AccessService.requireCaller(request), actor, action, jobId, since, until, page.offset(),
                page.limit());
    }
}
