package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/**
 * Two real files, byte for byte as published (fixtures/real/README.md): Geofabrik's railways shapefile of Latvia and
 * an OpenCelliD daily diff export. Neither is of Uzbekistan, so nothing of them can be stored; as dry runs they show
 * that the readers and the import profiles take a real file with no hand editing: every row read, every row accounted
 * for, and the only reasons to reject it are its country (and, for 16 cells, their radio, CDMA).
 *
 * <p>The expected counts come from the files themselves, read here without Qamrov's readers: the shapefile's record
 * count and extent from its .shx and .shp headers (ESRI's fixed layout), the export's rows with Commons CSV.
 */
@TestPropertySource(properties = "qamrov.coverage.compute-on-start=false")
class RealFormatFilesIT extends ApiIT {

    private static final String OUTSIDE = "outside Uzbekistan by more than ";

    @Test
    void geofabrikRailwaysOfLatviaAreReadWholeAndRejectedOnlyForTheirCountry() throws Exception {
        byte[] zip = real("geofabrik-latvia-railways.zip");
        Map<String, byte[]> members = unzip(zip);
        // .shx: a 100-byte header, then 8 bytes per record; .shp header: xmin, ymin, xmax, ymax at byte 36
        int records = (members.get("gis_osm_railways_free_1.shx").length - 100) / 8;
        ByteBuffer shp = ByteBuffer.wrap(members.get("gis_osm_railways_free_1.shp")).order(ByteOrder.LITTLE_ENDIAN);
        double xmin = shp.getDouble(36), ymin = shp.getDouble(44), xmax = shp.getDouble(52), ymax = shp.getDouble(60);
        assertThat(records).as("GDAL counts 6,663 features (fixtures/real/README.md)").isEqualTo(6663);

        JsonNode job = importFile("railways", ADMIN_TOKEN, "gis_osm_railways_free_1.zip", zip,
                "profile", "geofabrik-railways", "dryRun", "true");
        JsonNode report = job.path("report");
        assertThat(job.path("status").asText()).as(report.toString()).isEqualTo("rejected");
        assertThat(report.path("rowCounts").path("read").asInt()).isEqualTo(records);
        assertThat(report.path("rowCounts").path("rejected").asInt()).isEqualTo(records);
        assertThat(report.path("rowCounts").path("imported").asInt()).isZero();
        assertThat(report.path("warnings").toString())
                .contains("mapping 'geofabrik-railways' applied: line_key ← osm_id, line_name ← name | fclass");

        List<CSVRecord> errors = errors(job.path("id").asText());
        assertThat(errors).hasSize(records);
        TreeSet<Integer> rows = new TreeSet<>();
        for (CSVRecord e : errors) {
            rows.add(Integer.parseInt(e.get("row")));
            assertThat(e.get("field")).isEqualTo("geometry");
            assertThat(e.get("message")).startsWith(OUTSIDE);
            String[] lonLat = e.get("value").split(" ");
            assertThat(Double.parseDouble(lonLat[0])).isBetween(xmin, xmax);
            assertThat(Double.parseDouble(lonLat[1])).isBetween(ymin, ymax);
        }
        assertThat(rows).as("one reason per way, every way").hasSize(records);
        assertThat(rows.first()).isEqualTo(1);
        assertThat(rows.last()).isEqualTo(records);
        assertThat(count("SELECT count(*) FROM railways")).as("a dry run writes nothing").isZero();
    }

    @Test
    void anOpenCellIdExportIsReadWholeAndRejectedOnlyForItsCountryAndCdma() throws Exception {
        byte[] csv;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(real("opencellid-diff-2022-09-10.csv.gz")))) {
            csv = in.readAllBytes();
        }
        List<CSVRecord> cells;
        try (var parser = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            cells = parser.getRecords();
        }
        Map<String, Integer> byRadio = new HashMap<>();
        cells.forEach(c -> byRadio.merge(c.get("radio"), 1, Integer::sum));
        assertThat(cells).as("awk counts 45,745 rows (fixtures/real/README.md)").hasSize(45_745);
        assertThat(byRadio).containsEntry("CDMA", 16).containsEntry("NR", 2);

        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "OCID-diff-cell-export-2022-09-10-T000000.csv", csv,
                "profile", "opencellid", "dryRun", "true");
        JsonNode report = job.path("report");
        assertThat(job.path("status").asText()).as(report.toString()).isEqualTo("rejected");
        assertThat(report.path("rowCounts").path("read").asInt()).isEqualTo(cells.size());
        assertThat(report.path("rowCounts").path("rejected").asInt()).isEqualTo(cells.size());
        assertThat(report.path("errorCount").asInt()).as("one error per row, one more for each CDMA cell")
                .isEqualTo(cells.size() + byRadio.get("CDMA"));

        List<CSVRecord> errors = errors(job.path("id").asText());
        assertThat(errors).hasSize(cells.size() + byRadio.get("CDMA"));
        for (CSVRecord e : errors) {
            CSVRecord cell = cells.get(Integer.parseInt(e.get("row")) - 1);
            switch (e.get("field")) {
                case "mcc" -> assertThat(e.get("message")).isEqualTo("MCC " + cell.get("mcc") + " is not Uzbekistan (434)");
                case "technology" -> {
                    assertThat(cell.get("radio")).isEqualTo("CDMA");
                    assertThat(e.get("message")).startsWith("CDMA cells are not modelled");
                }
                default -> throw new AssertionError("an error no real row should have: " + e.toMap());
            }
        }
        assertThat(count("SELECT count(*) FROM cells")).as("a dry run writes nothing").isZero();
    }

    private static byte[] real(String name) throws Exception {
        try (var in = new ClassPathResource("fixtures/real/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> members = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                members.put(entry.getName(), in.readAllBytes());
            }
        }
        return members;
    }

    /** Every error of the job, as the CSV download gives them. */
    private List<CSVRecord> errors(String jobId) throws Exception {
        String body = getStreamed("/api/v1/jobs/" + jobId + "/errors?f=csv");
        try (var parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(body))) {
            return parser.getRecords();
        }
    }
}
