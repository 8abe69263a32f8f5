package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.PostgisIT;

/**
 * Client errors over real HTTP (Tomcat parses the multipart body itself): each is a 4xx problem document, for
 * callers with and without a token, and none of them writes a stack trace (or anything at ERROR) to the log.
 * Also: liveness and readiness are separate probes, open with the default open reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "qamrov.access.admin-token=" + ClientErrorsIT.ADMIN)
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsIT extends PostgisIT {

    static final String ADMIN = "client-errors-admin-token-0123456789";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> send(String method, String path, String contentType, String accept, String body, boolean admin)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (admin) {
            b.header("Authorization", "Bearer " + ADMIN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode b = json.readTree(r.body());
        assertThat(b.get("status").asInt()).isEqualTo(status);
        assertThat(b.get("type").asText()).isEqualTo("https://qamrov.uz/problems/" + type);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void clientErrorsAreQuiet4xxProblems(CapturedOutput out) throws Exception {
        for (boolean admin : new boolean[] {false, true}) {
            HttpResponse<String> wrongMethod = send("DELETE", "/api/v1/regions", null, null, null, admin);
            assertProblem(wrongMethod, 405, "method-not-allowed");
            assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));

            assertProblem(send("GET", "/api/v1/regions", null, "image/png", null, admin), 406, "not-acceptable");

            // an upload endpoint read with GET: 405 naming POST, not a 500
            HttpResponse<String> getUpload = send("GET", "/api/v1/uploads/base-stations", null, null, null, admin);
            assertProblem(getUpload, 405, "method-not-allowed");
            assertThat(getUpload.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));

            assertProblem(send("POST", "/api/v1/uploads/base-stations", "text/plain", null, "site_id,lat\n1,2\n", admin),
                    415, "unsupported-format");

            assertProblem(send("POST", "/api/v1/uploads/base-stations", "multipart/form-data; boundary=XyZ", null,
                    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nsite_id,lat\n1", admin),
                    400, "invalid-request");
        }
        assertProblem(send("POST", "/api/v1/users", "application/json", null, "{\"name\": \"x\", \"role\":", true),
                400, "invalid-request");
        assertProblem(send("POST", "/api/v1/users", "application/json", null, "[1, 2", true), 400, "invalid-request");

        String log = out.getAll();
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ").doesNotContain("unexpected error");
    }

    @Test
    void livenessAndReadinessAreSeparateProbes() throws Exception {
        HttpResponse<String> liveness = send("GET", "/actuator/health/liveness", null, null, null, false);
        HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null, null, null, false);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode live = json.readTree(liveness.body());
        JsonNode ready = json.readTree(readiness.body());
        assertThat(live.get("status").asText()).isEqualTo("UP");
        assertThat(live.path("components").has("db")).as("liveness does not depend on the database").isFalse();
        assertThat(ready.path("components").path("db").path("status").asText()).as("readiness includes the database").isEqualTo("UP");
        assertThat(ready.path("components").path("readinessState").path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").path("startup").path("status").asText()).as("no start-up work pending").isEqualTo("UP");
    }
}
