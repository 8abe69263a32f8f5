package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uz.qamrov.support.HttpApiIT;

/**
 * GDAL's OAPIF driver without options: version 3.6 asks {@code limit=10} and follows {@code next} links. Over the
 * fixture plus 30 settlements (36 in all) it must fetch 10, then the remaining 26 in one page of up to 1,000.
 */
class OgcPagingIT extends HttpApiIT {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void thirtyMoreSettlements() {
        jdbc.sql("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                SELECT 'extra-' || i, 'Extra ' || i, 'village', 100, 25, 'UZ-SA',
                       ST_SetSRID(ST_MakePoint(66.1 + i * 0.01, 39.1), 4326), 'test'
                FROM generate_series(1, 30) i
                ON CONFLICT (external_id) DO NOTHING""").update();
    }

    @Test
    void aSmallPageIsFollowedByAPageOfTheDefaultSize() throws Exception {
        var page = new ObjectMapper().readTree(get("/ogc/collections/settlements/items?limit=10").getBody());
        assertThat(page.get("numberReturned").asInt()).isEqualTo(10);
        assertThat(page.get("numberMatched").asInt()).isEqualTo(36);
        String next = GapApiIT.link(page, "next");
        assertThat(next).contains("limit=1000").contains("offset=10");
        var second = new ObjectMapper().readTree(get(next.substring(next.indexOf("/ogc/"))).getBody());
        assertThat(second.get("numberReturned").asInt()).isEqualTo(26);
        assertThat(GapApiIT.link(second, "next")).isNull();
    }

    @Test
    void gdalCopiesEveryFeatureWithoutOptionsInTwoRequests(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("settlements.gpkg"); // JUnit deletes the folder afterwards
        // CPL_DEBUG makes GDAL log every URL it fetches
        Process p = new ProcessBuilder("ogr2ogr", "--config", "CPL_DEBUG", "ON", "-f", "GPKG", out.toString(),
                "OAPIF:http://127.0.0.1:" + port + "/ogc", "settlements").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("/ogc/collections/settlements/items?limit=10)")
                .contains("/ogc/collections/settlements/items?limit=1000&offset=10)");
        assertThat(log.lines().filter(l -> l.contains("Fetch(") && l.contains("/items")).count()).as(log).isLessThanOrEqualTo(3);
        assertThat(OgcApiIT.run("ogrinfo", "-ro", "-so", out.toString(), "settlements")).contains("Feature Count: 36");
    }
}
