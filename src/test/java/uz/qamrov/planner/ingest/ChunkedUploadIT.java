package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/**
 * Uploads larger than one validation chunk ({@link StagingRepository#CHUNK} rows): the job reads the file chunk by
 * chunk and still keeps every rule of a whole-file import — all-or-nothing with the error in a later chunk, its row
 * number right, duplicates across chunks found (and under keep-latest resolved), a site's rows far apart in the file
 * still one site. Settlements and lines are chunked the same way (region and district boundaries, matched against
 * each other, are not).
 */
class ChunkedUploadIT extends ApiIT {

    private static final int ROWS = StagingRepository.CHUNK + 1_500;
    private static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,"
            + "technology,band_mhz,azimuth_deg,antenna_height_m\n";

    /** Row {@code n} (1-based) of a file of one-cell sites spread over Tashkent region; the site id is {@code prefix-n}. */
    private static String siteRow(String prefix, int n) {
        return siteRow(prefix + "-" + n, "1", n);
    }

    private static String siteRow(String site, String cell, int n) {
        double lon = 69.0 + (n % 100) * 0.004;
        double lat = 41.0 + (n / 100) * 0.004;
        return "ucell," + site + "," + cell + "," + lon + "," + lat + ",30,active,2021-04-01,4G,1800,120,28\n";
    }

    @Test
    void anErrorInTheSecondChunkRejectsTheWholeFileAndNamesItsRow() throws Exception {
        int bad = StagingRepository.CHUNK + 600;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= ROWS; n++) {
            csv.append(n == bad ? siteRow("CH-" + n, "1", n).replace(",120,", ",400,") : siteRow("CH", n));
        }
        JsonNode job = importFile("base-stations", token("admin", null), "chunks.csv", utf8(csv.toString()));
        assertThat(job.path("status").asText()).isEqualTo("rejected");
        JsonNode report = job.path("report");
        assertThat(report.path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        assertThat(report.path("errors")).hasSize(1);
        assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(bad);
        assertThat(report.path("errors").get(0).path("field").asText()).isEqualTo("azimuth_deg");
        // the first chunk was valid and staged: nothing of it reached the table
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'CH-%'")).isZero();
        JsonNode errors = json.readTree(getStreamed("/api/v1/jobs/" + job.path("id").asText() + "/errors"));
        assertThat(errors.toString()).contains("\"row\":" + bad).contains("CH-" + bad);
    }

    @Test
    void aDuplicateCellAcrossChunksIsFoundAndTheSiteRowsFarApartAreOneSite() throws Exception {
        int dup = StagingRepository.CHUNK + 900;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= ROWS; n++) {
            if (n == 3 || n == dup) {
                csv.append(siteRow("DUP-3", "1", 3)); // the same site and cell twice, in different chunks
            } else if (n == ROWS) {
                csv.append(siteRow("DUP-5", "2", 5)); // a second cell of the site of row 5, in the last chunk
            } else {
                csv.append(siteRow("DUP", n));
            }
        }
        String text = csv.toString();
        JsonNode rejected = importFile("base-stations", token("admin", null), "dup.csv", utf8(text));
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        JsonNode error = rejected.path("report").path("errors").get(0);
        assertThat(rejected.path("report").path("errors")).hasSize(1);
        assertThat(error.path("row").asInt()).isEqualTo(dup);
        assertThat(error.path("message").asText()).contains("already in row 3");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'DUP-%'")).isZero();

        // partial: the duplicate row is left out, the rest imported; site DUP-5 has its two cells from rows 5 and ROWS
        JsonNode partial = importFile("base-stations", token("admin", null), "dup.csv", utf8(text), "partial", "true");
        assertThat(partial.path("status").asText()).isEqualTo("succeeded");
        int sites = ROWS - 2; // minus the duplicate row and the second cell row of DUP-5
        assertThat(partial.path("report").path("inserted").asInt()).isEqualTo(sites);
        assertThat(partial.path("report").path("rejected").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'DUP-%' AND valid_to = 'infinity'")).isEqualTo(sites);
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id WHERE b.external_id = 'DUP-5'"))
                .isEqualTo(2);

        // idempotent: the same file again changes nothing
        JsonNode again = importFile("base-stations", token("admin", null), "dup.csv", utf8(text), "partial", "true");
        assertThat(again.path("report").path("unchanged").asInt()).isEqualTo(sites);
        assertThat(again.path("report").path("inserted").asInt() + again.path("report").path("updated").asInt()).isZero();
    }

