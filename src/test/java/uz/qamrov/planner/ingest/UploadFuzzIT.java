package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/**
 * Damaged files through whole jobs, not only readers ({@link ReaderFuzzTest} damages the same fixtures the same way):
 * each damaged copy is uploaded for real (read, validate, write, coverage). The contract: the upload answers 202 or
 * a 4xx problem with a message, never a 5xx; a job ends succeeded or rejected, never failed (a failed job is an
 * exception the validation let through: database or Java text); a rejected job wrote nothing. Fixed seeds
 * ({@value #CASES_PER_FIXTURE} per fixture, the first of {@link ReaderFuzzTest}'s); {@code -Dqamrov.fuzz.from=K
 * -Dqamrov.fuzz.cases=N} runs seeds K to K+N−1.
 */
class UploadFuzzIT extends ApiIT {

    static final int CASES_PER_FIXTURE = 8;

    static Stream<Arguments> cases() {
        int n = Integer.getInteger("qamrov.fuzz.cases", CASES_PER_FIXTURE);
        int from = Integer.getInteger("qamrov.fuzz.from", 0);
        List<Arguments> a = new ArrayList<>();
        for (ReaderFuzzTest.Fixture f : ReaderFuzzTest.fixtures()) {
            for (int seed = from; seed < from + n; seed++) {
                a.add(Arguments.of(f.name(), seed));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void aDamagedFileIsImportedOrRefusedWholeNeverFailed(String fixture, int seed) throws Exception {
        ReaderFuzzTest.Fixture f = ReaderFuzzTest.fixtures().stream().filter(x -> x.name().equals(fixture)).findFirst().orElseThrow();
        byte[] bytes = ReaderFuzzTest.damaged(f, seed);
        String fileName = fixture.endsWith("-shp.zip") ? "upload.zip" : fixture;
        String table = switch (f.layer()) {
            case BASE_STATIONS -> "base_stations";
            case FIBER_ROUTES -> "fiber_routes";
            case FIBER_NODES -> "fiber_nodes";
            default -> "settlements";
        };
        int before = count("SELECT count(*) FROM " + table);
        int cellsBefore = count("SELECT count(*) FROM cells");
        MvcResult r = upload(f.layer().key, ADMIN_TOKEN, fileName, bytes);
        int status = r.getResponse().getStatus();
        String what = fixture + " seed " + seed;
        if (status != 202) {
            assertThat(status).as(what + ": " + r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isBetween(400, 499);
            assertThat(body(r).path("detail").asText()).as(what + ": a message that says what is wrong").isNotBlank();
            assertThat(count("SELECT count(*) FROM " + table)).as(what + ": nothing written").isEqualTo(before);
            return;
        }
        JsonNode job = awaitJob(body(r).path("id").asText());
        String jobStatus = job.path("status").asText();
        assertThat(jobStatus).as(what + ": " + job).isIn("succeeded", "rejected");
        assertThat(job.hasNonNull("error")).as(what + ": no failure text: " + job.path("error")).isFalse();
        if (jobStatus.equals("rejected")) {
            assertThat(count("SELECT count(*) FROM " + table)).as(what + ": a rejected file wrote nothing").isEqualTo(before);
            assertThat(count("SELECT count(*) FROM cells")).as(what + ": nor any cell").isEqualTo(cellsBefore);
            JsonNode errors = job.path("report").path("errors");
            if (errors.size() > 0) {
                assertThat(errors.get(0).path("message").asText()).as(what + ": " + errors.get(0)).isNotBlank()
                        .doesNotContain("org.postgresql").doesNotContain("java.").doesNotContain("Exception");
            }
        }
    }
}
