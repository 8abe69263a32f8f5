package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import uz.qamrov.support.HttpApiIT;

/**
 * A gap list downloaded as a file holds every row; a page, or a capped file, says what it left out in its headers.
 * The fixture has 4 uncovered settlements (ids 4, 2, 3, 5 by population); the limits here are made small so that
 * 4 rows are more than a page (2 by default, 3 at most) and exactly the download cap.
 */
@TestPropertySource(properties = {"qamrov.paging.default-limit=2", "qamrov.paging.max-limit=3",
        "qamrov.paging.max-download-limit=4"})
class GapDownloadIT extends HttpApiIT {

    private final ObjectMapper json = new ObjectMapper();

    private ResponseEntity<String> ok(String path) {
        ResponseEntity<String> res = get(path);
        assertThat(res.getStatusCode().value()).as(res.getBody()).isEqualTo(200);
        return res;
    }

    private static String nextLink(ResponseEntity<String> res) {
        return res.getHeaders().getFirst(HttpHeaders.LINK);
    }

    private static long csvRows(ResponseEntity<String> res) {
        return res.getBody().lines().filter(l -> !l.isBlank()).count() - 1;
    }

    @Test
    void aJsonPageSaysInItsHeadersHowManyThereAreAndWhereTheNextPageIs() throws Exception {
        ResponseEntity<String> page = ok("/api/v1/gaps/settlements");
        assertThat(json.readTree(page.getBody()).get("items")).hasSize(2);
        assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo("4");
        assertThat(nextLink(page)).startsWith("<http").contains("offset=2").contains("limit=2").endsWith(">; rel=\"next\"");
        // a larger limit is clamped to the page maximum, and the next page follows on
        ResponseEntity<String> clamped = ok("/api/v1/gaps/settlements?limit=4");
        assertThat(json.readTree(clamped.getBody()).get("items")).hasSize(3);
        assertThat(nextLink(clamped)).contains("offset=3");
        ResponseEntity<String> last = ok("/api/v1/gaps/settlements?limit=3&offset=3");
        assertThat(json.readTree(last.getBody()).get("items")).hasSize(1);
        assertThat(nextLink(last)).isNull();
    }

    @Test
    void aCsvOrGeoJsonDownloadWithoutLimitHoldsEveryRowNotAPage() throws Exception {
        ResponseEntity<String> csv = ok("/api/v1/gaps/settlements?f=csv");
        assertThat(csvRows(csv)).isEqualTo(4);
        assertThat(csv.getHeaders().getFirst("X-Total-Count")).isEqualTo("4");
        assertThat(nextLink(csv)).isNull();
        ResponseEntity<String> geojson = ok("/api/v1/gaps/settlements?f=geojson");
        JsonNode fc = json.readTree(geojson.getBody());
        assertThat(fc.get("features")).hasSize(4);
        assertThat(fc.get("numberReturned").asLong()).isEqualTo(4);
        assertThat(nextLink(geojson)).isNull();
        // the stretch lists download the same way
        assertThat(ok("/api/v1/gaps/highways?f=csv").getHeaders().getFirst(HttpHeaders.LINK)).isNull();
    }

    @Test
    void aDownloadCutShortSaysSoInItsHeaders() {
        ResponseEntity<String> csv = ok("/api/v1/gaps/settlements?f=csv&limit=2");
        assertThat(csvRows(csv)).isEqualTo(2);
        assertThat(csv.getHeaders().getFirst("X-Total-Count")).isEqualTo("4");
        assertThat(nextLink(csv)).contains("f=csv").contains("offset=2").endsWith("rel=\"next\"");
        // asking for more than the download cap gets the cap (here every row)
        assertThat(csvRows(ok("/api/v1/gaps/settlements?f=csv&limit=99"))).isEqualTo(4);
    }
}
