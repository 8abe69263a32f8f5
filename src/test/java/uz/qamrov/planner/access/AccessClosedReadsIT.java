package uz.qamrov.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/**
 * With {@code qamrov.access.open-reads=false} every GET of /api, /ogc and /tiles needs a token, and so do the
 * actuator (but its liveness and readiness probes) and the OpenAPI document and Swagger UI.
 */
@TestPropertySource(properties = "qamrov.access.open-reads=false")
class AccessClosedReadsIT extends ApiIT {

    @Test
    void readsNeedATokenWhenReadsAreClosed() throws Exception {
        String job = "/api/v1/jobs/00000000-0000-0000-0000-000000000000";
        assertThat(mvc.perform(get(job)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get(job).header("Authorization", "Bearer " + token("planner", null))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void ogcAndTilesAreClosedToo() throws Exception {
        for (String path : new String[] {"/ogc/collections/settlements/items", "/tiles/regions/0/0/0.mvt"}) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(401);
        }
        assertThat(mvc.perform(get("/ogc/collections").header("Authorization", "Bearer " + token("planner", null)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void actuatorAndOpenApiAreClosedButTheProbesStayOpen() throws Exception {
        String planner = "Bearer " + token("planner", null);
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html"}) {
            var r = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(401);
            assertThat(r.getContentType()).as(path).startsWith("application/problem+json");
            assertThat(mvc.perform(get(path).header("Authorization", "Bearer not-a-token")).andReturn().getResponse().getStatus())
                    .as(path + " with a wrong token").isEqualTo(401);
        }
        for (String path : new String[] {"/actuator/health", "/v3/api-docs"}) {
            assertThat(mvc.perform(get(path).header("Authorization", planner)).andReturn().getResponse().getStatus())
                    .as(path + " with a token").isEqualTo(200);
        }
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var r = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(200);
            assertThat(r.getContentAsString()).as(path).contains("\"status\":\"UP\"");
        }
    }

    /** The filter's 401 reads as the error handler's would: title and detail in the caller's language. */
    @Test
    void theClosedActuatorAnswersInTheCallersLanguage() throws Exception {
        var r = mvc.perform(get("/actuator/info").header("Accept-Language", "uz-Cyrl")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getHeader("Content-Language")).isEqualTo("uz-Cyrl");
        assertThat(r.getHeader("Vary")).contains("Accept-Language");
        var problem = json.readTree(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("title").asText()).isEqualTo("Токен йўқ ёки яроқсиз");
        assertThat(problem.get("detail").asText())
                .isEqualTo("Яроқли API токени талаб қилинади: 'Authorization: Bearer <token>' сарлавҳасини юборинг");
        var english = mvc.perform(get("/actuator/info")).andReturn().getResponse();
        assertThat(json.readTree(english.getContentAsString()).get("detail").asText())
                .isEqualTo("a valid API token is required: send 'Authorization: Bearer <token>'");
    }
}
