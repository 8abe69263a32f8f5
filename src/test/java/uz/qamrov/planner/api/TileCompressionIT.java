package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.support.HttpApiIT;

/**
 * A vector tile goes out gzip-compressed to a client that accepts it (MapLibre, QGIS and GDAL do), and decompresses to
 * the very bytes an uncompressed request gets. The fixture's tiles are a few hundred bytes, under Tomcat's 2 KB
 * threshold: this class adds 400 base stations to its own database.
 */
class TileCompressionIT extends HttpApiIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTileIsCompressedForAClientThatAcceptsGzip() throws Exception {
        jdbc.update("""
                INSERT INTO base_stations (id, operator_code, external_id, geom, status, commissioned_on, source)
                SELECT 1000 + i, 'ucell', 'Z' || i, ST_SetSRID(ST_MakePoint(69.0 + (i % 20) * 0.05, 41.0 + (i / 20) * 0.02), 4326),
                       'active', '2020-01-01', 'test'
                FROM generate_series(1, 400) AS i""");
        String path = "/tiles/base-stations/5/22/11.mvt?asOf=2025-07-01";
        byte[] plain = getBytes(path).getBody();
        assertThat(plain).as("over Tomcat's 2 KB threshold, or nothing is compressed").hasSizeGreaterThan(2048);

        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(res.body().length).isLessThan(plain.length);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(res.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }
}
