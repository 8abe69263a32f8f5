package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/**
 * The table of bad inputs: each with the HTTP status of the upload and, when the upload is accepted (202), the job
 * status and a fragment of the row message. Limits are lowered for this class so the limit cases stay small.
 */
@TestPropertySource(properties = {"qamrov.ingest.max-upload-mb=1", "qamrov.ingest.max-rows=1000", "qamrov.ingest.max-unzipped-mb=2"})
class IngestBadInputIT extends ApiIT {

    static final String H = IngestIT.HEADER;

    static String row(String override) {
        // operator,site_id,cell_id,lon,lat,tower,status,comm,decomm,tech,band,az,bw,tilt,ant,eirp,range
        String[] f = "ucell,S-1,1,69.25,41.30,30,active,2021-04-01,,4G,1800,120,65,3,28,60,4000".split(",", -1);
        for (String kv : override.isEmpty() ? new String[0] : override.split("\\|")) {
            String[] p = kv.split("=", 2);
            f[Integer.parseInt(p[0])] = p[1];
        }
        return String.join(",", f) + "\n";
    }

    static byte[] csv(String... rows) {
        return (H + String.join("", rows)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(String... nameContent) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (int i = 0; i + 1 < nameContent.length; i += 2) {
                    z.putNextEntry(new ZipEntry(nameContent[i]));
                    z.write(nameContent[i + 1].getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] zipBomb() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry("sites.shp"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 8; i++) {
                    z.write(zeros); // 8 MB of zeros compress to a few KB
                }
                z.closeEntry();
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sites shapefile fixture without its .prj. */
    static byte[] shapefileWithoutPrj() {
        try (ZipInputStream in = new ZipInputStream(new ClassPathResource("fixtures/ingest/sites-shp.zip").getInputStream())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    if (!e.getName().endsWith(".prj")) {
                        z.putNextEntry(new ZipEntry(e.getName()));
                        z.write(in.readAllBytes());
                        z.closeEntry();
                    }
                }
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String point(String props, String geometry) {
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geometry + "}]}";
    }

    static final String SITE_PROPS = "\"operator\":\"ucell\",\"site_id\":\"G-1\",\"cell_id\":\"1\",\"technology\":\"4G\",\"band_mhz\":1800,\"antenna_height_m\":25";

    static Stream<Arguments> badInputs() {
        List<Arguments> a = new ArrayList<>();
        // name, layer, role (admin/planner/ucell/none/bad), file name, content, params, HTTP status, job status, message
        a.add(Arguments.of("malformed quoting", "base-stations", "admin", "a.csv", csv("ucell,\"S-1,1,69.2,41.3,30,active\n"), "", 400, "", "malformed CSV"));
        a.add(Arguments.of("semicolon delimiter (ru/uz Excel) is detected", "base-stations", "admin", "a.csv", (H.replace(',', ';') + row("").replace(',', ';')).getBytes(), "", 202, "succeeded", "delimiter ';'"));
        a.add(Arguments.of("empty file", "base-stations", "admin", "a.csv", new byte[0], "", 400, "", "empty"));
        a.add(Arguments.of("whitespace only", "base-stations", "admin", "a.csv", "  \n\n".getBytes(), "", 400, "", "empty"));
        a.add(Arguments.of("header only", "base-stations", "admin", "a.csv", csv(), "", 400, "", "no data rows"));
        a.add(Arguments.of("binary garbage as .csv", "base-stations", "admin", "a.csv", new byte[] {1, 0, 2, 3, (byte) 0xff, 0}, "", 400, "", "binary"));
        a.add(Arguments.of("binary garbage without extension", "base-stations", "admin", "upload", new byte[] {1, 0, 2, 3, (byte) 0xff, 0}, "", 415, "", "unrecognised binary"));
        a.add(Arguments.of("UTF-8 that breaks later", "base-stations", "admin", "a.csv", concat((H + "ucell,S-\u00e9,1\n").getBytes(StandardCharsets.UTF_8), (row("1=S-\u00e9")).getBytes(StandardCharsets.ISO_8859_1)), "", 400, "", "not valid UTF-8"));
        a.add(Arguments.of("truncated GeoJSON", "base-stations", "admin", "a.geojson", point(SITE_PROPS, "{\"type\":\"Point\",\"coordinates\":[69.2,41.3]}").substring(0, 80).getBytes(), "", 400, "", "not valid JSON"));
        a.add(Arguments.of("GeoJSON geometry instead of features", "base-stations", "admin", "a.geojson", "{\"type\":\"Point\",\"coordinates\":[69.2,41.3]}".getBytes(), "", 400, "", "expected a GeoJSON FeatureCollection"));
        a.add(Arguments.of("GeoJSON without features", "base-stations", "admin", "a.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(), "", 400, "", "no features"));
        a.add(Arguments.of("GeoJSON unknown crs", "base-stations", "admin", "a.geojson", ("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"my-local-grid\"}},\"features\":[" + point(SITE_PROPS, "{\"type\":\"Point\",\"coordinates\":[69.2,41.3]}").replaceAll("^.*\\[\\{", "{").replaceAll("\\}\\]\\}$", "}") + "]}").getBytes(), "", 400, "", "unsupported GeoJSON crs"));
        a.add(Arguments.of("wrong geometry type", "base-stations", "admin", "a.geojson", point(SITE_PROPS, "{\"type\":\"LineString\",\"coordinates\":[[69.2,41.3],[69.3,41.4]]}").getBytes(), "", 202, "rejected", "wrong geometry type"));
        a.add(Arguments.of("multipoint with two points", "base-stations", "admin", "a.geojson", point(SITE_PROPS, "{\"type\":\"MultiPoint\",\"coordinates\":[[69.2,41.3],[69.3,41.4]]}").getBytes(), "", 202, "rejected", "expected Point"));
        a.add(Arguments.of("3D coordinates accepted and flattened", "base-stations", "admin", "a.geojson", point(SITE_PROPS, "{\"type\":\"Point\",\"coordinates\":[69.2,41.3,455.0]}").getBytes(), "", 202, "succeeded", "Z values were dropped"));
        a.add(Arguments.of("missing .prj assumed WGS84", "base-stations", "admin", "s.zip", shapefileWithoutPrj(), "", 202, "succeeded", "assumed to be WGS84"));
        a.add(Arguments.of("zip with path traversal", "base-stations", "admin", "s.zip", zip("../../etc/sites.shp", "x", "sites.dbf", "y"), "", 400, "", "unsafe path"));
        a.add(Arguments.of("zip with absolute path", "base-stations", "admin", "s.zip", zip("/tmp/sites.shp", "x"), "", 400, "", "unsafe path"));
        a.add(Arguments.of("zip with unexpected member", "base-stations", "admin", "s.zip", zip("sites.shp", "x", "run.exe", "MZ"), "", 400, "", "unexpected member"));
        a.add(Arguments.of("zip bomb", "base-stations", "admin", "s.zip", zipBomb(), "", 413, "", "zip bomb"));
        a.add(Arguments.of("zip without .dbf", "base-stations", "admin", "s.zip", zip("sites.shp", "x"), "", 400, "", "needs at least the .shp and the .dbf"));
        a.add(Arguments.of("not a zip", "base-stations", "admin", "s.zip", "hello".getBytes(), "", 400, "", "zip"));
        a.add(Arguments.of("oversized file", "base-stations", "admin", "a.csv", new byte[1_300_000], "", 413, "", "the limit is 1 MB"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(row("1=MANY-" + i));
        }
        a.add(Arguments.of("too many rows", "base-stations", "admin", "a.csv", csv(many.toString()), "", 413, "", "more than 1000 rows"));
        a.add(Arguments.of("duplicate ids", "base-stations", "admin", "a.csv", csv(row(""), row("")), "", 202, "rejected", "duplicate id"));
        a.add(Arguments.of("swapped coordinates", "base-stations", "admin", "a.csv", csv(row("3=41.30|4=69.25")), "", 202, "rejected", "look swapped"));
        a.add(Arguments.of("latitude out of range", "base-stations", "admin", "a.csv", csv(row("4=95")), "", 202, "rejected", "latitude out of range"));
        a.add(Arguments.of("outside the country", "base-stations", "admin", "a.csv", csv(row("3=76.95|4=43.25")), "", 202, "rejected", "outside Uzbekistan"));
        a.add(Arguments.of("injection-looking id stored verbatim", "base-stations", "admin", "a.csv", csv(row("1=x'); DROP TABLE base_stations;--")), "", 202, "succeeded", ""));
        a.add(Arguments.of("unknown operator", "base-stations", "admin", "a.csv", csv(row("0=acme")), "", 202, "rejected", "unknown operator"));
        a.add(Arguments.of("unknown technology", "base-stations", "admin", "a.csv", csv(row("9=6G")), "", 202, "rejected", "unknown technology"));
        a.add(Arguments.of("azimuth 360", "base-stations", "admin", "a.csv", csv(row("11=360")), "", 202, "rejected", "[0, 360)"));
        a.add(Arguments.of("negative height", "base-stations", "admin", "a.csv", csv(row("5=-5")), "", 202, "rejected", "negative height"));
        a.add(Arguments.of("EIRP 200", "base-stations", "admin", "a.csv", csv(row("15=200")), "", 202, "rejected", "between 0 and 90 dBm"));
        a.add(Arguments.of("tilt 45", "base-stations", "admin", "a.csv", csv(row("13=45")), "", 202, "rejected", "between -10 and 20"));
        a.add(Arguments.of("band 100 MHz", "base-stations", "admin", "a.csv", csv(row("10=100")), "", 202, "rejected", "between 400 and 6000"));
        a.add(Arguments.of("future date for active", "base-stations", "admin", "a.csv", csv(row("7=2099-01-01")), "", 202, "rejected", "in the future"));
        a.add(Arguments.of("future date for planned is fine", "base-stations", "admin", "a.csv", csv(row("1=PLAN-1|6=planned|7=2099-01-01")), "", 202, "succeeded", ""));
        a.add(Arguments.of("decommissioned before commissioned", "base-stations", "admin", "a.csv", csv(row("6=decommissioned|8=2020-01-01")), "", 202, "rejected", "before commissioned_on"));
        a.add(Arguments.of("bad date format", "base-stations", "admin", "a.csv", csv(row("7=01.04.2021")), "", 202, "rejected", "YYYY-MM-DD"));
        a.add(Arguments.of("non-numeric lat", "base-stations", "admin", "a.csv", csv(row("4=forty-one")), "", 202, "rejected", "not a number"));
        a.add(Arguments.of("NaN lon", "base-stations", "admin", "a.csv", csv(row("3=NaN")), "", 202, "rejected", "not a finite number"));
        a.add(Arguments.of("decimal comma", "base-stations", "admin", "a.csv", csv(row("3=\"69,25\"")), "", 202, "rejected", "not a number"));
        a.add(Arguments.of("unknown status", "base-stations", "admin", "a.csv", csv(row("6=broken")), "", 202, "rejected", "unknown value"));
        a.add(Arguments.of("row with an extra field", "base-stations", "admin", "a.csv", csv(row("").replace("\n", ",extra\n")), "", 202, "rejected", "fields but the header"));
        a.add(Arguments.of("missing required column", "base-stations", "admin", "a.csv", (H.replace(",band_mhz", "") + row("").replaceFirst(",1800", "")).getBytes(), "", 400, "", "missing required column"));
        a.add(Arguments.of("duplicate header", "base-stations", "admin", "a.csv", ("site_id," + H + "X," + row("")).getBytes(), "", 400, "", "header"));
        a.add(Arguments.of("OpenCelliD foreign MCC", "base-stations", "admin", "c.csv", "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\nLTE,250,1,1,1,0,69.2,41.3,1000,1,1,1577836800,1577836800,0\n".getBytes(), "", 202, "rejected", "is not Uzbekistan (434)"));
        a.add(Arguments.of("self-intersecting boundary", "settlements", "admin", "s.geojson", point("\"external_id\":\"BT-1\",\"name\":\"Bowtie\",\"population\":10", "{\"type\":\"Polygon\",\"coordinates\":[[[66,39],[67,40],[67,39],[66,40],[66,39]]]}").getBytes(), "", 202, "rejected", "Self-intersection"));
        a.add(Arguments.of("self-intersecting boundary repaired on request", "settlements", "admin", "s.geojson", point("\"external_id\":\"BT-2\",\"name\":\"Bowtie\",\"population\":10", "{\"type\":\"Polygon\",\"coordinates\":[[[66,39],[67,40],[67,39],[66,40],[66,39]]]}").getBytes(), "repair=true", 202, "succeeded", "repaired with ST_MakeValid"));
        a.add(Arguments.of("unknown region code", "settlements", "admin", "s.csv", "external_id,name_uz_latn,population,lon,lat,region_code\nX-1,Xiva,90000,60.36,41.38,UZ-ZZ\n".getBytes(), "", 202, "rejected", "unknown region code"));
        a.add(Arguments.of("CSV for a line layer", "highways", "admin", "h.csv", "ref,wkt\nM39,x\n".getBytes(), "", 415, "", "not CSV"));
        a.add(Arguments.of("unsupported file type", "base-stations", "admin", "a.xlsx", new byte[] {80, 75, 3, 4}, "", 415, "", "unsupported file type"));
        a.add(Arguments.of("unsupported format parameter", "base-stations", "admin", "a.csv", csv(row("")), "format=kml", 415, "", "unsupported format"));
        a.add(Arguments.of("bad snapshot parameter", "base-stations", "admin", "a.csv", csv(row("")), "snapshot=some", 400, "", "snapshot must be"));
        a.add(Arguments.of("unknown layer", "antennas", "admin", "a.csv", csv(row("")), "", 404, "", "no such upload layer"));
        a.add(Arguments.of("wrong role: planner", "base-stations", "planner", "a.csv", csv(row("")), "", 403, "", "planner may only read"));
        a.add(Arguments.of("wrong role: operator uploads regions", "regions", "ucell", "r.geojson", point("\"name\":\"x\"", "{\"type\":\"Point\",\"coordinates\":[69,41]}").getBytes(), "", 403, "", "admin role"));
        a.add(Arguments.of("no token", "base-stations", "none", "a.csv", csv(row("")), "", 401, "", "API token is required"));
        a.add(Arguments.of("unknown token", "base-stations", "bad", "a.csv", csv(row("")), "", 401, "", "API token is required"));
        a.add(Arguments.of("other operator's rows", "base-stations", "ucell", "a.csv", csv(row("0=beeline")), "", 403, "", "belongs to operator 'beeline'"));
        a.add(Arguments.of("operator parameter of another operator", "base-stations", "ucell", "a.csv", csv(row("")), "operator=beeline", 403, "", "may write only 'ucell'"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAnsweredWithStatusAndMessage(String name, String layer, String role, String fileName, byte[] content,
            String params, int httpStatus, String jobStatus, String message) throws Exception {
        String token = switch (role) {
            case "none" -> null;
            case "bad" -> "not-a-real-token";
            case "admin" -> ADMIN_TOKEN;
            case "planner" -> token("planner", null);
            default -> token("operator", role);
        };
        jdbc.update("DELETE FROM base_stations");
        String[] p = params.isEmpty() ? new String[0] : params.split("=", 2);
        MvcResult r = upload(layer, token, fileName, content, p);
        assertThat(r.getResponse().getStatus()).as(name + ": " + r.getResponse().getContentAsString()).isEqualTo(httpStatus);
        if (httpStatus != 202) {
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(body(r).path("detail").asText()).as(name).contains(message);
            assertThat(count("SELECT count(*) FROM base_stations")).isZero();
            return;
        }
        JsonNode job = awaitJob(body(r).path("id").asText());
        assertThat(job.path("status").asText()).as(name + ": " + job).isEqualTo(jobStatus);
        assertThat(job.path("report").toString()).as(name).contains(message);
        if (!jobStatus.equals("succeeded")) {
            JsonNode first = job.path("report").path("errors").get(0);
            assertThat(first.path("row").asInt()).as(name).isPositive();
            assertThat(first.path("field").asText()).as(name).isNotBlank();
            assertThat(count("SELECT count(*) FROM base_stations")).as(name + ": nothing written").isZero();
        }
    }

    @Test
    void injectionLookingStringsAreStoredVerbatim() throws Exception {
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "a.csv", csv(row("1=Robert'); DROP TABLE cells;--")));
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = ?", "Robert'); DROP TABLE cells;--")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cells")).isPositive();
    }

    @Test
    void missingFilePartIs400() throws Exception {
        MvcResult r = mvc.perform(multipart("/api/v1/uploads/base-stations").header("Authorization", "Bearer " + ADMIN_TOKEN)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).path("detail").asText()).contains("'file'");
    }
}
