package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.qamrov.support.HttpApiIT;

/**
 * The page's own files go out compressed to a browser that accepts gzip: Tomcat compresses only the media types
 * listed in {@code server.compression.mime-types}, and JavaScript is served as {@code text/javascript} (Spring 6 and
 * Tomcat 10), which the list lacked: the map's scripts (Leaflet 147 KB, ours ~110 KB) went out as they are. Java's
 * HTTP client does not decompress, so the test sees the bytes on the wire and unzips them itself.
 */
class CompressedStaticFilesIT extends HttpApiIT {

    private HttpResponse<byte[]> fetch(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app.js", "/js/layers.js", "/webjars/leaflet/dist/leaflet.js", "/app.css", "/index.html",
            "/i18n/uz-Cyrl.json", "/planning/planning.js"})
    void aStaticFileIsSentGzippedAndUnzipsToTheSameBytes(String path) throws Exception {
        HttpResponse<byte[]> plain = fetch(path, false);
        HttpResponse<byte[]> zipped = fetch(path, true);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).as("no gzip unless asked").isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).as(path + " as "
                + zipped.headers().firstValue("Content-Type").orElse("?")).hasValue("gzip");
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(zipped.body().length).as("compressed size of " + path).isLessThan(plain.body().length * 6 / 10);
    }
}
