package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uz.qamrov.planner.ingest.ReaderTestSupport.parse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

/**
 * Crafted files, each lying in one header field, and the exact answer the readers must give: a 4xx naming the
 * lie, fast, without allocating what the header claims. Plus the formats real operators send (semicolons, CP1251,
 * UTF-16, quoted headers, deleted .dbf records, holes).
 */
class ReaderHardeningTest {

    static final Charset CP1251 = Charset.forName("windows-1251");

    static byte[] zipped(byte[] shp, byte[] dbf) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("s.shp", shp);
        m.put("s.dbf", dbf);
        return ShapefileBytes.zip(m);
    }

    static byte[] oneSiteDbf() {
        return ShapefileBytes.dbf(List.of(Map.of("site_id", "S-1")), StandardCharsets.UTF_8);
    }

    static ApiException failure(String name, byte[] bytes) {
        long t0 = System.nanoTime();
        try {
            parse(name, bytes, Layer.BASE_STATIONS);
        } catch (ApiException e) {
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(2.0);
            // every refusal has its text in every language, and reads in English as its message
            LocalisedDetails.assertEnglishIsTheMessage(e);
            return e;
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aDbfClaiming2pow31RecordsIn600BytesIsRefusedAtOnce() {
        byte[] dbf = oneSiteDbf();
        ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MIN_VALUE); // 2^31 records
        byte[] zip = zipped(ShapefileBytes.points(new double[][] {{69.2, 41.3}}), dbf);
        assertThat(zip.length).isLessThan(700);
        ApiException e = failure("s.zip", zip);
        // the limit (1000 rows) is smaller than the claim: 413 before anything else is looked at
        assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(e.getMessage()).contains("more than 1000 rows");
    }

    @Test
    void aDbfClaimingMoreRecordsThanItsBytesIsTruncated() {
        byte[] dbf = oneSiteDbf();
        ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 900);
        ApiException e = failure("s.zip", zipped(ShapefileBytes.points(new double[][] {{69.2, 41.3}}), dbf));
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.getMessage()).contains("claims 900 records of 4 bytes but holds only 5 bytes");
        assertThat(LocalisedDetails.detail(e, "ru")).isEqualTo("В заголовке .dbf указано записей: 900 (длина записи в"
                + " байтах: 4), но на записи в файле остаётся байт: 5 (файл обрезан или повреждён)");
    }

    @Test
    void aShpRecordClaiming2pow31PartsIsRefusedNot500() {
        byte[] shp = ShapefileBytes.polys(3, List.<double[][]>of(new double[][] {{69.0, 41.0, 69.1, 41.1}}));
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 36, Integer.MAX_VALUE);
        ApiException e = failure("s.zip", zipped(shp, oneSiteDbf()));
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.getMessage()).contains("corrupt at record 1").contains("2147483647 parts");
        // the frame is translated; what is wrong in the record's bytes stays in the reader's English words
        assertThat(LocalisedDetails.detail(e, "uz-Cyrl")).startsWith(".shp файли 1-ёзувда бузилган: ")
                .contains("2147483647 parts");
    }

    @Test
    void negativeCountsAndLengthsAreRefused() {
        byte[] shp = ShapefileBytes.polys(3, List.<double[][]>of(new double[][] {{69.0, 41.0, 69.1, 41.1}}));
        byte[] negativePoints = shp.clone();
        ByteBuffer.wrap(negativePoints).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 40, -5);
        assertThat(failure("s.zip", zipped(negativePoints, oneSiteDbf())).getMessage()).contains("numPoints is negative (-5)");
        byte[] negativeLength = shp.clone();
        ByteBuffer.wrap(negativeLength).order(ByteOrder.BIG_ENDIAN).putInt(100 + 4, -1);
        assertThat(failure("s.zip", zipped(negativeLength, oneSiteDbf())).getMessage()).contains("record length -2 bytes");
        byte[] longRecord = shp.clone();
        ByteBuffer.wrap(longRecord).order(ByteOrder.BIG_ENDIAN).putInt(100 + 4, 1_000_000);
        assertThat(failure("s.zip", zipped(longRecord, oneSiteDbf())).getMessage()).contains("truncated at record 1")
                .contains("claims 2000000 bytes");
        byte[] partOutside = shp.clone();
        ByteBuffer.wrap(partOutside).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 44, 7);
        assertThat(failure("s.zip", zipped(partOutside, oneSiteDbf())).getMessage()).contains("part 0 starts at point 7");
    }

    @Test
    void aVertexCountOverTheBudgetIsRefusedBeforeAllocating() {
        double[] line = new double[2 * 2000];
        for (int i = 0; i < 2000; i++) {
            line[2 * i] = 69 + i * 1e-4;
            line[2 * i + 1] = 41;
        }
        byte[] zip = zipped(ShapefileBytes.polys(3, List.<double[][]>of(new double[][] {line})), oneSiteDbf());
        IngestProperties small = ReaderTestSupport.limits(1000, 16, 1000, 10);
        assertThatThrownBy(() -> ReaderTestSupport.parse("s.zip", zip, Layer.BASE_STATIONS, small, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("more than 1000 vertices");
    }

    @Test
    void unusableGeometriesAreRowErrorsAndTheOtherRowsAreRead() {
        List<double[][]> shapes = new ArrayList<>();
        shapes.add(new double[][] {{69.0, 41.0}}); // a line of one point
        shapes.add(new double[][] {{69.0, 41.0, Double.NaN, 41.1}}); // NaN vertex
        shapes.add(new double[][] {{69.0, 41.0, 69.1, 41.1}});
        byte[] dbf = ShapefileBytes.dbf(List.of(Map.of("k", "a"), Map.of("k", "b"), Map.of("k", "c")), StandardCharsets.UTF_8);
        ParsedFile f = parse("s.zip", zipped(ShapefileBytes.polys(3, shapes), dbf), Layer.RAILWAYS);
        assertThat(f.features()).hasSize(3);
        assertThat(f.features().get(0).readError()).contains("fewer than 2 points");
        assertThat(f.features().get(1).readError()).contains("not a finite number");
        assertThat(f.features().get(2).readError()).isNull();
        assertThat(f.features().get(2).geometry().toText()).isEqualTo("LINESTRING (69 41, 69.1 41.1)");
    }

    @Test
    void deletedDbfRecordsAreSkippedWithTheirShapesAndCp1251NamesDecode() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(Map.of("name", "Тошкент"));
        rows.add(null); // deleted
        rows.add(Map.of("name", "Самарқанд".replace('қ', 'к')));
        byte[] dbf = ShapefileBytes.dbf(rows, CP1251);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("s.shp", ShapefileBytes.points(new double[][] {{69.2, 41.3}, {1, 1}, {66.9, 39.6}}));
        m.put("s.dbf", dbf);
        m.put("s.cpg", "1251".getBytes());
        ParsedFile f = parse("s.zip", ShapefileBytes.zip(m), Layer.SETTLEMENTS);
        assertThat(f.features()).extracting(SourceFeature::number).containsExactly(1, 3);
        assertThat(f.features().get(1).attrs()).containsEntry("name", "Самарканд");
        assertThat(f.features().get(1).geometry().toText()).isEqualTo("POINT (66.9 39.6)");
        assertThat(f.warnings()).anyMatch(w -> w.contains("1 record(s) marked deleted"));
    }

    @Test
    void aHoleTouchingItsShellAtItsFirstVertexGoesToThatShell() {
        // two shells (clockwise); the hole (counter-clockwise) lies in the SECOND and touches it at (12 2)
        double[] shellA = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
        double[] shellB = {12, 0, 12, 10, 22, 10, 22, 0, 12, 0};
        double[] hole = {12, 2, 15, 2, 15, 5, 12, 2};
        byte[] shp = ShapefileBytes.polys(5, List.<double[][]>of(new double[][] {shellA, shellB, hole}));
        byte[] dbf = ShapefileBytes.dbf(List.of(Map.of("k", "a")), StandardCharsets.UTF_8);
        ParsedFile f = parse("s.zip", zipped(shp, dbf), Layer.REGIONS);
        var g = f.features().get(0).geometry();
        assertThat(g.getNumGeometries()).isEqualTo(2);
        // area on paper: 100 + (100 - 4.5)
        assertThat(g.getArea()).isEqualTo(195.5);
        assertThat(((org.locationtech.jts.geom.Polygon) g.getGeometryN(1)).getNumInteriorRing()).isEqualTo(1);
    }

    @Test
    void aZipHoldingTheSameMemberTwiceIsRefused() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            for (String n : new String[] {"a/s.shp", "b/s.shp"}) {
                z.putNextEntry(new java.util.zip.ZipEntry(n));
                z.write(ShapefileBytes.points(new double[][] {{69.2, 41.3}}));
                z.closeEntry();
            }
        }
        assertThat(failure("s.zip", out.toByteArray()).getMessage()).contains("holds the member 's.shp' twice");
    }

    static final String HEADER = "site_id;cell_id;lon;lat;technology;band_mhz;antenna_height_m;name\n";

    @Test
    void semicolonCp1251CsvFromExcelIsReadAndReported() {
        byte[] bytes = (HEADER + "S-1;1;69.25;41.30;4G;1800;28;Чиланзар\n").getBytes(CP1251);
        ParsedFile f = parse("a.csv", bytes, Layer.BASE_STATIONS);
        assertThat(f.features()).hasSize(1);
        assertThat(f.features().get(0).attrs()).containsEntry("name", "Чиланзар").containsEntry("lat", "41.30");
        assertThat(f.warnings()).contains("read as windows-1251 text with the delimiter ';'");
    }

    @Test
    void utf16WithBomAndTabsIsRead() {
        String text = HEADER.replace(';', '\t') + "S-1\t1\t69.25\t41.30\t4G\t1800\t28\tЮнусобод\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        ParsedFile f = parse("a.csv", bytes, Layer.BASE_STATIONS);
        assertThat(f.features().get(0).attrs()).containsEntry("name", "Юнусобод");
        assertThat(f.warnings()).contains("read as UTF-16LE text with the delimiter '\\t'");
        ParsedFile noBom = parse("a.csv", body, Layer.BASE_STATIONS);
        assertThat(noBom.features().get(0).attrs()).containsEntry("name", "Юнусобод");
    }

    @Test
    void theHeaderIsParsedWithTheRowsQuoting() {
        String csv = "site_id,cell_id,lon,lat,technology,band_mhz,antenna_height_m,\"name, full\"\nS-1,1,69.25,41.30,4G,1800,28,\"A, B\"\n";
        ParsedFile f = parse("a.csv", csv.getBytes(StandardCharsets.UTF_8), Layer.BASE_STATIONS);
        assertThat(f.features().get(0).attrs()).containsEntry("name, full", "A, B");
        assertThat(f.features().get(0).readError()).isNull();
    }

    @Test
    void aLoneSurrogateEncodedInUtf8IsRefused() {
        byte[] head = "site_id,cell_id,lon,lat,technology,band_mhz,antenna_height_m\nS-".getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",1,69.25,41.30,4G,1800,28\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 3 + tail.length);
        bytes[head.length] = (byte) 0xED; // U+D800 encoded as if it were a character
        bytes[head.length + 1] = (byte) 0xA0;
        bytes[head.length + 2] = (byte) 0x80;
        System.arraycopy(tail, 0, bytes, head.length + 3, tail.length);
        assertThat(failure("a.csv", bytes).getMessage()).contains("lone UTF-16 surrogate");
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"site_id\":\"A\",\"site_id\":\"B\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[69.2,41.3]}}]}";
        assertThat(failure("a.geojson", json.getBytes(StandardCharsets.UTF_8)).getMessage()).contains("Duplicate field 'site_id'");
    }

    @Test
    void geoJsonCrsAfterTheFeaturesStillCounts() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"site_id\":\"A\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[500000,4500000]}}],"
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32642\"}}}";
        ParsedFile f = parse("a.geojson", json.getBytes(StandardCharsets.UTF_8), Layer.BASE_STATIONS);
        assertThat(f.srid()).isEqualTo(32642);
        assertThat(f.features().get(0).geometry().toText()).isEqualTo("POINT (500000 4500000)");
    }

    @Test
    void aSingleFeatureGeoJsonIsOneRow() {
        String json = "{\"properties\":{\"site_id\":\"A\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[69.2,41.3]},\"type\":\"Feature\"}";
        ParsedFile f = parse("a.geojson", json.getBytes(StandardCharsets.UTF_8), Layer.BASE_STATIONS);
        assertThat(f.features()).hasSize(1);
        assertThat(f.features().get(0).attrs()).containsEntry("site_id", "A");
    }

    /** The sites fixture plus a second feature table "towers" holding its first row only. */
    static byte[] twoTableGeoPackage() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("two", ".gpkg");
        try (var in = new org.springframework.core.io.ClassPathResource("fixtures/ingest/sites.gpkg").getInputStream()) {
            java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp); var st = c.createStatement()) {
            String ddl;
            try (var rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'sites'")) {
                rs.next();
                ddl = rs.getString(1);
            }
            st.execute(ddl.replace("\"sites\"", "\"towers\""));
            st.execute("INSERT INTO towers SELECT * FROM sites WHERE fid = (SELECT min(fid) FROM sites)");
            st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('towers', 'features', 'towers', 4326)");
            st.execute("INSERT INTO gpkg_geometry_columns SELECT 'towers', column_name, geometry_type_name, srs_id, z, m"
                    + " FROM gpkg_geometry_columns WHERE table_name = 'sites'");
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(tmp);
        java.nio.file.Files.delete(tmp);
        return bytes;
    }

    @Test
    void everyGeoPackageFeatureTableIsReadableByNameAndNoneIsGuessed() throws Exception {
        byte[] gpkg = twoTableGeoPackage();
        ApiException e = failure("two.gpkg", gpkg);
        assertThat(e.getMessage()).contains("2 feature tables").contains("sites").contains("towers").contains("?table=");
        ParsedFile sites = ReaderTestSupport.parse("two.gpkg", gpkg, Layer.BASE_STATIONS, ReaderTestSupport.limits(), "sites");
        ParsedFile towers = ReaderTestSupport.parse("two.gpkg", gpkg, Layer.BASE_STATIONS, ReaderTestSupport.limits(), "TOWERS");
        ParsedFile single = parse("sites.gpkg", fixture("sites.gpkg"), Layer.BASE_STATIONS);
        assertThat(sites.features()).hasSameSizeAs(single.features());
        assertThat(towers.features()).hasSize(1);
        assertThat(towers.features().get(0).attrs()).isEqualTo(single.features().get(0).attrs());
        assertThat(towers.features().get(0).geometry()).isEqualTo(single.features().get(0).geometry());
        assertThat(towers.warnings()).anyMatch(w -> w.contains("read the feature table 'towers'"));
        // DATE columns come back as ISO dates, as in the other formats
        assertThat(single.features().get(0).attrs().get("commission")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThatThrownBy(() -> ReaderTestSupport.parse("two.gpkg", gpkg, Layer.BASE_STATIONS, ReaderTestSupport.limits(), "nope"))
                .hasMessageContaining("no feature table 'nope'");
    }

    static byte[] fixture(String name) throws Exception {
        try (var in = new org.springframework.core.io.ClassPathResource("fixtures/ingest/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
