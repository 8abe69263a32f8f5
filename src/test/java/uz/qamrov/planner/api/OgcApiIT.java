package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.HttpApiIT;

/** OGC API – Features Part 1 over the fixture, and GDAL's OAPIF driver reading it from the running server. */
class OgcApiIT extends HttpApiIT {

    static final List<String> COLLECTIONS = List.of("regions", "districts", "settlements", "highways", "railways",
            "base-stations", "fiber-routes", "coverage");

    final ObjectMapper json = new ObjectMapper();

    JsonNode getJson(String path) throws Exception {
        var res = get(path);
        assertThat(res.getStatusCode().value()).as(path + " " + res.getBody()).isEqualTo(200);
        return json.readTree(res.getBody());
    }

    @Test
    void landingPageConformanceAndApi() throws Exception {
        JsonNode landing = getJson("/ogc");
        List<String> rels = new ArrayList<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        assertThat(getJson("/ogc/conformance").get("conformsTo")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
        assertThat(getJson("/ogc/api").get("openapi").asText()).startsWith("3.");
    }

    @Test
    void collectionsAndItemsWithPaging() throws Exception {
        JsonNode collections = getJson("/ogc/collections").get("collections");
        assertThat(collections).extracting(c -> c.get("id").asText()).containsAll(COLLECTIONS);
        JsonNode regions = getJson("/ogc/collections/regions");
        assertThat(regions.at("/extent/spatial/bbox/0").toString()).isEqualTo("[66.0,39.0,71.0,41.5]");

        var res = get("/ogc/collections/settlements/items?limit=2");
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/geo+json");
        JsonNode page = json.readTree(res.getBody());
        assertThat(page.get("numberMatched").asInt()).isEqualTo(6);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(2);
        String next = GapApiIT.link(page, "next");
        assertThat(next).contains("offset=2");
        JsonNode item = getJson("/ogc/collections/regions/items/UZ-TO");
        assertThat(item.get("type").asText()).isEqualTo("Feature");
        assertThat(item.at("/properties/name_en").asText()).isEqualTo("Tashkent Region");
        var shell = new org.locationtech.jts.io.geojson.GeoJsonReader().read(item.get("geometry").toString());
        assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(
                ((org.locationtech.jts.geom.Polygon) shell.getGeometryN(0)).getExteriorRing().getCoordinates())).isTrue();
        assertThat(get("/ogc/collections/settlements/items/999").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/ogc/collections/nothing/items").getStatusCode().value()).isEqualTo(404);
        // datetime is the as-of date: B1 is commissioned 2025-06-01
        assertThat(getJson("/ogc/collections/base-stations/items?datetime=2025-01-01").get("numberMatched").asInt()).isEqualTo(2);
        assertThat(getJson("/ogc/collections/base-stations/items?datetime=2025-07-01T00:00:00Z").get("numberMatched").asInt())
                .isEqualTo(3);
        assertThat(getJson("/ogc/collections/coverage/items?bbox=66,39,68,40").get("numberMatched").asInt()).isEqualTo(1);
        // fibre too: F2 counts from 2018-01-01 until its decommissioning on 2024-12-01, F1 from 2019-01-01
        for (var c : List.of(new Object[] {"2018-06-01", 1}, new Object[] {"2020-06-01T12:00:00Z", 2},
                new Object[] {"2024-11-30", 2}, new Object[] {"2024-12-01", 1}, new Object[] {"2017-01-01", 0})) {
            assertThat(getJson("/ogc/collections/fiber-routes/items?datetime=" + c[0]).get("numberMatched").asInt())
                    .as("fibre routes on %s", c[0]).isEqualTo(c[1]);
        }
        // cells count while their base station's version does: U1's four from 2020; U3's first version (until
        // 2024-06-01) has none, its second one U3-1; B1-1 from 2025-06-01. An interval's end is its as-of date
        for (var c : List.of(new Object[] {"2019-12-31", 0, ""}, new Object[] {"2024-05-31", 4, "U1-1,U1-2,U1-3,U1-4"},
                new Object[] {"2024-06-01", 5, "U1-1,U1-2,U1-3,U1-4,U3-1"},
                new Object[] {"2025-01-01/2025-06-01T08:00:00Z", 6, "B1-1,U1-1,U1-2,U1-3,U1-4,U3-1"})) {
            JsonNode cells = getJson("/ogc/collections/cells/items?datetime=" + c[0]);
            assertThat(cells.get("numberMatched").asInt()).as("cells on %s", c[0]).isEqualTo(c[1]);
            List<String> ids = new ArrayList<>();
            cells.get("features").forEach(f -> ids.add(f.at("/properties/external_id").asText()));
            assertThat(String.join(",", ids.stream().sorted().toList())).as("cells on %s", c[0]).isEqualTo(c[2]);
        }
    }

    @Test
    void gdalListsAndReadsEveryCollection() throws Exception {
        String out = run("ogrinfo", "-ro", "-so", "-al", "OAPIF:http://127.0.0.1:" + port + "/ogc");
        for (String id : COLLECTIONS) {
            assertThat(out).contains("Layer name: " + id);
        }
        assertThat(featureCount(out, "settlements")).isEqualTo(6);
        assertThat(featureCount(out, "regions")).isEqualTo(2);
        assertThat(featureCount(out, "coverage")).isEqualTo(4);
        // read the features (with paging: limit smaller than the collection)
        String features = run("ogrinfo", "-ro", "-al", "-oo", "PAGE_SIZE=4", "OAPIF:http://127.0.0.1:" + port + "/ogc", "settlements");
        assertThat(features).contains("name_en (String) = Zeta").contains("POINT (69.5 41.0)");
        assertThat(features.split("OGRFeature\\(settlements\\)", -1).length - 1).isEqualTo(6);
    }

    @Test
    void pagesAreAThousandByDefaultAndTheDefinitionSaysSo() throws Exception {
        JsonNode page = getJson("/ogc/collections/settlements/items");
        assertThat(page.get("numberReturned").asInt()).isEqualTo(6);
        assertThat(GapApiIT.link(page, "self")).contains("limit=1000").contains("offset=0");
        assertThat(GapApiIT.link(getJson("/ogc/collections/settlements/items?limit=50000&offset=4"), "self"))
                .contains("limit=10000");
        // one OpenAPI version everywhere: the landing page's service-desc type and the served document
        JsonNode api = getJson("/ogc/api");
        assertThat(api.get("openapi").asText()).startsWith("3.0.");
        JsonNode serviceDesc = null;
        for (JsonNode l : getJson("/ogc").get("links")) {
            if (l.get("rel").asText().equals("service-desc")) {
                serviceDesc = l;
            }
        }
        assertThat(serviceDesc.get("type").asText()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        JsonNode limit = null;
        for (JsonNode p : api.at("/paths/~1ogc~1collections~1{collectionId}~1items/get/parameters")) {
            if (p.get("name").asText().equals("limit")) {
                limit = p.get("schema");
            }
        }
        assertThat(limit.get("default").asInt()).isEqualTo(1000);
        assertThat(limit.get("maximum").asInt()).isEqualTo(10000);
    }

    @Test
    void crossOriginReadsAreAllowedAndWritesAreNot() {
        var res = http().get().uri("/ogc/collections").header("Origin", "https://gis.example.uz").retrieve().toEntity(String.class);
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getHeaders().getAccessControlAllowOrigin()).isIn("*", "https://gis.example.uz");
        var preflight = http().options().uri("/tiles/settlements/5/22/12.mvt").header("Origin", "https://gis.example.uz")
                .header("Access-Control-Request-Method", "GET").retrieve().toEntity(String.class);
        assertThat(preflight.getStatusCode().value()).isEqualTo(200);
        assertThat(preflight.getHeaders().getAccessControlAllowMethods()).extracting(Object::toString).contains("GET");
        var post = http().options().uri("/api/v1/uploads/base-stations").header("Origin", "https://gis.example.uz")
                .header("Access-Control-Request-Method", "POST").retrieve().toEntity(String.class);
        assertThat(post.getStatusCode().value()).isEqualTo(403);
    }

    static long featureCount(String ogrinfo, String layer) {
        String block = ogrinfo.substring(ogrinfo.indexOf("Layer name: " + layer + "\n"));
        var m = java.util.regex.Pattern.compile("Feature Count: (\\d+)").matcher(block);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
