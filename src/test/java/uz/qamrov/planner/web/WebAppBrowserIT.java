package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uz.qamrov.planner.geodata.GeodataLoader;
import uz.qamrov.support.PostgisIT;

/**
 * The web app at {@code /} in Debian's headless Chromium, driven by {@code src/test/e2e/webapp.mjs} (playwright-core)
 * against this application on a random port with the shipped national dataset loaded. The script checks that the page
 * loads with no request leaving localhost, the map draws layers from the API, choosing a region updates the dashboard
 * and the gap table, the gap tables' reason column against the API's reasons, the H3 hexagon layer and its legend,
 * a click on a bare spot selects the region under it, a gap-table click zooms the map, the M39
 * stretches and the exports, the language switch, two operators side by side (as the API counts them), the printable
 * region report printed to PDF, and an upload (bad file: row errors; good file: progress, then indicator changes).
 * Screenshots and the report's PDF go to {@code target/e2e-screenshots/}.
 *
 * <p>Nothing is stubbed: every request reaches this server, and any 4xx/5xx answer the page did not expect (the
 * script's explicit allow-list) fails the run.
 *
 * <p>The service runs its default model (pattern radials with terrain), as a user gets it: the region PNG maps and
 * exports the script asks for are dissolved from the same footprints the gap table's reasons come from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qamrov.access.admin-token=" + WebAppBrowserIT.ADMIN_TOKEN})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserIT extends PostgisIT {

    static final String ADMIN_TOKEN = "e2e-admin-token-not-a-secret";
    private static final Logger log = LoggerFactory.getLogger(WebAppBrowserIT.class);
    private static final Path E2E = Path.of("src/test/e2e");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    int port;
    @Autowired
    GeodataLoader geodata;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    void nationalDataset() {
        geodata.loadMissingLayers(Path.of("geodata"));
    }

    @Test
    void webAppWorksInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": run scripts/ensure-system-deps.sh chromium");
        assumeTrue(nodeAvailable(), "no node on the PATH: install Node.js to run the browser tests");
        assertThat(E2E.resolve("node_modules/playwright-core"))
                .as("playwright-core is not installed: run (cd src/test/e2e && npm ci)").isDirectory();

        Path shots = Path.of("target/e2e-screenshots");
        Files.createDirectories(shots);
        ProcessBuilder pb = new ProcessBuilder("node", E2E.resolve("webapp.mjs").toString(), "http://127.0.0.1:" + port,
                shots.toString()).redirectErrorStream(true);
        pb.environment().put("QAMROV_E2E_ADMIN_TOKEN", ADMIN_TOKEN);
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                log.info("e2e: {}", line);
                lines.add(line);
            }
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the browser test finished").isTrue();
        Files.write(shots.resolve("webapp.log"), lines, StandardCharsets.UTF_8);
        assertThat(lines).as("every check ran").anyMatch(l -> l.startsWith("SUMMARY "));
        assertThat(lines.stream().filter(l -> l.startsWith("FAIL ")).toList()).as("failed browser checks").isEmpty();
        assertThat(p.exitValue()).isZero();
        assertFirstLoadIsWarmed(lines);
    }

    /** Every API path the page asked on its first load is one the service asks itself before it says it is ready. */
    private static void assertFirstLoadIsWarmed(List<String> lines) throws IOException {
        String json = lines.stream().filter(l -> l.startsWith("FIRST-LOAD-PATHS ")).findFirst()
                .orElseThrow(() -> new AssertionError("the browser test printed no FIRST-LOAD-PATHS line"))
                .substring("FIRST-LOAD-PATHS ".length());
        List<String> asked = List.of(new ObjectMapper().readValue(json, String[].class));
        List<String> warmed = FirstPageWarmup.PATHS.stream().map(u -> URI.create(u).getPath()).toList();
        assertThat(asked).as("the first load's API requests").isNotEmpty();
        assertThat(warmed).as("FirstPageWarmup.PATHS covers the page's first load").containsAll(asked);
    }

    /**
     * GDAL's OAPIF driver copies every base station of the national dataset without options: as many features as
     * the database holds for today (plain SQL, the layers' own validity rule), in pages of 1,000 after the first.
     * The time is logged (and recorded in docs/benchmarks.md), not asserted.
     */
    @Test
    void gdalCopiesEverySiteWithoutOptions(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogr2ogr")), "no ogr2ogr: apt-get install gdal-bin");
        long expected = jdbc.sql("SELECT count(*) FROM base_stations t WHERE t.valid_from <= current_date"
                + " AND current_date < t.valid_to AND t.commissioned_on <= current_date"
                + " AND (t.decommissioned_on IS NULL OR t.decommissioned_on > current_date)").query(Long.class).single();
        Path out = tmp.resolve("sites.gpkg"); // JUnit deletes the folder afterwards
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("ogr2ogr", "--config", "CPL_DEBUG", "ON", "-f", "GPKG", out.toString(),
                "OAPIF:http://127.0.0.1:" + port + "/ogc", "base-stations").redirectErrorStream(true).start();
        String logText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(p.exitValue()).as(logText).isZero();
        long fetches = logText.lines().filter(l -> l.contains("Fetch(") && l.contains("/items")).count();
        log.info("ogr2ogr OAPIF base-stations without options: {} sites expected, {} item requests, {} ms", expected, fetches, ms);
        Process info = new ProcessBuilder("ogrinfo", "-ro", "-so", out.toString(), "base-stations").redirectErrorStream(true).start();
        String infoText = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(info.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(infoText).contains("Feature Count: " + expected);
        // 10 first, then pages of 1,000 (GDAL fetches the first page twice to learn the schema)
        assertThat(fetches).isLessThanOrEqualTo(3 + expected / 1000);
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
