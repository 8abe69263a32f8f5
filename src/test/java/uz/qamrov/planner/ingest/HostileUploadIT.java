package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import uz.qamrov.support.HttpApiIT;

/**
 * The ~600-byte zipped shapefile that used to take the service down (a .dbf claiming 2^31 records, a record
 * claiming 2^31 parts) fails its own upload with a 4xx in under 2 s, over real HTTP, while other clients' reads
 * keep answering quickly.
 */
@TestPropertySource(properties = "qamrov.access.admin-token=" + HostileUploadIT.ADMIN_TOKEN)
class HostileUploadIT extends HttpApiIT {

    static final String ADMIN_TOKEN = "hostile-upload-admin-token";

    static byte[] crafted(boolean dbfLies) {
        byte[] shp = ShapefileBytes.polys(3, List.<double[][]>of(new double[][] {{69.0, 41.0, 69.1, 41.1}}));
        byte[] dbf = ShapefileBytes.dbf(List.of(Map.of("site_id", "S-1")), StandardCharsets.UTF_8);
        if (dbfLies) {
            ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MIN_VALUE);
        } else {
            ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 36, Integer.MAX_VALUE);
        }
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("evil.shp", shp);
        m.put("evil.dbf", dbf);
        return ShapefileBytes.zip(m);
    }

    ResponseEntity<String> upload(byte[] zip) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(zip) {
            @Override
            public String getFilename() {
                return "evil.zip";
            }
        });
        return http().post().uri("/api/v1/uploads/railways").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(String.class);
    }

    @Test
    void aCraftedShapefileFailsFastWhileConcurrentReadsKeepAnswering() throws Exception {
        get("/api/v1/regions"); // warm the read path
        ExecutorService readers = Executors.newFixedThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> loops = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            loops.add(readers.submit(() -> {
                long worstMs = 0;
                long n = 0;
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    ResponseEntity<String> r = get("/api/v1/regions");
                    assertThat(r.getStatusCode().value()).isEqualTo(200);
                    worstMs = Math.max(worstMs, (System.nanoTime() - t0) / 1_000_000);
                    n++;
                }
                return new long[] {n, worstMs};
            }));
        }
        try {
            for (boolean dbfLies : new boolean[] {true, false}) {
                byte[] zip = crafted(dbfLies);
                assertThat(zip.length).isLessThan(700);
                for (int round = 0; round < 5; round++) {
                    long t0 = System.nanoTime();
                    ResponseEntity<String> r = upload(zip);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    assertThat(r.getStatusCode().is4xxClientError()).as(r.getBody()).isTrue();
                    assertThat(r.getBody()).contains(dbfLies ? "more than" : "2147483647 parts");
                    assertThat(seconds).as("seconds to refuse").isLessThan(2.0);
                }
            }
        } finally {
            stop.set(true);
            readers.shutdown();
        }
        for (Future<long[]> f : loops) {
            long[] r = f.get();
            assertThat(r[0]).as("reads answered meanwhile").isPositive();
            assertThat(r[1]).as("slowest concurrent read, ms").isLessThan(2000);
        }
    }
}
