package uz.qamrov.planner.access;

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
                SELECT id, name, role, operator_code FROM users WHERE token_sha256 = :h AND revoked_at IS NULL""")
                .param("h", tokenSha256)
                .query((rs, i) -> new Caller(rs.getLong("id"), rs.getString("name"), Role.of(rs.getString("role")),
                        rs.getString("operator_code")))
                .optional();
    }

    long insertUser(String name, Role role, String operatorCode, String tokenSha256) {
        return jdbc.sql("""
                INSERT INTO users (name, role, operator_code, token_sha256) VALUES (:n, :r, :o, :h) RETURNING id""")
                .param("n", name).param("r", role.key()).param("o", operatorCode).param("h", tokenSha256)
                .query(Long.class).single();
    }

    /** The start-up admin: created, or its token and role refreshed (un-revoked). */
    void upsertAdmin(String name, String tokenSha256) {
        jdbc.sql("DELETE FROM users WHERE token_sha256 = :h AND name <> :n").param("h", tokenSha256).param("n", name).update();
        jdbc.sql("""
                INSERT INTO users (name, role, token_sha256) VALUES (:n, 'admin', :h)
                ON CONFLICT (name) DO UPDATE SET role = 'admin', operator_code = NULL, token_sha256 = EXCLUDED.token_sha256,
                                                 revoked_at = NULL""")
                .param("n", name).param("h", tokenSha256).update();
    }

    boolean operatorExists(String code) {
        return jdbc.sql("SELECT count(*) FROM operators WHERE code = :c").param("c", code).query(Integer.class).single() > 0;
    }

    boolean userExists(String name) {
        return jdbc.sql("SELECT count(*) FROM users WHERE name = :n").param("n", name).query(Integer.class).single() > 0;
    }

    List<UserView> listUsers() {
        return jdbc.sql("SELECT id, name, role, operator_code, created_at, revoked_at FROM users ORDER BY id")
                .query((rs, i) -> new UserView(rs.getLong("id"), rs.getString("name"), rs.getString("role"),
                        rs.getString("operator_code"), rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("revoked_at", java.time.OffsetDateTime.class)))
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
