package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.planner.coverage.CoverageNotReadyException;
import uz.qamrov.planner.system.ServiceNotReadyException;

/**
 * What each kind of failure becomes on the wire (through Spring MVC's real exception resolution, no database):
 * engine input errors are 400 with their details, a bare IllegalArgumentException is a logged 500, "not ready" and
 * a lost database are 503 with Retry-After and no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

    @RestController
    static class Failing {
        @GetMapping("/engine-input")
        String engineInput() {
            throw InvalidInputException.of("cell azimuth out of range", "cellId", 17, "field", "azimuth", "value", 400);
        }

        @GetMapping("/bare-iae")
        String bareIae() {
            throw new IllegalArgumentException("Invalid number of points in LinearRing (found 3 - must be 0 or >= 4)");
        }

        @GetMapping("/not-ready")
        String notReady() {
            throw new ServiceNotReadyException("the coverage model is being built", Duration.ofSeconds(12));
        }

        @GetMapping("/coverage-not-ready")
        String coverageNotReady() {
            throw new CoverageNotReadyException("coverage of 2026-12-04 is being computed", 2);
        }

        @GetMapping("/db-down")
        String dbDown() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2001ms"));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiExceptionHandler()).build();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }

    @Test
    void engineInputErrorIs400WithItsDetails(CapturedOutput out) throws Exception {
        MvcResult r = mvc.perform(get("/engine-input")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        JsonNode b = body(r);
        assertThat(b.get("type").asText()).isEqualTo("https://qamrov.uz/problems/invalid-input");
        assertThat(b.get("detail").asText()).isEqualTo("cell azimuth out of range");
        assertThat(b.get("cellId").asInt()).isEqualTo(17);
        assertThat(b.get("field").asText()).isEqualTo("azimuth");
        assertThat(b.get("value").asInt()).isEqualTo(400);
        assertThat(out.getAll()).doesNotContain("cell azimuth out of range");
    }

    @Test
    void aBareIllegalArgumentExceptionIsA500LoggedOnceWithoutInternalsInTheBody(CapturedOutput out) throws Exception {
        MvcResult r = mvc.perform(get("/bare-iae")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(500);
        assertThat(r.getResponse().getContentAsString()).doesNotContain("LinearRing");
        assertThat(body(r).get("type").asText()).isEqualTo("https://qamrov.uz/problems/internal-error");
        String log = out.getAll();
        assertThat(log.split("unexpected error", -1)).as("logged exactly once").hasSize(2);
        assertThat(log).contains("Invalid number of points in LinearRing");
    }

    @Test
    void notReadyIs503WithRetryAfterAndNoLog(CapturedOutput out) throws Exception {
        MvcResult r = mvc.perform(get("/not-ready")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo("12");
        assertThat(body(r).get("type").asText()).isEqualTo("https://qamrov.uz/problems/not-ready");
        assertThat(out.getAll()).doesNotContain("being built");
    }

    @Test
    void coverageNotReadySaysWhenToTryAgainInTheCallersLanguage() throws Exception {
        MvcResult ru = mvc.perform(get("/coverage-not-ready").header("Accept-Language", "ru")).andReturn();
        assertThat(ru.getResponse().getStatus()).isEqualTo(503);
        assertThat(ru.getResponse().getHeader("Retry-After")).isEqualTo("2");
        assertThat(ru.getResponse().getHeader("Content-Language")).isEqualTo("ru");
        assertThat(json.readTree(ru.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .get("detail").asText()).isEqualTo("Покрытие рассчитывается; повторите через 2 с.");
        MvcResult en = mvc.perform(get("/coverage-not-ready")).andReturn();
        assertThat(body(en).get("detail").asText()).isEqualTo("Coverage is being computed; try again in 2 s.");
        // a plain "not ready" has no text in the bundles: its own English message, no Content-Language
        MvcResult plain = mvc.perform(get("/not-ready").header("Accept-Language", "ru")).andReturn();
        assertThat(body(plain).get("detail").asText()).isEqualTo("the coverage model is being built");
        assertThat(plain.getResponse().getHeader("Content-Language")).isNull();
    }

    @Test
    void aLostDatabaseIs503WithRetryAfterAndNoStackTrace(CapturedOutput out) throws Exception {
        MvcResult r = mvc.perform(get("/db-down")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo("10");
        assertThat(body(r).get("type").asText()).isEqualTo("https://qamrov.uz/problems/database-unavailable");
        assertThat(out.getAll()).doesNotContain("\tat ").doesNotContain("HikariPool");
    }

    @Test
    void sqlStatesOfAnOutageAreRecognisedAndOthersAreNot() {
        assertThat(DatabaseOutage.isOutageState("08006")).isTrue();   // connection failure
        assertThat(DatabaseOutage.isOutageState("57P01")).isTrue();   // admin shutdown
        assertThat(DatabaseOutage.isOutageState("57014")).isTrue();   // statement_timeout
        assertThat(DatabaseOutage.isOutageState("23505")).isFalse();  // unique violation: a 409, not an outage
        assertThat(DatabaseOutage.isOutageState("42P01")).isFalse();  // undefined table: a bug, 500
        assertThat(DatabaseOutage.isOutageState(null)).isFalse();
    }
}
