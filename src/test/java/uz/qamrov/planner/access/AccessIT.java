package uz.qamrov.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/** Tokens are stored hashed, shown once, checked on every write; users and roles are admin business. */
class AccessIT extends ApiIT {

    private MvcResult createUser(String token, String body) throws Exception {
        var req = post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(req).andReturn();
    }

    @Test
    void theAdminCreatesAnOperatorUserWhoseTokenIsShownOnceAndStoredHashed() throws Exception {
        MvcResult r = createUser(ADMIN_TOKEN, "{\"name\":\"ucell-uploader\",\"role\":\"operator\",\"operatorCode\":\"ucell\"}");
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        assertThat(r.getResponse().getHeader("Location")).startsWith("/api/v1/users/");
        String token = body(r).path("token").asText();
        assertThat(token).startsWith("qmr_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT token_sha256 FROM users WHERE name = 'ucell-uploader'", String.class))
                .isEqualTo(AccessService.sha256Hex(token));
        assertThat(count("SELECT count(*) FROM users WHERE token_sha256 = ?", token)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'user.create' AND actor = 'admin' AND details->>'user' = 'ucell-uploader'")).isEqualTo(1);

        JsonNode list = body(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn());
        assertThat(list.toString()).contains("ucell-uploader").doesNotContain(token).doesNotContain("token");
    }

    @Test
    void theStartupAdminExistsWithTheHashOfTheConfiguredToken() {
        assertThat(jdbc.queryForObject("SELECT role FROM users WHERE token_sha256 = ?", String.class, AccessService.sha256Hex(ADMIN_TOKEN)))
                .isEqualTo("admin");
    }

    @Test
    void writesNeedAToken401AndTheRightRole403() throws Exception {
        assertThat(createUser(null, "{\"name\":\"x\",\"role\":\"planner\"}").getResponse().getStatus()).isEqualTo(401);
        MvcResult bad = createUser("nope", "{\"name\":\"x\",\"role\":\"planner\"}");
        assertThat(bad.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(bad).path("type").asText()).isEqualTo("https://qamrov.uz/problems/unauthorized");
        String planner = token("planner", null);
        MvcResult forbidden = createUser(planner, "{\"name\":\"x\",\"role\":\"planner\"}");
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(forbidden).path("type").asText()).isEqualTo("https://qamrov.uz/problems/forbidden");
        assertThat(createUser(token("operator", "beeline"), "{\"name\":\"x\",\"role\":\"planner\"}").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + planner)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/users")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void userInputIsValidated() throws Exception {
        assertThat(createUser(ADMIN_TOKEN, "{\"name\":\"y\",\"role\":\"king\"}").getResponse().getStatus()).isEqualTo(400);
        assertThat(createUser(ADMIN_TOKEN, "{\"name\":\"y\",\"role\":\"operator\"}").getResponse().getStatus()).isEqualTo(400);
        assertThat(createUser(ADMIN_TOKEN, "{\"name\":\"y\",\"role\":\"operator\",\"operatorCode\":\"acme\"}").getResponse().getStatus()).isEqualTo(400);
        assertThat(createUser(ADMIN_TOKEN, "{\"name\":\"y\",\"role\":\"planner\",\"operatorCode\":\"ucell\"}").getResponse().getStatus()).isEqualTo(400);
        assertThat(createUser(ADMIN_TOKEN, "{\"name\":\"dup\",\"role\":\"planner\"}").getResponse().getStatus()).isEqualTo(201);
        assertThat(createUser(ADMIN_TOKEN, "{\"name\":\"dup\",\"role\":\"planner\"}").getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void aRevokedTokenIsRejectedAndOpenReadsNeedNoToken() throws Exception {
        String t = body(createUser(ADMIN_TOKEN, "{\"name\":\"temp\",\"role\":\"planner\"}")).path("token").asText();
        jdbc.update("UPDATE users SET revoked_at = now() WHERE name = 'temp'");
        assertThat(mvc.perform(get("/api/v1/jobs/00000000-0000-0000-0000-000000000000").header("Authorization", "Bearer " + t))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        // reads are open by default: an unknown job is a 404, not a 401
        assertThat(mvc.perform(get("/api/v1/jobs/00000000-0000-0000-0000-000000000000")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
