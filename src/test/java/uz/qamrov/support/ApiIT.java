package uz.qamrov.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import javax.sql.DataSource;

/**
 * Integration tests through the HTTP API (MockMvc) on a real PostGIS, with the operators and the 14 regions
 * (rough polygons) seeded, an admin token from {@code qamrov.access.admin-token} and helpers for uploads and jobs.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"qamrov.access.admin-token=" + ApiIT.ADMIN_TOKEN})
public abstract class ApiIT extends PostgisIT {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected DataSource dataSource;

    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void seedOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM operators", Integer.class) == 0) {
            new ResourceDatabasePopulator(new ClassPathResource("fixtures/operators.sql"),
                    new ClassPathResource("fixtures/regions.sql")).execute(dataSource);
        }
    }

    /** A token for a (cached) user with this role; operator users belong to {@code operator}. */
    protected String token(String role, String operator) throws Exception {
        if ("admin".equals(role)) {
            return ADMIN_TOKEN;
        }
        String name = role + "-" + (operator == null ? "x" : operator);
        String cached = tokens.get(name);
        if (cached != null) {
            return cached;
        }
        String existing = jdbc.queryForList("SELECT name FROM users WHERE name = ?", String.class, name).isEmpty() ? null : name;
        if (existing != null) {
            name = name + "-" + System.nanoTime();
        }
        String body = json.writeValueAsString(operator == null ? Map.of("name", name, "role", role)
                : Map.of("name", name, "role", role, "operatorCode", operator));
        MvcResult r = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        if (r.getResponse().getStatus() != 201) {
            throw new IllegalStateException(r.getResponse().getContentAsString());
        }
        String token = json.readTree(r.getResponse().getContentAsString()).get("token").asText();
        tokens.put(role + "-" + (operator == null ? "x" : operator), token);
        return token;
    }

    protected MvcResult upload(String layer, String token, String fileName, byte[] content, String... params) throws Exception {
        MockMultipartHttpServletRequestBuilder req = multipart("/api/v1/uploads/" + layer);
        req.file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        for (int i = 0; i + 1 < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(req).andReturn();
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A GET whose body is streamed (StreamingResponseBody): MockMvc needs the async dispatch to see it; expects 200. */
    protected String getStreamed(String path) throws Exception {
        MvcResult started = mvc.perform(get(path)).andReturn();
        MvcResult done = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn() : started;
        if (done.getResponse().getStatus() != 200) {
            throw new AssertionError(path + " answered " + done.getResponse().getStatus() + ": "
                    + done.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return done.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    protected JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Uploads, expects 202 and waits for the job to finish; returns the job document. */
    protected JsonNode importFile(String layer, String token, String fileName, byte[] content, String... params) throws Exception {
        MvcResult r = upload(layer, token, fileName, content, params);
        if (r.getResponse().getStatus() != 202) {
            throw new AssertionError("expected 202, got " + r.getResponse().getStatus() + ": "
                    + r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return awaitJob(body(r).get("id").asText());
    }

    /** Polls the job until it leaves queued/running (Awaitility: condition, poll interval and time limit). */
    protected JsonNode awaitJob(String id) {
        return org.awaitility.Awaitility.await("job " + id).atMost(java.time.Duration.ofMinutes(2))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> body(mvc.perform(get("/api/v1/jobs/" + id)).andReturn()),
                        job -> !job.path("status").asText().equals("queued") && !job.path("status").asText().equals("running"));
    }

    protected byte[] fixture(String path) throws Exception {
        return new ClassPathResource("fixtures/ingest/" + path).getInputStream().readAllBytes();
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
