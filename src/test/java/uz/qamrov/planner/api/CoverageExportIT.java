package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uz.qamrov.support.HttpApiIT;

/** coverage.geojson: RFC 7946 (lon/lat, right-hand rings, no crs), filters, media type whatever the Accept header. */
class CoverageExportIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void exportsRfc7946FeatureCollection() throws Exception {
        var res = get("/api/v1/coverage.geojson?technology=4G&region=UZ-TO", "application/json");
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/geo+json");
        JsonNode fc = json.readTree(res.getBody());
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.has("crs")).isFalse();
        // foreign members: what the polygons were read from (the fixture's run 1 is from before generations)
        assertThat(fc.get("coverage_run").asLong()).isEqualTo(1);
        assertThat(fc.get("coverage_generation").asLong()).isEqualTo(-1);
        assertThat(fc.get("stale").asBoolean()).isFalse();
        assertThat(fc.get("features")).hasSize(1);
        JsonNode feature = fc.get("features").get(0);
        assertThat(feature.get("geometry").has("crs")).isFalse();
        assertThat(feature.at("/properties/technology").asText()).isEqualTo("4G");
        assertThat(feature.at("/properties/operator").asText()).isEqualTo("*");
        assertThat(feature.at("/properties/area_km2").asDouble()).isEqualTo(1234.5);

        Geometry g = new GeoJsonReader().read(feature.get("geometry").toString());
        Polygon p = (Polygon) g.getGeometryN(0);
        // stored clockwise: the export turned the shell counter-clockwise and the hole clockwise
        assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).isTrue();
        assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinates())).isFalse();
        // lon/lat order: x within Uzbekistan's longitudes
        assertThat(g.getEnvelopeInternal().getMinX()).isEqualTo(69.2);
        assertThat(g.getEnvelopeInternal().getMaxY()).isEqualTo(41.2);
        assertThat(g.getArea()).isEqualTo(0.6 * 0.4 - 0.2 * 0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void filtersByTechnologyOperatorAndRegion() throws Exception {
        assertThat(json.readTree(get("/api/v1/coverage.geojson").getBody()).get("features")).hasSize(3);
        assertThat(json.readTree(get("/api/v1/coverage.geojson?technology=4G").getBody()).get("features")).hasSize(2);
        assertThat(json.readTree(get("/api/v1/coverage.geojson?technology=4G&operator=ucell").getBody()).get("features"))
                .hasSize(1);
        assertThat(json.readTree(get("/api/v1/coverage.geojson?region=UZ-SA").getBody()).get("features")).hasSize(1);
        assertThat(get("/api/v1/coverage.geojson?technology=6G").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void coordinatesHaveAtMostSixDecimals() throws Exception {
        String body = get("/api/v1/coverage.geojson").getBody();
        assertThat(body).doesNotContainPattern("\\d\\.\\d{7,}");
    }
}