    @Test
    void keepLatestResolvesADuplicateAcrossChunksInADryRun() throws Exception {
        int later = StagingRepository.CHUNK + 1_200;
        StringBuilder csv = new StringBuilder(HEADER.replace("\n", ",updated\n"));
        for (int n = 1; n <= ROWS; n++) {
            String row = n == 2 || n == later ? siteRow("KL-2", "1", 2) : siteRow("KL", n);
            csv.append(row.replace("\n", "," + (n == later ? "1700000000" : "1600000000") + "\n"));
        }
        JsonNode job = importFile("base-stations", token("admin", null), "kl.csv", utf8(csv.toString()), "duplicates", "keep-latest",
                "dryRun", "true");
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        JsonNode counts = job.path("report").path("rowCounts");
        assertThat(counts.path("superseded").asInt()).isEqualTo(1);
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(ROWS - 1);
        assertThat(job.path("report").path("warnings").toString()).contains("row 2: superseded by row " + later);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'KL-%'")).isZero();
        // every superseded row is stored with the row as read, paged like errors; the errors stay errors
        String id = job.path("id").asText();
        JsonNode superseded = streamed("/api/v1/jobs/" + id + "/errors?kind=superseded");
        assertThat(superseded.path("numberMatched").asInt()).isEqualTo(1);
        assertThat(superseded.at("/items/0/row").asInt()).isEqualTo(2);
        assertThat(superseded.at("/items/0/message").asText()).contains("superseded by row " + later);
        assertThat(superseded.at("/items/0/source/site_id").asText()).isEqualTo("KL-2");
        JsonNode errors = streamed("/api/v1/jobs/" + id + "/errors");
        assertThat(errors.path("numberMatched").asInt()).isZero();
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/jobs/" + id + "/errors").param("kind", "warnings")).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    /** A streamed report (StreamingResponseBody): MockMvc sees its body after the async dispatch. */
    private JsonNode streamed(String path) throws Exception {
        return json.readTree(getStreamed(path));
    }

    /** Settlements are validated in chunks too (a national file need not be held whole): the same rules hold. */
    @Test
    void aDuplicateSettlementInALaterChunkIsFoundAndPartialImportsTheRest() throws Exception {
        int dup = StagingRepository.CHUNK + 700;
        StringBuilder csv = new StringBuilder("external_id,name_uz_latn,name_ru,kind,population,region_code,lon,lat\n");
        for (int n = 1; n <= ROWS; n++) {
            int id = n == dup ? 7 : n;
            csv.append("CS-").append(id).append(",Qishloq ").append(n).append(",Кишлак ").append(n).append(",village,")
                    .append(100 + n).append(",UZ-TO,").append(69.0 + (n % 100) * 0.004).append(',')
                    .append(41.0 + (n / 100) * 0.004).append('\n');
        }
        String text = csv.toString();
        JsonNode rejected = importFile("settlements", token("admin", null), "villages.csv", utf8(text));
        assertThat(rejected.path("status").asText()).as(rejected.toString()).isEqualTo("rejected");
        assertThat(rejected.path("report").path("errors")).hasSize(1);
        JsonNode error = rejected.path("report").path("errors").get(0);
        assertThat(error.path("row").asInt()).isEqualTo(dup);
        assertThat(error.path("message").asText()).contains("already in row 7");
        assertThat(count("SELECT count(*) FROM settlements WHERE external_id LIKE 'CS-%'")).isZero();

        JsonNode partial = importFile("settlements", token("admin", null), "villages.csv", utf8(text), "partial", "true");
        assertThat(partial.path("status").asText()).as(partial.toString()).isEqualTo("succeeded");
        assertThat(partial.path("report").path("inserted").asInt()).isEqualTo(ROWS - 1);
        assertThat(count("SELECT count(*) FROM settlements WHERE external_id LIKE 'CS-%'")).isEqualTo(ROWS - 1);
        // the first of the two rows is the one kept, with its Russian name
        assertThat(jdbc.queryForObject("SELECT name_ru FROM settlements WHERE external_id = 'CS-7'", String.class))
                .isEqualTo("Кишлак 7");
        jdbc.update("DELETE FROM settlements WHERE external_id LIKE 'CS-%'");
    }

    /** Lines (a national roads file) are chunked as well: a duplicate line key in a later chunk is found. */
    @Test
    void aDuplicateRailwayLineInALaterChunkIsFound() throws Exception {
        int dup = StagingRepository.CHUNK + 50;
        String geojson = railways(n -> "CR-" + (n == dup ? 2 : n), n -> null);
        JsonNode job = importFile("railways", token("admin", null), "sidings.geojson", utf8(geojson));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        assertThat(job.path("report").path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(job.path("report").path("errors")).hasSize(1);
        assertThat(job.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(dup);
        assertThat(job.path("report").path("errors").get(0).path("message").asText()).contains("already in row 2");
        assertThat(count("SELECT count(*) FROM railways WHERE line_key LIKE 'CR-%'")).isZero();
    }

    /** duplicates=merge: two pieces of one line far apart in the file (different chunks) are validated together. */
    @Test
    void thePiecesOfALineInDifferentChunksAreMergedIntoOne() throws Exception {
        int second = StagingRepository.CHUNK + 10;
        String geojson = railways(n -> n == 2 || n == second ? "CM-JOINED" : "CM-" + n,
                n -> n == 2 ? "[[68.0,40.0],[68.1,40.0]]" : n == second ? "[[68.1,40.0],[68.2,40.0]]" : null);
        JsonNode job = importFile("railways", token("admin", null), "pieces.geojson", utf8(geojson),
                "duplicates", "merge");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(ROWS - 1);
        // one line from 68.0 to 68.2 E (in the direction the main path search chose), both pieces kept as parts
        assertThat(jdbc.queryForObject("SELECT line_name || ' ' || ST_Equals(geom, ST_GeomFromText('LINESTRING(68 40, 68.1 40,"
                + " 68.2 40)', 4326)) || ' ' || ST_NumPoints(geom) || ' ' || ST_NumGeometries(parts_geom)"
                + " FROM railways WHERE line_key = 'CM-JOINED'", String.class)).isEqualTo("Line 2 true 3 2");
        jdbc.update("DELETE FROM railways WHERE line_key LIKE 'CM-%'");
    }

    /**
     * ROWS railway features named "Line n" with the key {@code key(n)}; each a short line in Tashkent region unless
     * {@code coordinates(n)} gives its coordinates.
     */
    private static String railways(java.util.function.IntFunction<String> key, java.util.function.IntFunction<String> coordinates) {
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int n = 1; n <= ROWS; n++) {
            double lon = 69.0 + (n % 100) * 0.004;
            double lat = 41.0 + (n / 100) * 0.004;
            String coords = coordinates.apply(n) != null ? coordinates.apply(n)
                    : "[[" + lon + "," + lat + "],[" + (lon + 0.003) + "," + lat + "]]";
            geojson.append(n == 1 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"line_key\":\"")
                    .append(key.apply(n)).append("\",\"line_name\":\"Line ").append(n)
                    .append("\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":").append(coords).append("}}");
        }
        return geojson.append("]}").toString();
    }

    @Test
    void aDuplicateFiberNodeInALaterChunkIsFound() throws Exception {
        int dup = StagingRepository.CHUNK + 300;
        StringBuilder csv = new StringBuilder("operator,node_id,lon,lat,kind\n");
        for (int n = 1; n <= ROWS; n++) {
            int id = n == dup ? 1 : n;
            csv.append("ucell,N-").append(id).append(',').append(69.0 + (n % 100) * 0.004).append(',')
                    .append(41.0 + (n / 100) * 0.004).append(",cabinet\n");
        }
        JsonNode job = importFile("fiber-nodes", token("admin", null), "nodes.csv", utf8(csv.toString()));
        assertThat(job.path("status").asText()).isEqualTo("rejected");
        assertThat(job.path("report").path("errors")).hasSize(1);
        assertThat(job.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(dup);
        assertThat(job.path("report").path("errors").get(0).path("message").asText()).contains("already in row 1");
        assertThat(count("SELECT count(*) FROM fiber_nodes WHERE external_id LIKE 'N-%'")).isZero();
    }
}
