package uz.qamrov.planner.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** All SQL of the access feature: users (hashed tokens) and the audit log. */
@Repository
class AccessRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AccessRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Caller> findByToken(String tokenSha256) {
        return jdbc.sql("""
                SELECT id, name, role, operator_code FROM users
                WHERE token_sha256 = :h AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())""")
                .param("h", tokenSha256)
                .query((rs, i) -> new Caller(rs.getLong("id"), rs.getString("name"), Role.of(rs.getString("role")),
                        rs.getString("operator_code")))
                .optional();
    }

    long insertUser(String name, Role role, String operatorCode, String tokenSha256, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                INSERT INTO users (name, role, operator_code, token_sha256, expires_at) VALUES (:n, :r, :o, :h, :exp) RETURNING id""")
                .param("n", name).param("r", role.key()).param("o", operatorCode).param("h", tokenSha256).param("exp", expiresAt)
                .query(Long.class).single();
    }

    /** @return the revoked user's name, empty when there is no such user or it was revoked already */
    Optional<String> revoke(long id) {
        return jdbc.sql("UPDATE users SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL RETURNING name")
                .param("id", id).query(String.class).optional();
    }

    boolean userIdExists(long id) {
        return jdbc.sql("SELECT count(*) FROM users WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    /** One page of the audit log, newest first; null filters match everything. */
    List<AuditEntry> audit(String actor, String action, UUID jobId, OffsetDateTime since, OffsetDateTime until, long offset,
            int limit) {
        return jdbc.sql("""
                SELECT id, at, actor, action, entity, job_id, details::text FROM audit_log
                WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:action AS text) IS NULL OR action = :action OR action LIKE :action || '.%')
                  AND (CAST(:job AS uuid) IS NULL OR job_id = :job)
                  AND (CAST(:since AS timestamptz) IS NULL OR at >= :since)
                  AND (CAST(:until AS timestamptz) IS NULL OR at < :until)
                ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("actor", actor).param("action", action).param("job", jobId).param("since", since).param("until", until)
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity"), rs.getObject("job_id", UUID.class), readJson(rs.getString(7))))
                .list();
    }

    private com.fasterxml.jackson.databind.JsonNode readJson(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The start-up admin: created, or its token and role refreshed (un-revoked). */
    void upsertAdmin(String name, String tokenSha256) {
        jdbc.sql("DELETE FROM users WHERE token_sha256 = :h AND name <> :n").param("h", tokenSha256).param("n", name).update();
        jdbc.sql("""
                INSERT INTO users (name, role, token_sha256) VALUES (:n, 'admin', :h)
                ON CONFLICT (name) DO UPDATE SET role = 'admin', operator_code = NULL, token_sha256 = EXCLUDED.token_sha256,
                                                 revoked_at = NULL, expires_at = NULL""")
                .param("n", name).param("h", tokenSha256).update();
    }

    boolean operatorExists(String code) {
        return jdbc.sql("SELECT count(*) FROM operators WHERE code = :c").param("c", code).query(Integer.class).single() > 0;
    }

    boolean userExists(String name) {
        return jdbc.sql("SELECT count(*) FROM users WHERE name = :n").param("n", name).query(Integer.class).single() > 0;
    }

    List<UserView> listUsers() {
        return jdbc.sql("""
                SELECT id, name, role, operator_code, created_at, revoked_at, expires_at,
                       CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN expires_at <= now() THEN 'expired' ELSE 'active' END AS state
                FROM users ORDER BY id""")
                .query((rs, i) -> new UserView(rs.getLong("id"), rs.getString("name"), rs.getString("role"),
                        rs.getString("operator_code"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getString("state")))
                .list();
    }

    void audit(String actor, String action, String entity, UUID jobId, Map<String, ?> details) {
        try {
            jdbc.sql("""
                    INSERT INTO audit_log (actor, action, entity, job_id, details)
                    VALUES (:actor, :action, :entity, :job, CAST(:details AS jsonb))""")
                    .param("actor", actor).param("action", action).param("entity", entity).param("job", jobId)
                    .param("details", json.writeValueAsString(details)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
