package uz.qamrov.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.web.client.RestClient;

/**
 * Base of the API tests: a real server on a random port over a fresh PostGIS database loaded with the hand-made
 * fixture, and run 1 answering every as-of date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedCoverageRuns.class)
@Sql(scripts = "/fixtures/api-fixture.sql", executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
public abstract class HttpApiIT extends PostgisIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected RestClient.Builder restClientBuilder;

    protected RestClient http() {
        return restClientBuilder.baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> { })
                .build();
    }

    protected ResponseEntity<String> get(String path) {
        return http().get().uri(path).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<String> get(String path, String accept) {
        return http().get().uri(path).header(HttpHeaders.ACCEPT, accept).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<byte[]> getBytes(String path) {
        return http().get().uri(path).retrieve().toEntity(byte[].class);
    }
}
