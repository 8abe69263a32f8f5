package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/**
 * Hostile values per format and encoding, through whole jobs: settlements (the layer with names in four scripts) as
 * CSV in UTF-8, UTF-8 with a BOM and ';' (what Excel writes), windows-1251 with ';' (what older ru/uz Excel and 1C
 * write), UTF-16LE with a BOM, GeoJSON, and zipped Shapefiles whose .cpg says UTF-8 or 1251. In each: a clean file
 * imports and its names read back exactly as written; a value in Java-only number notation, an id of 101 characters,
 * a name of 201 Cyrillic characters (201 characters whether the encoding spends 201 or 402 bytes on them) and a NUL
 * in a name are each a row-level rejection naming the field and the rule, and nothing is written. A NUL byte in a
 * CSV without a byte-order mark refuses the file whole, as binary, with the byte's offset.
 */
class UploadEncodingsIT extends ApiIT {

    /** How one format and encoding writes rows of (column → value); {@code cyrillicUz} whether it can hold Ғ, Қ, Ў, Ҳ. */
    enum Encoding {
        CSV_UTF8("s.csv", true, true), CSV_UTF8_BOM_SEMICOLON("s.csv", true, true), CSV_CP1251_SEMICOLON("s.csv", false, true),
        CSV_UTF16LE_BOM("s.csv", true, true), GEOJSON("s.geojson", true, true), SHP_UTF8("s.zip", true, false),
        SHP_CP1251("s.zip", false, true);

        final String fileName;
        final boolean cyrillicUz;
        /** A dBASE character field holds at most 254 bytes: 201 Cyrillic letters in UTF-8 (402 bytes) do not fit. */
        final boolean longCyrillicFits;

        Encoding(String fileName, boolean cyrillicUz, boolean longCyrillicFits) {
            this.fileName = fileName;
            this.cyrillicUz = cyrillicUz;
            this.longCyrillicFits = longCyrillicFits;
        }

        boolean shapefile() {
            return this == SHP_UTF8 || this == SHP_CP1251;
        }

        byte[] write(List<Map<String, String>> rows, double[][] lonLat) {
            return switch (this) {
                case GEOJSON -> geoJson(rows, lonLat);
                case SHP_UTF8 -> shapefile(rows, lonLat, StandardCharsets.UTF_8, "UTF-8");
                case SHP_CP1251 -> shapefile(rows, lonLat, TextDecoder.CP1251, "1251");
                default -> csv(rows, lonLat);
            };
        }

        private byte[] csv(List<Map<String, String>> rows, double[][] lonLat) {
            String sep = this == CSV_UTF8 || this == CSV_UTF16LE_BOM ? "," : ";";
            StringBuilder s = new StringBuilder(String.join(sep, rows.get(0).keySet()) + sep + "lon" + sep + "lat\r\n");
            for (int i = 0; i < rows.size(); i++) {
                s.append(String.join(sep, rows.get(i).values())).append(sep).append(lonLat[i][0]).append(sep)
                        .append(lonLat[i][1]).append("\r\n");
            }
            return switch (this) {
                case CSV_UTF8_BOM_SEMICOLON -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
                case CSV_CP1251_SEMICOLON -> s.toString().getBytes(TextDecoder.CP1251);
                case CSV_UTF16LE_BOM -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE);
                default -> s.toString().getBytes(StandardCharsets.UTF_8);
            };
        }

        private static byte[] geoJson(List<Map<String, String>> rows, double[][] lonLat) {
            StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < rows.size(); i++) {
                StringBuilder props = new StringBuilder();
                rows.get(i).forEach((k, v) -> props.append(props.isEmpty() ? "" : ",").append('"').append(k).append("\":")
                        .append(k.equals("population") && v.matches("-?[0-9]+") ? v : "\"" + v.replace("\u0000", "\\u0000") + "\""));
                s.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{").append(props)
                        .append("},\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(lonLat[i][0]).append(',')
                        .append(lonLat[i][1]).append("]}}");
            }
            return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }

        /** dBASE column names are at most 10 characters: the reader maps external_i, name, name_uz_cy and populat. */
        private static byte[] shapefile(List<Map<String, String>> rows, double[][] lonLat, Charset cs, String cpg) {
            Map<String, String> dbfName = Map.of("external_id", "external_i", "name_uz_latn", "name", "name_uz_cyrl", "name_uz_cy",
                    "population", "populat");
            List<Map<String, String>> dbfRows = new ArrayList<>();
            for (Map<String, String> r : rows) {
                Map<String, String> d = new LinkedHashMap<>();
                r.forEach((k, v) -> d.put(dbfName.getOrDefault(k, k), v));
                dbfRows.add(d);
            }
            Map<String, byte[]> members = new LinkedHashMap<>(); // no .prj: WGS84 is assumed (with a warning)
            members.put("s.shp", ShapefileBytes.points(lonLat));
            members.put("s.dbf", ShapefileBytes.dbf(dbfRows, cs));
            members.put("s.cpg", cpg.getBytes(StandardCharsets.US_ASCII));
            return ShapefileBytes.zip(members);
        }
    }

    static final double[][] TWO_POINTS = {{67.58, 40.02}, {66.96, 39.65}};

