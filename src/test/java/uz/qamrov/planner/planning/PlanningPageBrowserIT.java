package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uz.qamrov.support.ApiIT;

/**
 * The planning page in Debian's headless Chromium, driven by {@code src/test/e2e/planning.mjs} (playwright-core),
 * against this application on a random port with the three-village fixture of {@link PlanningApiIT}: run a plan,
 * see progress, proposals and the cost curve, a 400 naming the field, save the plan as a scenario and compare it
 * with the baseline. Screenshots go to {@code target/e2e-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanningPageBrowserIT extends ApiIT {

    private static final Path E2E = Path.of("src/test/e2e");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    int port;

    @BeforeEach
    void world() {
        PlanningApiIT.seedVillages(jdbc);
    }

    @Test
    void planningPageWorksInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": run scripts/ensure-system-deps.sh chromium");
        assumeTrue(nodeAvailable(), "no node on the PATH: install Node.js to run the browser tests");
        assertThat(E2E.resolve("node_modules/playwright-core"))
                .as("playwright-core is not installed: run (cd src/test/e2e && npm ci)").isDirectory();
        Path shots = Path.of("target/e2e-screenshots");
        Files.createDirectories(shots);
        ProcessBuilder pb = new ProcessBuilder("node", E2E.resolve("planning.mjs").toString(), "http://127.0.0.1:" + port,
                shots.toString()).redirectErrorStream(true);
        pb.environment().put("QAMROV_E2E_ADMIN_TOKEN", ADMIN_TOKEN);
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the browser test finished").isTrue();
        Files.write(shots.resolve("planning.log"), lines, StandardCharsets.UTF_8);
        assertThat(lines).as("every check ran: %s", lines).anyMatch(l -> l.startsWith("SUMMARY "));
        assertThat(lines.stream().filter(l -> l.startsWith("FAIL ")).toList()).as("failed browser checks").isEmpty();
        assertThat(p.exitValue()).isZero();
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
