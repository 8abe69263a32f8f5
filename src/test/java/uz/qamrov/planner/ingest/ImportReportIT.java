package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Geodesic;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/**
 * Full reports: every error pageable and downloadable with the rejected rows; the diff of imports and dry runs,
 * checked against distances and lengths computed independently (GeographicLib geodesics).
 */
@TestPropertySource(properties = "qamrov.coverage.compute-on-start=false")
class ImportReportIT extends ApiIT {

    JsonNode getJson(String path) throws Exception {
        return json.readTree(getStreamed(path));
    }

    @Test
    void allErrorsArePagedAndDownloadableWithTheRejectedRows() throws Exception {
        StringBuilder csv = new StringBuilder(IngestIT.HEADER);
        for (int i = 0; i < 1200; i++) { // every row has an unknown technology
            csv.append(IngestIT.site("ucell", "E-" + i, "1", 66 + i * 0.001, 40.0, 30).replace(",4G,", ",6G,"));
        }
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "e.csv", utf8(csv.toString()));
        assertThat(job.path("status").asText()).isEqualTo("rejected");
        assertThat(job.path("report").path("errorCount").asInt()).isEqualTo(1200);
        assertThat(job.path("report").path("errors").size()).isEqualTo(1000); // inline part, as configured
        String id = job.path("id").asText();

