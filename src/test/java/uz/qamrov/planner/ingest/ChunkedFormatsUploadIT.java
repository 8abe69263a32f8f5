package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.qamrov.planner.ingest.ChunkedUploadFiles.Site;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/**
 * GeoJSON and OpenCelliD uploads larger than one validation chunk ({@link StagingRepository#CHUNK} rows), as
 * {@link ChunkedUploadIT} does for Qamrov CSV: a GeoJSON upload is read feature by feature (never as one tree) and
 * validated chunk by chunk; an OpenCelliD file is validated chunk by chunk with the cells of one eNodeB (or GSM area)
 * kept together, so that sites and keep-latest duplicates come out as from a whole-file validation. GeoPackage and
 * zipped Shapefile uploads are read feature by feature (through the library's cursor; record by record from the
 * mapped .shp/.dbf) on every pass, with the same rules: an error in the second chunk names its feature (the .shp
 * record number, deleted records counted) and writes nothing; a duplicate across chunks is found; a site's rows far
 * apart are one site.
 */
class ChunkedFormatsUploadIT extends ApiIT {

    private static final int ROWS = StagingRepository.CHUNK + 1_500;

    private static double lon(int n) {
        return ChunkedUploadFiles.lon(n);
    }

    private static double lat(int n) {
        return ChunkedUploadFiles.lat(n);
    }

