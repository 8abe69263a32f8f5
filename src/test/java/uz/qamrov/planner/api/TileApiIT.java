package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.qamrov.support.HttpApiIT;

/** Vector tiles from ST_AsMVT: non-empty where data is (decoded back with GDAL's MVT driver), 204 where not. */
public class TileApiIT extends HttpApiIT {

    public static int[] tileOf(double lon, double lat, int z) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return new int[] {x, y};
    }

    @Test
    void aTileCoveringDataHasItsFeatures(@TempDir Path dir) throws Exception {
        int[] t = tileOf(69.5, 41.0, 8); // Alpha, base station U1
        var res = getBytes("/tiles/settlements/8/" + t[0] + "/" + t[1] + ".mvt");
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/vnd.mapbox-vector-tile");
        // revalidated as every read: a tile changes with every upload (ReadRevalidationIT: stale answers are not kept)
        assertThat(res.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(res.getHeaders().getETag()).startsWith("W/\"");
        assertThat(res.getBody()).isNotEmpty();

        Path file = dir.resolve("tile.mvt");
        Files.write(file, res.getBody());
        String info = OgcApiIT.run("ogrinfo", "-ro", "-al", "-oo", "X=" + t[0], "-oo", "Y=" + t[1], "-oo", "Z=8", file.toString());
        assertThat(info).contains("Layer name: settlements").contains("name_uz_latn (String) = Alpha");
    }

    @Test
    void everyCollectionHasATileOverTheCountry() {
        for (String c : OgcApiIT.COLLECTIONS) {
            var res = getBytes("/tiles/" + c + "/4/11/5.mvt?asOf=2025-07-01");
            assertThat(res.getStatusCode().value()).as(c).isEqualTo(200);
            assertThat(res.getBody()).as(c).isNotEmpty();
        }
    }

    @Test
    void emptyTilesAre204AndBadCoordinates400() {
        assertThat(getBytes("/tiles/settlements/8/0/0.mvt").getStatusCode().value()).isEqualTo(204);
        assertThat(getBytes("/tiles/settlements/3/8/0.mvt").getStatusCode().value()).isEqualTo(400);
        assertThat(getBytes("/tiles/settlements/-1/0/0.mvt").getStatusCode().value()).isEqualTo(400);
        assertThat(getBytes("/tiles/settlements/30/0/0.mvt").getStatusCode().value()).isEqualTo(400);
        assertThat(getBytes("/tiles/settlements/2/a/0.mvt").getStatusCode().value()).isEqualTo(400);
        assertThat(getBytes("/tiles/nothing/2/1/1.mvt").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void tileJsonPointsAtTilesThatAnswerWithItsFields() throws Exception {
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        var tj = om.readTree(get("/tiles/settlements.json?asOf=2025-01-01&service=high_speed_mobile").getBody());
        assertThat(tj.get("tilejson").asText()).isEqualTo("3.0.0");
        String template = tj.get("tiles").get(0).asText();
        assertThat(template).endsWith("/tiles/settlements/{z}/{x}/{y}.mvt?asOf=2025-01-01&service=high_speed_mobile");
        assertThat(tj.get("maxzoom").asInt()).isEqualTo(18);
        assertThat(tj.get("bounds").toString()).isEqualTo("[66.9,39.4,70.8,41.2]");
        assertThat(tj.at("/vector_layers/0/id").asText()).isEqualTo("settlements");
        assertThat(tj.at("/vector_layers/0/fields").has("covered")).isTrue();
        int[] t = tileOf(69.5, 41.0, 8);
        String url = template.replace("{z}", "8").replace("{x}", "" + t[0]).replace("{y}", "" + t[1]);
        assertThat(getBytes(url.substring(url.indexOf("/tiles/"))).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/tiles/nothing.json").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theMapLibreStyleUsesTheTileJsonOfEachSource() throws Exception {
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        var style = om.readTree(get("/styles/qamrov.json?asOf=2025-01-01").getBody());
        assertThat(style.get("version").asInt()).isEqualTo(8);
        var sources = style.get("sources");
        assertThat(sources.get("settlements").get("url").asText()).endsWith("/tiles/settlements.json?asOf=2025-01-01");
        for (var layer : style.get("layers")) {
            if (layer.has("source")) {
                assertThat(sources.has(layer.get("source").asText())).as(layer.toString()).isTrue();
                String src = sources.get(layer.get("source").asText()).get("url").asText();
                assertThat(get(src.substring(src.indexOf("/tiles/"))).getStatusCode().value()).isEqualTo(200);
            }
        }
    }
}
