package uz.qamrov.planner.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ProblemTypes;

/**
 * The access feature's entry point: token authentication, role checks, users and the audit log. Tokens are random
 * 32-byte values (base64url) shown once; only their SHA-256 hex is stored.
 */
@Service
public class AccessService {

    static final String CALLER_ATTRIBUTE = AccessService.class.getName() + ".caller";
    private static final Logger log = LoggerFactory.getLogger(AccessService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessRepository repository;
    private final AccessProperties properties;

    AccessService(AccessRepository repository, AccessProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /**
     * Creates or refreshes the {@code admin} user from {@code qamrov.access.admin-token}; called by
     * {@link AdminBootstrap} before the web server accepts requests.
     */
    @Transactional
    public void ensureAdmin() {
        String token = properties.adminToken();
        if (token != null && !token.isBlank()) {
            repository.upsertAdmin("admin", sha256Hex(token.strip()));
            log.info("admin user created/refreshed from qamrov.access.admin-token");
        }
    }

    public Optional<Caller> authenticate(String bearerToken) {
        return repository.findByToken(sha256Hex(bearerToken));
    }

    /** The caller of the current request, when it sent a valid token. */
    public static Optional<Caller> caller(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(CALLER_ATTRIBUTE));
    }

    /** The caller of a write request (the access interceptor already answered 401 when there is none). */
    public static Caller requireCaller(HttpServletRequest request) {
        return caller(request).orElseThrow(AccessService::unauthorized);
    }

    public static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw forbidden("this needs the admin role; the token has role " + caller.role().key())
                    .withMessage("detail.admin-only", Map.of("role", caller.role().key()));
        }
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                "a valid API token is required: send 'Authorization: Bearer <token>'", Map.of())
                .withMessage("detail.unauthorized");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, message, Map.of());
    }

    /** Creates a user with a token that never expires and returns the token, which is never shown again. */
    @Transactional
    public CreatedUser createUser(Caller admin, String name, String roleKey, String operatorCode) {
        return createUser(admin, name, roleKey, operatorCode, null);
    }

    /**
     * Creates a user and returns its token, which is never shown again.
     *
     * @param expiresAt when the token stops working (must be in the future); null = never
     */
    @Transactional
    public CreatedUser createUser(Caller admin, String name, String roleKey, String operatorCode, OffsetDateTime expiresAt) {
        requireAdmin(admin);
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw ApiException.badRequest("expiresAt must be in the future",
                    Map.of("field", "expiresAt", "value", expiresAt.toString())).withMessage("detail.expires-in-past");
        }
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name is required", Map.of("field", "name"))
                    .withMessage("detail.name-required");
        }
        Role role;
        try {
            role = Role.of(roleKey == null ? "" : roleKey.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be planner, operator or admin", Map.of("field", "role",
                    "value", String.valueOf(roleKey))).withMessage("detail.bad-role");
        }
        if (role == Role.OPERATOR && (operatorCode == null || !repository.operatorExists(operatorCode))) {
            throw ApiException.badRequest("an operator user needs an existing operatorCode",
                    Map.of("field", "operatorCode", "value", String.valueOf(operatorCode)))
                    .withMessage("detail.operator-code-required");
        }
        if (role != Role.OPERATOR && operatorCode != null) {
            throw ApiException.badRequest("only operator users have an operatorCode", Map.of("field", "operatorCode"))
                    .withMessage("detail.operator-code-only-for-operators");
        }
        if (repository.userExists(name.strip())) {
            throw new ApiException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "a user named '" + name.strip() + "' exists",
                    Map.of("field", "name")).withMessage("detail.user-exists", Map.of("name", name.strip()));
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "qmr_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = repository.insertUser(name.strip(), role, operatorCode, sha256Hex(token), expiresAt);
        repository.audit(admin.name(), "user.create", "users", null,
                Map.of("user", name.strip(), "role", role.key(), "operatorCode", String.valueOf(operatorCode),
                        "expiresAt", String.valueOf(expiresAt)));
        return new CreatedUser(id, name.strip(), role.key(), operatorCode, token, expiresAt);
    }

    public List<UserView> listUsers(Caller admin) {
        requireAdmin(admin);
        return repository.listUsers();
    }

    /** Revokes a user's token at once (the next request with it gets 401); the user stays listed as revoked. */
    @Transactional
    public void revoke(Caller admin, long userId) {
        requireAdmin(admin);
        String name = repository.revoke(userId).orElseThrow(() -> repository.userIdExists(userId)
                ? new ApiException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "user " + userId + " is revoked already", Map.of())
                        .withMessage("detail.user-revoked", Map.of("id", userId))
                : ApiException.notFound("no user " + userId).withMessage("detail.no-user", Map.of("id", userId)));
        repository.audit(admin.name(), "user.revoke", "users", null, Map.of("user", name, "userId", userId));
    }

    /** The audit log, newest first; an {@code action} like "import" also matches "import.succeeded" etc. */
    public List<AuditEntry> auditLog(Caller admin, String actor, String action, UUID jobId, OffsetDateTime since,
            OffsetDateTime until, long offset, int limit) {
        requireAdmin(admin);
        return repository.audit(actor, action, jobId, since, until, offset, limit);
    }

    /** Appends to the audit log in its own transaction, so a rejected or failed import is still recorded. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void audit(String actor, String action, String entity, UUID jobId, Map<String, ?> details) {
        repository.audit(actor, action, entity, jobId, details);
    }

    public static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer of {@code POST /api/v1/users}: the only time the token is shown. */
    public record CreatedUser(long id, String name, String role, String operatorCode, String token, OffsetDateTime expiresAt) {
    }
}
