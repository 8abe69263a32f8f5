package uz.qamrov.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/** Tokens are listed with their state, revoked at once, expire; admins query the audit log, nobody else. */
class TokenManagementIT extends ApiIT {

    JsonNode create(String body) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return body(r);
    }

    /** A write that only needs a valid non-planner token to get past authentication: 401 means the token is refused. */
    int statusWith(String token) throws Exception {
        return mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndListedAsRevoked() throws Exception {
        JsonNode user = create("{\"name\":\"rev-admin\",\"role\":\"admin\"}");
        String token = user.path("token").asText();
        assertThat(statusWith(token)).isEqualTo(200);

        MvcResult r = mvc.perform(delete("/api/v1/users/" + user.path("id").asLong()).header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(204);
        assertThat(statusWith(token)).isEqualTo(401);
        MvcResult again = mvc.perform(delete("/api/v1/users/" + user.path("id").asLong()).header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(delete("/api/v1/users/999999").header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);

        JsonNode list = body(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn());
        JsonNode listed = null;
        for (JsonNode u : list) {
            if (u.path("name").asText().equals("rev-admin")) {
                listed = u;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("state").asText()).isEqualTo("revoked");
        assertThat(listed.path("revokedAt").isNull()).isFalse();
    }

    @Test
    void onlyAdminsRevokeAndReadTheAuditLog() throws Exception {
        String operator = token("operator", "ucell");
        JsonNode victim = create("{\"name\":\"victim\",\"role\":\"planner\"}");
        assertThat(mvc.perform(delete("/api/v1/users/" + victim.path("id").asLong()).header("Authorization", "Bearer " + operator))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + operator)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/audit")).andReturn().getResponse().getStatus()).isEqualTo(401);

        mvc.perform(delete("/api/v1/users/" + victim.path("id").asLong()).header("Authorization", "Bearer " + ADMIN_TOKEN));
        JsonNode revokes = body(mvc.perform(get("/api/v1/audit?action=user.revoke").header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andReturn());
        assertThat(revokes.size()).isEqualTo(count("SELECT count(*) FROM audit_log WHERE action = 'user.revoke'"));
        assertThat(revokes.get(0).path("details").path("user").asText()).isEqualTo("victim");
        assertThat(revokes.get(0).path("actor").asText()).isEqualTo("admin");
        // "user" matches user.create and user.revoke
        JsonNode users = body(mvc.perform(get("/api/v1/audit?action=user&limit=1000").header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andReturn());
        assertThat(users.size()).isEqualTo(count("SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'"));
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws Exception {
        OffsetDateTime in = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);
        JsonNode user = create("{\"name\":\"exp-admin\",\"role\":\"admin\",\"expiresAt\":\"" + in + "\"}");
        assertThat(OffsetDateTime.parse(user.path("expiresAt").asText()).toInstant()).isEqualTo(in.toInstant());
        String token = user.path("token").asText();
        assertThat(statusWith(token)).isEqualTo(200);
        // time passes: the stored expiry is now in the past
        jdbc.update("UPDATE users SET expires_at = now() - interval '1 second' WHERE name = 'exp-admin'");
        assertThat(statusWith(token)).isEqualTo(401);
        JsonNode list = body(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn());
        for (JsonNode u : list) {
            if (u.path("name").asText().equals("exp-admin")) {
                assertThat(u.path("state").asText()).isEqualTo("expired");
            }
        }
        MvcResult past = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"p\",\"role\":\"planner\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"))
                .andReturn();
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
    }
}