    static Map<String, String> settlement(String id, String uz, String cyrl, String ru, String population) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("external_id", id);
        m.put("name_uz_latn", uz);
        m.put("name_uz_cyrl", cyrl);
        m.put("name_ru", ru);
        m.put("kind", "village");
        m.put("population", population);
        return m;
    }

    /** Names the encoding can hold: Uzbek Cyrillic letters only where it has them (windows-1251 has not). */
    static List<Map<String, String>> clean(Encoding e) {
        String tag = "ENC-" + e.ordinal() + "-";
        return List.of(
                settlement(tag + "1", e.cyrillicUz ? "Gʻallaorol" : "G'allaorol", e.cyrillicUz ? "Ғаллаорол" : "Галлаорол", "Галляарал", "40000"),
                settlement(tag + "2", "Samarqand", e.cyrillicUz ? "Самарқанд" : "Самарканд", "Самарканд", "550000"));
    }

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (Encoding e : Encoding.values()) {
            a.add(Arguments.of(e, "population in hex", "population", "0x1p4", "population", "plain decimal notation"));
            a.add(Arguments.of(e, "id of 101 characters", "external_id", "E".repeat(101), "external_id",
                    "is longer than 100 characters (101)"));
            if (e.longCyrillicFits) {
                a.add(Arguments.of(e, "name of 201 Cyrillic characters", "name_ru", "Ж".repeat(201), "name_ru",
                        "is longer than 200 characters (201)"));
            }
            if (e == Encoding.CSV_UTF8 || e == Encoding.CSV_CP1251_SEMICOLON) {
                // a NUL byte in a file without a byte-order mark: the file is refused whole as binary (an .xlsx or a
                // zip sent as CSV), with the offset
                a.add(Arguments.of(e, "NUL in a name", "name_uz_latn", "Sam\u0000arqand", null, "a NUL byte at offset"));
            } else if (!e.shapefile()) { // a dBASE field pads and ends with NUL bytes: not a value a reader can carry
                a.add(Arguments.of(e, "NUL in a name", "name_uz_latn", "Sam\u0000arqand", "name_uz_latn", "contains a NUL character"));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}: a clean file round-trips its names")
    @MethodSource("encodings")
    void aCleanFileImportsAndItsNamesReadBackExactly(Encoding e) throws Exception {
        List<Map<String, String>> rows = clean(e);
        JsonNode job = importFile("settlements", ADMIN_TOKEN, e.fileName, e.write(rows, TWO_POINTS));
        assertThat(job.path("status").asText()).as(e + ": " + job).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt() + job.path("report").path("unchanged").asInt()).as(e + "").isEqualTo(2);
        for (Map<String, String> r : rows) {
            assertThat(jdbc.queryForObject("SELECT name_uz_latn || '|' || name_uz_cyrl || '|' || name_ru || '|' || population"
                    + " FROM settlements WHERE external_id = ?", String.class, r.get("external_id"))).as(e + "")
                    .isEqualTo(r.get("name_uz_latn") + "|" + r.get("name_uz_cyrl") + "|" + r.get("name_ru") + "|" + r.get("population"));
        }
    }

    static Stream<Encoding> encodings() {
        return Stream.of(Encoding.values());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aHostileValueIsARowLevelRejectionInEveryFormatAndEncoding(Encoding e, String name, String column, String value,
            String field, String message) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> r : clean(e)) {
            Map<String, String> copy = new LinkedHashMap<>(r);
            copy.put("external_id", copy.get("external_id").replace("ENC-", "HOSTILE-"));
            rows.add(copy);
        }
        rows.get(1).put(column, value);
        int before = count("SELECT count(*) FROM settlements");
        MvcResult r = upload("settlements", ADMIN_TOKEN, e.fileName, e.write(rows, TWO_POINTS));
        if (field == null) { // the file refused whole
            assertThat(r.getResponse().getStatus()).as(e + " " + name).isEqualTo(400);
            assertThat(body(r).path("detail").asText()).as(e + " " + name).contains(message);
            assertThat(count("SELECT count(*) FROM settlements")).as(e + " " + name + ": nothing written").isEqualTo(before);
            return;
        }
        assertThat(r.getResponse().getStatus()).as(e + " " + name + ": " + r.getResponse().getContentAsString()).isEqualTo(202);
        JsonNode job = awaitJob(body(r).path("id").asText());
        assertThat(job.path("status").asText()).as(e + " " + name + ": " + job).isEqualTo("rejected");
        assertThat(job.hasNonNull("error")).as("no failure text").isFalse();
        JsonNode errors = job.path("report").path("errors");
        assertThat(errors.size()).as(e + " " + name + ": " + errors).isEqualTo(1);
        assertThat(errors.get(0).path("row").asInt()).as(e + " " + name).isEqualTo(2);
        assertThat(errors.get(0).path("field").asText()).as(e + " " + name + ": " + errors.get(0)).isEqualTo(field);
        assertThat(errors.get(0).path("message").asText()).as(e + " " + name + ": " + errors.get(0)).contains(message);
        assertThat(count("SELECT count(*) FROM settlements")).as(e + " " + name + ": nothing written").isEqualTo(before);
    }
}
