package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uz.qamrov.support.ApiIT;

/**
 * Official boundaries from real files in ../shared/realdata (never copied into the repository) replace the rough
 * fixture polygons: regions matched by code or by name in any language, districts assigned by area overlap.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundaryImportIT extends ApiIT {


    @Test
    @Order(1)
    void geoBoundariesAdm1ReplacesAllFourteenRegionsByCode() throws Exception {
        JsonNode job = importFile("regions", ADMIN_TOKEN, "geoBoundaries-UZB-ADM1.geojson",
                Files.readAllBytes(uz.qamrov.support.SharedData.require("geoboundaries/geoBoundaries-UZB-ADM1.geojson")));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("updated").asInt()).isEqualTo(14);
        assertThat(count("SELECT count(*) FROM regions WHERE NOT approximate AND source = 'upload:geoBoundaries-UZB-ADM1.geojson'")).isEqualTo(14);
        // "Tashkent" is the city: a point in Chilonzor lies in UZ-TK
        assertThat(jdbc.queryForObject("SELECT code FROM regions WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(69.20, 41.28), 4326))", String.class))
                .isEqualTo("UZ-TK");
    }

    @Test
    @Order(2)
    void geoBoundariesAdm2DistrictsGetTheirRegionByLargestOverlap() throws Exception {
        JsonNode job = importFile("districts", ADMIN_TOKEN, "geoBoundaries-UZB-ADM2.geojson",
                Files.readAllBytes(uz.qamrov.support.SharedData.require("geoboundaries/geoBoundaries-UZB-ADM2.geojson")));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(199);
        // compare with the crosswalk computed with GDAL (gb_adm1_name = geoBoundaries ADM1 name of the largest overlap)
        JsonNode adm1 = json.readTree(uz.qamrov.support.SharedData.require("geoboundaries/geoBoundaries-UZB-ADM1.geojson").toFile());
        Map<String, String> codeByName = new HashMap<>();
        adm1.path("features").forEach(f -> codeByName.put(f.path("properties").path("shapeName").asText(),
                f.path("properties").path("shapeISO").asText()));
        List<CSVRecord> lookup = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(uz.qamrov.support.SharedData.require("geoboundaries/adm2_region_lookup.csv"))).getRecords();
        int compared = 0;
        int agree = 0;
        for (CSVRecord r : lookup) {
            String expected = codeByName.get(r.get("gb_adm1_name"));
            if (expected == null) {
                continue;
            }
            compared++;
            String actual = jdbc.queryForObject("SELECT region_code FROM districts WHERE code = ?", String.class, r.get("adm2_shapeID"));
            if (expected.equals(actual)) {
                agree++;
            }
        }
        assertThat(compared).isGreaterThan(190);
        assertThat(agree).as("districts assigned like the GDAL crosswalk").isEqualTo(compared);
        assertThat(count("SELECT count(*) FROM districts WHERE NOT approximate")).isEqualTo(199);
        assertThat(count("SELECT count(*) FROM districts WHERE NOT ST_IsValid(geom)")).isZero();
    }

    @Test
    @Order(3)
    void osmRegionsMadeOfGeometryCollectionsMatchAllFourteenByName() throws Exception {
        JsonNode job = importFile("regions", ADMIN_TOKEN, "uzbekistan_regional.geojson",
                Files.readAllBytes(uz.qamrov.support.SharedData.require("akbartus-osm-admin/uzbekistan_regional.geojson")));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("rejected").asInt()).isZero();
        assertThat(job.path("report").path("updated").asInt()).isEqualTo(14);
        assertThat(count("SELECT count(*) FROM regions WHERE source = 'upload:uzbekistan_regional.geojson' AND GeometryType(geom) = 'MULTIPOLYGON'"))
                .isEqualTo(14);
        assertThat(jdbc.queryForObject("SELECT code FROM regions WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(66.96, 39.65), 4326))", String.class))
                .isEqualTo("UZ-SA");
    }

    @Test
    @Order(4)
    void anUnmatchedRegionIsReportedPerFeatureAndNothingIsWritten() throws Exception {
        String geo = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name_en":"Khorezm Region"},"geometry":{"type":"Polygon","coordinates":[[[60,41],[61,41],[61,42],[60,42],[60,41]]]}},
                 {"type":"Feature","properties":{"name_en":"Atlantis oblast"},"geometry":{"type":"Polygon","coordinates":[[[62,41],[63,41],[63,42],[62,42],[62,41]]]}}]}""";
        String before = jdbc.queryForObject("SELECT source FROM regions WHERE code = 'UZ-XO'", String.class);
        JsonNode job = importFile("regions", ADMIN_TOKEN, "r.geojson", utf8(geo));
        assertThat(job.path("status").asText()).isEqualTo("rejected");
        assertThat(job.path("report").path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(job.path("report").path("errors").get(0).path("message").asText()).contains("no region matches");
        assertThat(jdbc.queryForObject("SELECT source FROM regions WHERE code = 'UZ-XO'", String.class)).isEqualTo(before);
    }
}
