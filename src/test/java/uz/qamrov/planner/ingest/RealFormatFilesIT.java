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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/**
 * Three real files, byte for byte as published (fixtures/real/README.md). OSM railways of Uzbekistan in Geofabrik's
 * layout are loaded for real. Geofabrik's railways shapefile of Latvia and an OpenCelliD daily diff export are not of
 * Uzbekistan, so nothing of them can be stored; as dry runs they show
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

        int railwaysBefore = count("SELECT count(*) FROM railways"); // another test of this class may load some
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
        assertThat(count("SELECT count(*) FROM railways")).as("a dry run writes nothing").isEqualTo(railwaysBefore);
    }

    /**
     * OSM railways of Uzbekistan in Geofabrik's layout (8,747 ways, 7,827 unnamed), loaded for real with the profile
     * and two parameters, no hand editing: each named line's ways become one railway (duplicates=merge, keyed by the
     * name, an unnamed way by its OSM id), partial=true passes what lies inside the country. A double-tracked
     * high-speed line of 269 ways is one railway whose parts are exactly those ways (lengths against GeographicLib on
     * the file's own points), and the T–S–B target can be pointed at the high-speed lines by name.
     */
    @Test
    void osmRailwaysOfUzbekistanLoadWithTheProfileEachNamedLineOneRailway() throws Exception {
        byte[] zip = real("geofabrik-uzbekistan-railways.zip");
        Map<String, byte[]> m = unzip(zip);
        String base = "uzbekistan_railways_shp_cleaned_with_addition";
        List<RawShapefile.Feature> ways = RawShapefile.read(m.get(base + ".shp"), m.get(base + ".shx"),
                m.get(base + ".dbf"), StandardCharsets.UTF_8);
        assertThat(ways).as("GDAL counts 8,747 features (fixtures/real/README.md)").hasSize(8747);
        assertThat(ways.stream().filter(w -> w.get("name").isEmpty()).count()).isEqualTo(7827);

        JsonNode job = importFile("railways", ADMIN_TOKEN, "uzbekistan_railways.zip", zip, "profile",
                "geofabrik-railways", "map", "line_key:name|osm_id", "duplicates", "merge", "partial", "true");
        JsonNode report = job.path("report");
        assertThat(job.path("status").asText()).as(report.toString()).isEqualTo("succeeded");
        JsonNode counts = report.path("rowCounts");
        assertThat(counts.path("read").asInt()).isEqualTo(ways.size());
        assertThat(counts.path("imported").asInt() + counts.path("rejected").asInt()).isEqualTo(ways.size());
        assertThat(counts.path("superseded").asInt() + counts.path("withheld").asInt()).isZero();

        // a line is its ways' key: the name, else the OSM id; one rejected way rejects its whole line
        java.util.function.IntFunction<String> key = i -> ways.get(i).get("name").isEmpty()
                ? ways.get(i).get("osm_id") : ways.get(i).get("name");
        java.util.Set<String> rejectedKeys = new java.util.HashSet<>();
        for (CSVRecord e : errors(job.path("id").asText())) {
            int row = Integer.parseInt(e.get("row"));
            assertThat(e.get("field")).as(e.toMap().toString()).isEqualTo("geometry");
            assertThat(e.get("message")).startsWith(OUTSIDE);
            rejectedKeys.add(key.apply(row - 1));
        }
        // row 595 runs into Kazakhstan (towards Beyneu); the ITs' rough region outlines may reject a few more
        assertThat(rejectedKeys).as("ways outside the country").contains(key.apply(594)).hasSizeLessThan(20);
        java.util.Set<String> lines = new java.util.HashSet<>();
        int rowsOfStoredLines = 0;
        for (int i = 0; i < ways.size(); i++) {
            if (!rejectedKeys.contains(key.apply(i))) {
                lines.add(key.apply(i));
                rowsOfStoredLines++;
            }
        }
        assertThat(counts.path("imported").asInt()).isEqualTo(rowsOfStoredLines);
        assertThat(report.path("inserted").asInt()).isEqualTo(lines.size());
        assertThat(count("SELECT count(*) FROM railways")).isEqualTo(lines.size());

        String highSpeed = "Toshkent-Samarqand tezyurar temir yoʻli";
        List<RawShapefile.Feature> itsWays = ways.stream().filter(w -> w.get("name").equals(highSpeed)).toList();
        assertThat(itsWays).hasSize(269);
        double waysKm = itsWays.stream().mapToDouble(RawShapefile.Feature::lengthKm).sum();
        double longestWayKm = itsWays.stream().mapToDouble(RawShapefile.Feature::lengthKm).max().orElseThrow();
        Map<String, Object> stored = jdbc.queryForMap("SELECT count(*) AS n, sum(ST_NumGeometries(parts_geom)) AS parts, "
                + "sum(ST_Length(parts_geom::geography)) / 1000 AS parts_km, sum(ST_Length(geom::geography)) / 1000 AS main_km "
                + "FROM railways WHERE line_key = ?", highSpeed);
        assertThat(((Number) stored.get("n")).intValue()).as("one railway").isEqualTo(1);
        assertThat(((Number) stored.get("parts")).intValue()).as("every way kept as a part").isEqualTo(269);
        assertThat(((Number) stored.get("parts_km")).doubleValue()).isCloseTo(waysKm, org.assertj.core.api.Assertions.within(1e-6 * waysKm));
        assertThat(((Number) stored.get("main_km")).doubleValue()).as("the main path: one track, end to end")
                .isBetween(longestWayKm, waysKm);

        long target = jdbc.queryForObject("INSERT INTO targets (indicator_key, kind, target_value, unit, direction, "
                + "deadline, title, source_document, source_item, subject_lines) VALUES "
                + "('railways.tashkent_samarkand_bukhara.high_speed_mobile.pct', 'target', 100, '%', 'at_least', '2023-12-31', "
                + "'T–S–B railway covered', 'roadmap', 'I.7', 'railway:key=tashkent_samarkand_bukhara') RETURNING id", Long.class);
        try {
            MvcResult put = mvc.perform(MockMvcRequestBuilders.put("/api/v1/targets/" + target + "/subject")
                    .contentType("application/json").content("{\"subjectLines\":\"railway:name~%tezyurar%\"}")
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn();
            assertThat(put.getResponse().getStatus()).as(put.getResponse().getContentAsString()).isEqualTo(200);
            TreeSet<String> named = new TreeSet<>();
            body(put).get("lines").forEach(l -> named.add(l.get("key").asText()));
            TreeSet<String> expected = new TreeSet<>();
            lines.stream().filter(k -> k.contains("tezyurar")).forEach(expected::add);
            assertThat(named).isEqualTo(expected).contains(highSpeed, "Samarqand-Buxoro tezyurar temir yoʻli");
        } finally {
            jdbc.update("DELETE FROM targets WHERE id = ?", target);
        }
    }

    /**
     * ITU's fibre map of West Africa (WATRA): 1,219 transmission links in the ITU/Giga schema (`line_id`, `status`
     * Operational / Planned / Unknown, and 19 links whose status pandas wrote as the text "&lt;NA&gt;"), mostly
     * MultiLineStrings, one of them empty. With the `itu-fibre` profile, and its operators mapped to one registered
     * here (`values=operator:*=uztelecom`), every link is read and the only reasons to reject one are: its country;
     * a status no rule names (the row error lists the accepted values); no coordinates. Every error downloads: a long
     * link's geometry used to be cut like a text value, and one such row made the whole download answer 500.
     */
    @Test
    void ituFibreLinksOfWestAfricaAreReadWholeWithTheProfile() throws Exception {
        byte[] geojson;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(real("itu-watra-fibre-lines.geojson.gz")))) {
            geojson = in.readAllBytes();
        }
        JsonNode features = new com.fasterxml.jackson.databind.ObjectMapper().readTree(geojson).get("features");
        assertThat(features).as("1,219 links (fixtures/real/README.md)").hasSize(1219);
        TreeSet<Integer> noStatus = new TreeSet<>();
        TreeSet<Integer> empty = new TreeSet<>();
        TreeSet<Integer> rest = new TreeSet<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            boolean na = f.get("properties").get("status").asText().equals("<NA>");
            boolean none = f.get("geometry").get("coordinates").isEmpty();
            (na ? noStatus : none ? empty : rest).add(i + 1);
        }
        assertThat(noStatus).hasSize(19);
        assertThat(empty).containsExactly(564);

        JsonNode job = importFile("fiber-routes", ADMIN_TOKEN, "combined_lines.geojson", geojson,
                "profile", "itu-fibre", "values", "operator:*=uztelecom", "dryRun", "true");
        JsonNode report = job.path("report");
        assertThat(job.path("status").asText()).as(report.toString()).isEqualTo("rejected");
        assertThat(report.path("rowCounts").path("read").asInt()).isEqualTo(features.size());
        assertThat(report.path("rowCounts").path("rejected").asInt()).isEqualTo(features.size());
        assertThat(report.path("warnings").toString()).contains("mapping 'itu-fibre");

        TreeSet<Integer> outside = new TreeSet<>();
        TreeSet<Integer> statusErrors = new TreeSet<>();
        TreeSet<Integer> emptyErrors = new TreeSet<>();
        for (CSVRecord e : errors(job.path("id").asText())) {
            int row = Integer.parseInt(e.get("row"));
            String message = e.get("message");
            switch (e.get("field")) {
                case "geometry" -> (message.startsWith(OUTSIDE) ? outside : emptyErrors).add(row);
                case "status" -> {
                    assertThat(message).contains("active").contains("planned");
                    statusErrors.add(row);
                }
                default -> throw new AssertionError("an error no real link should have: " + e.toMap());
            }
            if (e.get("field").equals("geometry") && !message.startsWith(OUTSIDE)) {
                assertThat(message).isEqualTo("the line is empty (no coordinates)");
            }
        }
        assertThat(statusErrors).isEqualTo(noStatus);
        assertThat(emptyErrors).isEqualTo(empty);
        assertThat(outside).as("every other link is outside Uzbekistan").isEqualTo(rest);
        assertThat(count("SELECT count(*) FROM fiber_routes")).as("a dry run writes nothing").isZero();
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
