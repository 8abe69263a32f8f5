package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.qamrov.support.HttpApiIT;

/** GeoPackage, CSV and PNG exports parse back with the fixture's counts and values (GDAL reads the GeoPackage too). */
class ExportFilesIT extends HttpApiIT {

    Path download(String path, Path dir) throws Exception {
        var res = getBytes(path);
        assertThat(res.getStatusCode().value()).as(path).isEqualTo(200);
        Path file = dir.resolve("gaps.gpkg");
        Files.write(file, res.getBody());
        return file;
    }

    @Test
    void geoPackageHasFourLayersWithTheGaps(@TempDir Path dir) throws Exception {
        var res = getBytes("/api/v1/exports/gaps.gpkg");
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/geopackage+sqlite3");
        Path file = download("/api/v1/exports/gaps.gpkg", dir);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(db, "uncovered_settlements")).isEqualTo(4);
            assertThat(count(db, "highway_gaps")).isEqualTo(3);
            assertThat(count(db, "railway_gaps")).isEqualTo(1);
            assertThat(count(db, "settlements_status")).isEqualTo(6);
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT name_ru, population, nearest_site_m, synthetic FROM uncovered_settlements WHERE settlement_id = 4")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Дельта");
                assertThat(rs.getInt(2)).isEqualTo(3000);
                assertThat(rs.getDouble(3)).isEqualTo(5000.0);
                assertThat(rs.getInt(4)).isEqualTo(1);
            }
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT table_name, min_x, max_y FROM gpkg_contents WHERE table_name = 'uncovered_settlements'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(2)).isEqualTo(66.9);
                assertThat(rs.getDouble(3)).isEqualTo(41.2);
            }
        }
        String info = OgcApiIT.run("ogrinfo", "-ro", "-al", "-so", file.toString());
        assertThat(OgcApiIT.featureCount(info, "uncovered_settlements")).isEqualTo(4);
        assertThat(OgcApiIT.featureCount(info, "highway_gaps")).isEqualTo(3);
        assertThat(OgcApiIT.featureCount(info, "railway_gaps")).isEqualTo(1);
        assertThat(OgcApiIT.featureCount(info, "settlements_status")).isEqualTo(6);
        String features = OgcApiIT.run("ogrinfo", "-ro", file.toString(), "highway_gaps", "-where", "ref = 'A373'");
        assertThat(features).contains("length_km (Real) = 5").contains("LINESTRING (69.6 40.8,69.65 40.825)");
    }

    @Test
    void geoPackageOfOneRegion(@TempDir Path dir) throws Exception {
        var res = getBytes("/api/v1/exports/gaps.gpkg?region=UZ-SA&service=high_speed_mobile&asOf=2025-01-01");
        assertThat(res.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"gaps_UZ-SA_high_speed_mobile_2025-01-01.gpkg\"");
        Path file = download("/api/v1/exports/gaps.gpkg?region=UZ-SA&service=high_speed_mobile&asOf=2025-01-01", dir);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            var info = new java.util.HashMap<String, String>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT key, value FROM export_info")) {
                while (rs.next()) {
                    info.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(info).containsEntry("scope", "UZ-SA").containsEntry("service", "high_speed_mobile")
                    .containsEntry("as_of", "2025-01-01").containsEntry("coverage_run", "1")
                    // the fixture's run 1 is from before generations; ProvisionalAnswersIT exports a stale run
                    .containsEntry("coverage_generation", "-1").containsEntry("stale", "false");
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT description FROM gpkg_contents WHERE table_name = 'highway_gaps'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("highway gaps — UZ-SA, high_speed_mobile, as of 2025-01-01, coverage run 1");
            }
            assertThat(count(db, "uncovered_settlements")).isEqualTo(2);
            assertThat(count(db, "settlements_status")).isEqualTo(2);
            assertThat(count(db, "highway_gaps")).isZero();
        }
    }

    @Test
    void csvExportsOfEachLayer() throws Exception {
        for (var c : List.of(new Object[] {"uncovered_settlements", 4}, new Object[] {"highway_gaps", 3},
                new Object[] {"railway_gaps", 1}, new Object[] {"settlements_status", 6})) {
            var res = get("/api/v1/exports/" + c[0] + ".csv");
            assertThat(res.getHeaders().getContentType().toString()).startsWith("text/csv");
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(res.getBody())).getRecords();
            assertThat(rows).as((String) c[0]).hasSize((Integer) c[1]);
            assertThat(rows.get(0).get("geometry_wkt")).matches("(POINT|LINESTRING) .*");
            List<String> header = rows.get(0).getParser().getHeaderNames();
            assertThat(header.subList(header.size() - 5, header.size()))
                    .containsExactly("as_of", "coverage_run", "coverage_generation", "stale", "geometry_wkt");
            assertThat(rows.get(0).get("coverage_run")).isEqualTo("1");
        }
        assertThat(get("/api/v1/exports/towers.csv").getStatusCode().value()).isEqualTo(404);
    }

    /** For Excel: {@code bom=true} starts the CSV with the UTF-8 byte order mark; Cyrillic names follow it intact. */
    @Test
    void csvExportWithAByteOrderMarkForExcel() throws Exception {
        byte[] plain = getBytes("/api/v1/exports/uncovered_settlements.csv").getBody();
        var res = getBytes("/api/v1/exports/uncovered_settlements.csv?bom=true");
        assertThat(res.getHeaders().getFirst("Content-Disposition"))
                .matches("attachment; filename=\"uncovered_settlements_UZ_mobile_internet_"
                        + "\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        byte[] body = res.getBody();
        assertThat(plain[0]).as("no mark unless asked").isNotEqualTo((byte) 0xEF);
        assertThat(java.util.Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(new String(plain, java.nio.charset.StandardCharsets.UTF_8)).contains("Дельта");
    }

    /** coverage.geojson is read in place by maps; saved, it is named by scope, technology, operator and date. */
    @Test
    void coverageGeoJsonIsNamedByItsScope() {
        var res = get("/api/v1/coverage.geojson?region=UZ-SA&technology=4g&operator=ucell&asOf=2025-01-01");
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"coverage_UZ-SA_4G_ucell_2025-01-01.geojson\"");
        assertThat(get("/api/v1/coverage.geojson?asOf=2025-01-01").getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"coverage_UZ_all_all_2025-01-01.geojson\"");
    }

    @Test
    void regionMapIsAPngWithDrawing() throws Exception {
        var res = getBytes("/api/v1/maps/UZ-TO.png?technology=4G&asOf=2025-01-01");
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("image/png");
        Files.write(Path.of("target", "region-map-UZ-TO.png"), res.getBody()); // kept for a look by eye
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(res.getBody()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(900);
        int background = image.getRGB(1, image.getHeight() / 2);
        long drawn = 0;
        long red = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                int rgb = image.getRGB(x, y);
                drawn += rgb != background ? 1 : 0;
                red += (rgb & 0xFFFFFF) == 0xD7263D ? 1 : 0;
            }
        }
        assertThat(drawn).isGreaterThan(10_000); // the coverage polygon alone covers a good part of the image
        assertThat(red).as("uncovered settlements are drawn in red").isGreaterThan(10);
        assertThat(getBytes("/api/v1/maps/UZ-XX.png").getStatusCode().value()).isEqualTo(404);
    }

    static long count(Connection db, String table) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