    /** Feature {@code n}: a one-cell site {@code site} of Ucell at a place of its own in Tashkent region. */
    private static String feature(String site, String cell, int n, int azimuth) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.4f,%.4f]},"
                + "\"properties\":{\"operator\":\"ucell\",\"site_id\":\"%s\",\"cell_id\":\"%s\",\"tower_height_m\":30,"
                + "\"status\":\"active\",\"commissioned_on\":\"2021-04-01\",\"technology\":\"4G\",\"band_mhz\":1800,"
                + "\"azimuth_deg\":%d,\"antenna_height_m\":28}}", lon(n), lat(n), site, cell, azimuth);
    }

    private static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    @Test
    void aGeoJsonErrorInTheSecondChunkRejectsTheFileAndDryRunAndReuploadBehave() throws Exception {
        int bad = StagingRepository.CHUNK + 600;
        List<String> features = new java.util.ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            features.add(feature("GJ-" + n, "1", n, n == bad ? 400 : 120));
        }
        String text = collection(features);
        JsonNode job = importFile("base-stations", token("admin", null), "chunks.geojson", utf8(text));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        JsonNode report = job.path("report");
        assertThat(report.path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(report.path("errors")).hasSize(1);
        assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(bad); // the feature number
        assertThat(report.path("errors").get(0).path("field").asText()).isEqualTo("azimuth_deg");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GJ-%'")).isZero();

        features.set(bad - 1, feature("GJ-" + bad, "1", bad, 120));
        String good = collection(features);
        JsonNode dry = importFile("base-stations", token("admin", null), "chunks.geojson", utf8(good), "dryRun", "true");
        assertThat(dry.path("status").asText()).as(dry.toString()).isEqualTo("succeeded");
        assertThat(dry.path("report").path("inserted").asInt()).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GJ-%'")).isZero();

        JsonNode real = importFile("base-stations", token("admin", null), "chunks.geojson", utf8(good));
        assertThat(real.path("report").path("inserted").asInt()).as(real.toString()).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GJ-%' AND valid_to = 'infinity'")).isEqualTo(ROWS);
        JsonNode again = importFile("base-stations", token("admin", null), "chunks.geojson", utf8(good));
        assertThat(again.path("report").path("unchanged").asInt()).isEqualTo(ROWS);
        assertThat(again.path("report").path("inserted").asInt() + again.path("report").path("updated").asInt()).isZero();
    }

    @Test
    void aDuplicateGeoJsonCellAcrossChunksNamesBothFeatures() throws Exception {
        int dup = StagingRepository.CHUNK + 900;
        List<String> features = new java.util.ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            features.add(n == dup ? feature("GD-3", "1", 3, 120) : feature("GD-" + n, "1", n, 120));
        }
        JsonNode job = importFile("base-stations", token("admin", null), "dup.geojson", utf8(collection(features)));
        assertThat(job.path("status").asText()).isEqualTo("rejected");
        assertThat(job.path("report").path("errors")).hasSize(1);
        JsonNode error = job.path("report").path("errors").get(0);
        assertThat(error.path("row").asInt()).isEqualTo(dup);
        assertThat(error.path("message").asText()).contains("already in row 3");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GD-%'")).isZero();
    }

    @Test
    void aDuplicateJsonKeyInALaterFeatureRefusesTheFileAtOnce() throws Exception {
        List<String> features = new java.util.ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            String f = feature("GK-" + n, "1", n, 120);
            features.add(n == ROWS - 10 ? f.replace("\"cell_id\":\"1\"", "\"cell_id\":\"1\",\"cell_id\":\"2\"") : f);
        }
        MvcResult r = upload("base-stations", token("admin", null), "keys.geojson", utf8(collection(features)));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).path("detail").asText()).contains("Duplicate field 'cell_id'");
    }

    @Test
    void aGeoJsonWithALegacyCrsAfterItsFeaturesIsReprojectedOnTheWay() throws Exception {
        int n = 1_200; // more than one reprojection batch
        List<Map<String, Object>> utm = jdbc.queryForList("""
                SELECT i, ST_X(p) AS x, ST_Y(p) AS y FROM (
                  SELECT i, ST_Transform(ST_SetSRID(ST_MakePoint(69.0 + (i % 100) * 0.004, 41.0 + (i / 100) * 0.004), 4326), 32642) AS p
                  FROM generate_series(1, ?) AS i) t ORDER BY i""", n);
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (Map<String, Object> row : utm) {
            int i = ((Number) row.get("i")).intValue();
            b.append(i == 1 ? "" : ",").append(feature("GU-" + i, "1", i, 120).replaceFirst("\\[[^\\]]*\\]",
                    String.format(Locale.ROOT, "[%.3f,%.3f]", ((Number) row.get("x")).doubleValue(), ((Number) row.get("y")).doubleValue())));
        }
        b.append("],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32642\"}}}");
        JsonNode job = importFile("base-stations", token("admin", null), "utm.geojson", utf8(b.toString()), "dryRun", "true");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(n);
        assertThat(job.path("report").path("warnings").toString()).contains("reprojected from EPSG:32642 to EPSG:4326");
        JsonNode real = importFile("base-stations", token("admin", null), "utm.geojson", utf8(b.toString()));
        assertThat(real.path("report").path("inserted").asInt()).isEqualTo(n);
        // feature 1 200 is back where it was drawn, to well under a metre
        assertThat(jdbc.queryForObject("SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)"
                + " FROM base_stations WHERE external_id = 'GU-1200' AND valid_to = 'infinity'", Double.class, lon(n), lat(n)))
                .isLessThan(0.1);
    }

    /**
     * A point PROJ cannot take back from UTM (x = 10^12 m: "Point outside of projection domain") is a row-level
     * rejection naming its feature, not a failed job carrying the database's text; the others are reprojected.
     */
    @Test
    void aPointOutsideItsCrsDomainIsARowLevelRejection() throws Exception {
        int n = 1_100; // the bad point in the second reprojection batch
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 1; i <= n; i++) {
            double x = i == 1_050 ? 1e12 : 500_000 + i;
            b.append(i == 1 ? "" : ",").append(feature("GX-" + i, "1", i, 120).replaceFirst("\\[[^\\]]*\\]",
                    String.format(Locale.ROOT, "[%.1f,%.1f]", x, 4_540_000.0 + i)));
        }
        b.append("],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32642\"}}}");
        JsonNode job = importFile("base-stations", token("admin", null), "utm-bad.geojson", utf8(b.toString()), "dryRun", "true");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        JsonNode errors = job.path("report").path("errors");
        assertThat(errors.size()).as(job.toString()).isEqualTo(1);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(1_050);
        assertThat(errors.get(0).toString()).contains("cannot be reprojected from EPSG:32642").doesNotContain("transform:");
        assertThat(job.toString()).doesNotContain("projection domain");
    }

    @Test
    void aGeoPackageErrorInTheSecondChunkRejectsTheFileAndDryRunAndReuploadBehave() throws Exception {
        int bad = StagingRepository.CHUNK + 600;
        List<Site> sites = new java.util.ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            sites.add(n == bad ? new Site("GP-" + n, "1", n, 400) : new Site("GP", n));
        }
        JsonNode job = importFile("base-stations", token("admin", null), "chunks.gpkg", ChunkedUploadFiles.geoPackage(sites, false));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        JsonNode report = job.path("report");
        assertThat(report.path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(report.path("errors")).hasSize(1);
        assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(bad); // the feature number
        assertThat(report.path("errors").get(0).path("field").asText()).isEqualTo("azimuth_deg");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GP-%'")).isZero();

        sites.set(bad - 1, new Site("GP", bad));
        byte[] good = ChunkedUploadFiles.geoPackage(sites, false);
        JsonNode dry = importFile("base-stations", token("admin", null), "chunks.gpkg", good, "dryRun", "true");
        assertThat(dry.path("status").asText()).as(dry.toString()).isEqualTo("succeeded");
        assertThat(dry.path("report").path("inserted").asInt()).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GP-%'")).isZero();

        JsonNode real = importFile("base-stations", token("admin", null), "chunks.gpkg", good);
        assertThat(real.path("report").path("inserted").asInt()).as(real.toString()).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GP-%' AND valid_to = 'infinity'")).isEqualTo(ROWS);
        // the last feature is where it was drawn
        assertThat(jdbc.queryForObject("SELECT ST_X(geom) FROM base_stations WHERE external_id = 'GP-" + ROWS + "' AND valid_to = 'infinity'",
                Double.class)).isCloseTo(lon(ROWS), org.assertj.core.data.Offset.offset(1e-9));
        JsonNode again = importFile("base-stations", token("admin", null), "chunks.gpkg", good);
        assertThat(again.path("report").path("unchanged").asInt()).isEqualTo(ROWS);
        assertThat(again.path("report").path("inserted").asInt() + again.path("report").path("updated").asInt()).isZero();
    }

    @Test
    void aGeoPackageTableChosenByNameHasItsDuplicateAcrossChunksFoundAndASiteFarApartKeptWhole() throws Exception {
        int dup = StagingRepository.CHUNK + 900;
        List<Site> sites = new java.util.ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            if (n == 3 || n == dup) {
                sites.add(new Site("GPD-3", "1", 3, 120)); // the same site and cell twice, in different chunks
            } else if (n == ROWS) {
                sites.add(new Site("GPD-5", "2", 5, 240)); // a second cell of the site of feature 5, in the last chunk
            } else {
                sites.add(new Site("GPD", n));
            }
        }
        byte[] gpkg = ChunkedUploadFiles.geoPackage(sites, true);
        MvcResult unchosen = upload("base-stations", token("admin", null), "dup.gpkg", gpkg);
        assertThat(unchosen.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(unchosen).path("detail").asText()).contains("2 feature tables").contains("?table=");

        JsonNode rejected = importFile("base-stations", token("admin", null), "dup.gpkg", gpkg, "table", "sites");
        assertThat(rejected.path("status").asText()).as(rejected.toString()).isEqualTo("rejected");
        assertThat(rejected.path("report").path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(rejected.path("report").path("errors")).hasSize(1);
        assertThat(rejected.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(dup);
        assertThat(rejected.path("report").path("errors").get(0).path("message").asText()).contains("already in row 3");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'GPD-%'")).isZero();

        JsonNode partial = importFile("base-stations", token("admin", null), "dup.gpkg", gpkg, "table", "sites", "partial", "true");
        assertThat(partial.path("status").asText()).as(partial.toString()).isEqualTo("succeeded");
        int imported = ROWS - 2; // minus the duplicate feature and the second cell of GPD-5
        assertThat(partial.path("report").path("inserted").asInt()).isEqualTo(imported);
        assertThat(partial.path("report").path("rejected").asInt()).isEqualTo(1);
        assertThat(partial.path("report").path("warnings").toString()).contains("read the feature table 'sites'");
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id"
                + " WHERE b.external_id = 'GPD-5' AND b.valid_to = 'infinity'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = 'TOWER-1'")).isZero();

        JsonNode towers = importFile("base-stations", token("admin", null), "dup.gpkg", gpkg, "table", "towers", "dryRun", "true");
        assertThat(towers.path("report").path("rowsRead").asInt()).as(towers.toString()).isEqualTo(1);
    }

    @Test
    void aShapefileErrorInTheSecondChunkIsNamedByItsRecordAndADuplicateAndASiteFarApartAreFound() throws Exception {
        int deleted = 10;
        int bad = StagingRepository.CHUNK + 600;
        int dup = StagingRepository.CHUNK + 900;
        List<Site> sites = new java.util.ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            if (n == deleted) {
                sites.add(null); // a deleted .dbf record: skipped, but the records after it keep their numbers
            } else if (n == bad) {
                sites.add(new Site("SH-" + n, "1", n, 400));
            } else if (n == ROWS) {
                sites.add(new Site("SH-5", "2", 5, 240)); // a second cell of the site of record 5, in the last chunk
            } else {
                sites.add(new Site("SH", n));
            }
        }
        JsonNode job = importFile("base-stations", token("admin", null), "chunks.zip", ChunkedUploadFiles.shapefile(sites));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        JsonNode report = job.path("report");
        assertThat(report.path("rowsRead").asInt()).isEqualTo(ROWS - 1);
        assertThat(report.path("errors")).hasSize(1);
        assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(bad); // the record number
        assertThat(report.path("errors").get(0).path("field").asText()).isEqualTo("azimuth_deg");
        assertThat(report.path("warnings").toString()).contains("1 record(s) marked deleted");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'SH-%'")).isZero();

        sites.set(bad - 1, new Site("SH", bad));
        sites.set(dup - 1, new Site("SH-3", "1", 3, 120)); // the cell of record 3 again, in the second chunk
        byte[] withDuplicate = ChunkedUploadFiles.shapefile(sites);
        JsonNode rejected = importFile("base-stations", token("admin", null), "chunks.zip", withDuplicate);
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("report").path("errors")).hasSize(1);
        assertThat(rejected.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(dup);
        assertThat(rejected.path("report").path("errors").get(0).path("message").asText()).contains("already in row 3");
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'SH-%'")).isZero();

        sites.set(dup - 1, new Site("SH", dup));
        byte[] good = ChunkedUploadFiles.shapefile(sites);
        int imported = ROWS - 2; // minus the deleted record and the second cell of SH-5
        JsonNode dry = importFile("base-stations", token("admin", null), "chunks.zip", good, "dryRun", "true");
        assertThat(dry.path("status").asText()).as(dry.toString()).isEqualTo("succeeded");
        assertThat(dry.path("report").path("inserted").asInt()).isEqualTo(imported);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id LIKE 'SH-%'")).isZero();
        JsonNode real = importFile("base-stations", token("admin", null), "chunks.zip", good);
        assertThat(real.path("report").path("inserted").asInt()).as(real.toString()).isEqualTo(imported);
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id"
                + " WHERE b.external_id = 'SH-5' AND b.valid_to = 'infinity'")).isEqualTo(2);
        JsonNode again = importFile("base-stations", token("admin", null), "chunks.zip", good);
        assertThat(again.path("report").path("unchanged").asInt()).isEqualTo(imported);
        assertThat(again.path("report").path("inserted").asInt() + again.path("report").path("updated").asInt()).isZero();
    }

    private static final String OC_HEADER = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n";

    /** An LTE cell of Ucell (434-05) of eNodeB {@code enb}, at the place of row {@code n}. */
    private static String lteCell(long enb, int local, int n, long updated) {
        return String.format(Locale.ROOT, "LTE,434,5,100,%d,0,%.4f,%.4f,1000,5,1,1577836800,%d,0%n", enb * 256 + local, lon(n),
                lat(n), updated);
    }

    @Test
    void openCellIdCellsOfOneENodeBFarApartInTheFileAreOneSite() throws Exception {
        int second = StagingRepository.CHUNK + 100; // 5 098 rows after the first cell of eNodeB 20002
        StringBuilder csv = new StringBuilder(OC_HEADER);
        for (int n = 1; n <= ROWS; n++) {
            csv.append(n == second ? lteCell(20_002, 2, 2, 1600000000L) : lteCell(20_000 + n, 1, n, 1600000000L));
        }
        JsonNode job = importFile("base-stations", token("admin", null), "cells.csv", utf8(csv.toString()));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("format").asText()).isEqualTo("opencellid");
        int sites = ROWS - 1;
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(sites);
        assertThat(job.path("report").path("warnings").toString())
                .contains("OpenCelliD: " + ROWS + " cells grouped into " + sites + " sites");
        assertThat(count("SELECT count(*) FROM cells c JOIN base_stations b ON b.id = c.base_station_id"
                + " WHERE b.external_id = '434-5-L20002' AND b.valid_to = 'infinity'")).isEqualTo(2);
        JsonNode counts = job.path("report").path("rowCounts");
        assertThat(counts.path("read").asInt()).isEqualTo(ROWS);
        assertThat(counts.path("imported").asInt()).isEqualTo(ROWS);
    }

    @Test
    void anOpenCellIdDuplicateCellAcrossChunksKeepsTheLatestOrIsRejected() throws Exception {
        int later = StagingRepository.CHUNK + 700;
        StringBuilder csv = new StringBuilder(OC_HEADER);
        for (int n = 1; n <= ROWS; n++) {
            // the cell of row 3 again, seen later and elsewhere (row `later`'s place)
            csv.append(n == later ? lteCell(30_003, 1, later, 1700000000L) : lteCell(30_000 + n, 1, n, 1600000000L));
        }
        String text = csv.toString();
        JsonNode kept = importFile("base-stations", token("admin", null), "dupcells.csv", utf8(text), "dryRun", "true");
        assertThat(kept.path("status").asText()).as(kept.toString()).isEqualTo("succeeded");
        assertThat(kept.path("report").path("rowCounts").path("superseded").asInt()).isEqualTo(1);
        assertThat(kept.path("report").path("inserted").asInt()).isEqualTo(ROWS - 1);
        assertThat(kept.path("report").path("warnings").toString()).contains("row 3: superseded by row " + later);

        JsonNode real = importFile("base-stations", token("admin", null), "dupcells.csv", utf8(text));
        assertThat(real.path("report").path("inserted").asInt()).isEqualTo(ROWS - 1);
        // the site is where the later observation put it
        assertThat(jdbc.queryForObject("SELECT ST_X(geom) FROM base_stations WHERE external_id = '434-5-L30003' AND valid_to = 'infinity'",
                Double.class)).isCloseTo(lon(later), org.assertj.core.data.Offset.offset(1e-6));

        JsonNode strict = importFile("base-stations", token("admin", null), "dupcells.csv", utf8(text), "duplicates", "reject",
                "dryRun", "true");
        assertThat(strict.path("status").asText()).isEqualTo("rejected");
        assertThat(strict.path("report").path("errors")).hasSize(1);
        assertThat(strict.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(later);
        assertThat(strict.path("report").path("errors").get(0).path("message").asText())
                .isEqualTo("duplicate cell: 4G area 100 cell " + (30_003L * 256 + 1) + " already in row 3");
    }
}