        JsonNode last = getJson("/api/v1/jobs/" + id + "/errors?offset=1000&limit=500");
        assertThat(last.path("numberMatched").asInt()).isEqualTo(1200);
        assertThat(last.path("numberReturned").asInt()).isEqualTo(200);
        assertThat(last.path("items").get(199).path("row").asInt()).isEqualTo(1200);
        assertThat(last.path("items").get(199).path("source").path("site_id").asText()).isEqualTo("E-1199");
        assertThat(last.path("links").toString()).doesNotContain("\"next\"");
        JsonNode first = getJson("/api/v1/jobs/" + id + "/errors?limit=10");
        assertThat(first.path("links").toString()).contains("\"next\"").contains("offset=10");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new java.io.StringReader(getStreamed("/api/v1/jobs/" + id + "/errors?f=csv"))).getRecords();
        assertThat(rows).hasSize(1200);
        assertThat(rows.get(7).get("row")).isEqualTo("8");
        assertThat(rows.get(7).get("field")).isEqualTo("technology");
        assertThat(rows.get(7).get("source.site_id")).isEqualTo("E-7");
        assertThat(rows.get(7).get("source.technology")).isEqualTo("6G");

        JsonNode geo = getJson("/api/v1/jobs/" + id + "/errors?f=geojson");
        assertThat(geo.path("features").size()).isEqualTo(1200);
        // CSV rows carry lon/lat: the rejected row is placed where the file put it
        assertThat(geo.path("features").get(3).path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(66.003);
    }

    @Test
    void theDiffSaysWhatWasAddedMovedReparametrisedAndRemovedPerOperator() throws Exception {
        String op = token("operator", "beeline");
        jdbc.update("DELETE FROM base_stations WHERE operator_code = 'beeline'");
        String v1 = IngestIT.HEADER + IngestIT.site("beeline", "D-A", "1", 69.20, 41.20, 30)
                + IngestIT.site("beeline", "D-B", "1", 69.30, 41.30, 30) + IngestIT.site("beeline", "D-C", "1", 69.40, 41.40, 30);
        JsonNode first = importFile("base-stations", op, "v1.csv", utf8(v1));
        JsonNode firstDiff = getJson("/api/v1/jobs/" + first.path("id").asText() + "/diff");
        assertThat(firstDiff.path("operators").get(0).path("added").asInt()).isEqualTo(3);

        // D-A moves 0.003° north, D-B gets a taller tower, D-C is missing (snapshot=full), D-D is new
        String v2 = IngestIT.HEADER + IngestIT.site("beeline", "D-A", "1", 69.20, 41.203, 30)
                + IngestIT.site("beeline", "D-B", "1", 69.30, 41.30, 45) + IngestIT.site("beeline", "D-D", "1", 69.50, 41.50, 30);
        for (boolean dryRun : new boolean[] {true, false}) {
            JsonNode job = importFile("base-stations", op, "v2.csv", utf8(v2), "snapshot", "full", "dryRun", String.valueOf(dryRun));
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
            JsonNode diff = getJson("/api/v1/jobs/" + job.path("id").asText() + "/diff");
            assertThat(diff.path("dryRun").asBoolean()).isEqualTo(dryRun);
            JsonNode beeline = diff.path("operators").get(0);
            assertThat(beeline.path("operator").asText()).isEqualTo("beeline");
            assertThat(List.of(beeline.path("added").asInt(), beeline.path("moved").asInt(), beeline.path("reparametrised").asInt(),
                    beeline.path("removed").asInt())).containsExactly(1, 1, 1, 1);
            Map<String, JsonNode> byId = new java.util.HashMap<>();
            diff.path("items").forEach(i -> byId.put(i.path("external_id").asText(), i));
            double expectedM = Geodesic.WGS84.Inverse(41.20, 69.20, 41.203, 69.20).s12; // independent oracle
            assertThat(byId.get("D-A").path("change").asText()).isEqualTo("moved");
            assertThat(byId.get("D-A").path("moved_m").asDouble()).isCloseTo(expectedM, org.assertj.core.data.Offset.offset(0.2));
            assertThat(byId.get("D-B").path("change").asText()).isEqualTo("reparametrised");
            // the site's tower and its cell's antenna height (tower - 2 in the fixture rows)
            assertThat(byId.get("D-B").path("fields").toString()).isEqualTo("[\"tower_height_m\",\"cells\"]");
            assertThat(byId.get("D-C").path("change").asText()).isEqualTo("removed");
            assertThat(byId.get("D-D").path("change").asText()).isEqualTo("added");
            assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = 'D-D'")).isEqualTo(dryRun ? 0 : 1);
        }
        JsonNode geo = getJson("/api/v1/jobs/" + first.path("id").asText() + "/diff?f=geojson");
        assertThat(geo.path("features").size()).isEqualTo(3);
        assertThat(geo.path("features").get(0).path("geometry").path("type").asText()).isEqualTo("Point");

        // the 50 m line, from the ellipsoid (GeographicLib's direct problem): D-A 49 m north is the same place with
        // other values, D-B 51 m north has moved; the diff as CSV says so row by row
        var a = Geodesic.WGS84.Direct(41.203, 69.20, 0, 49);
        var b = Geodesic.WGS84.Direct(41.30, 69.30, 0, 51);
        String v3 = IngestIT.HEADER + IngestIT.site("beeline", "D-A", "1", 69.20, a.lat2, 30)
                + IngestIT.site("beeline", "D-B", "1", 69.30, b.lat2, 45);
        JsonNode near = importFile("base-stations", op, "v3.csv", utf8(v3), "dryRun", "true");
        assertThat(near.path("status").asText()).as(near.toString()).isEqualTo("succeeded");
        var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(getStreamed("/api/v1/jobs/" + near.path("id").asText() + "/diff?f=csv")))
                .getRecords();
        Map<String, org.apache.commons.csv.CSVRecord> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.get("external_id"), r));
        assertThat(byId).containsOnlyKeys("D-A", "D-B");
        assertThat(byId.get("D-A").get("change")).isEqualTo("reparametrised");
        assertThat(Double.parseDouble(byId.get("D-A").get("moved_m"))).isCloseTo(49, org.assertj.core.data.Offset.offset(0.2));
        assertThat(byId.get("D-B").get("change")).isEqualTo("moved");
        assertThat(Double.parseDouble(byId.get("D-B").get("moved_m"))).isCloseTo(51, org.assertj.core.data.Offset.offset(0.2));
        assertThat(byId.get("D-A").get("operator")).isEqualTo("beeline");
    }

    @Test
    void fiberKmAddedAndRemovedAreGeodesicLengths() throws Exception {
        String op = token("operator", "uztelecom");
        jdbc.update("DELETE FROM fiber_routes WHERE operator_code = 'uztelecom'");
        String a = route("F-1", "[[69.0,41.0],[69.1,41.0]]");
        String b = route("F-2", "[[69.0,41.1],[69.0,41.2],[69.1,41.2]]");
        JsonNode job = importFile("fiber-routes", op, "f.geojson", utf8(collection(a, b)));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        double lenA = Geodesic.WGS84.Inverse(41.0, 69.0, 41.0, 69.1).s12 / 1000;
        double lenB = (Geodesic.WGS84.Inverse(41.1, 69.0, 41.2, 69.0).s12 + Geodesic.WGS84.Inverse(41.2, 69.0, 41.2, 69.1).s12) / 1000;
        JsonNode added = getJson("/api/v1/jobs/" + job.path("id").asText() + "/diff").path("operators").get(0);
        assertThat(added.path("fiberKmAdded").asDouble()).isCloseTo(lenA + lenB, org.assertj.core.data.Offset.offset(0.002));
        assertThat(added.path("fiberKmRemoved").asDouble()).isZero();

        // F-2 re-routed straight, F-1 gone with snapshot=full: removed = F-1 + old F-2, added = new F-2
        String b2 = route("F-2", "[[69.0,41.1],[69.1,41.2]]");
        JsonNode second = importFile("fiber-routes", op, "f2.geojson", utf8(collection(b2)), "snapshot", "full");
        JsonNode d = getJson("/api/v1/jobs/" + second.path("id").asText() + "/diff").path("operators").get(0);
        double lenB2 = Geodesic.WGS84.Inverse(41.1, 69.0, 41.2, 69.1).s12 / 1000;
        assertThat(d.path("fiberKmAdded").asDouble()).isCloseTo(lenB2, org.assertj.core.data.Offset.offset(0.002));
        assertThat(d.path("fiberKmRemoved").asDouble()).isCloseTo(lenA + lenB, org.assertj.core.data.Offset.offset(0.002));
    }

    static String route(String id, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{\"route_id\":\"" + id + "\",\"status\":\"active\",\"route_kind\":\"backbone\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":" + coordinates + "}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", new ArrayList<>(List.of(features))) + "]}";
    }
}
