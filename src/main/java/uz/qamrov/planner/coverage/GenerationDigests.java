package uz.qamrov.planner.coverage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a generation's answers are computed from, as one SHA-256 (its {@code answers_digest}): the code that runs
 * ({@link CodeFingerprint}), the engine's settings, the terrain and every input row ({@link InputsDigest}). Two
 * generations with the same digest answer every date the same way, so a restart whose rebuild has the newest
 * generation's digest changes no date: the runs stored before it stay fresh instead of ~100 dates being computed again
 * (minutes of both cores nationally, while readers wait).
 *
 * <p>A rebuild's digest is computed with it (the inputs are at hand). An import's generation gets its digest in the
 * background, from a copy of that generation's inputs taken under the change lock: its digest is what a restart
 * right after the import compares with. Until it is stored (or if the service stops first) the newest digest is not
 * known, and the next start recomputes every date, as before this class. It waits until imports pause
 * ({@link #IMPORT_QUIET_MS}): computed after each of back-to-back 1,000-site changes it took the second core from the
 * next one (their median 377 ms instead of 195 ms, docs/benchmarks.md).
 */
final class GenerationDigests {

    private static final Logger log = LoggerFactory.getLogger(GenerationDigests.class);

    /**
     * How long no newer import's generation must arrive before one's digest is computed: only the newest
     * generation's digest counts, and a burst of imports then digests once, after it.
     */
    static final long IMPORT_QUIET_MS = 1_000;

    private final CoverageResultRepository results;
    /** Nobody waits for an import's digest: it takes the CPU readers leave. */
    private final ScheduledExecutorService later;
    private final QuietPeriod afterImports;
    /** The last rebuild's layers only a rebuild changes, digested once for every import after it. */
    private final InputsDigest.FixedLayers fixed = new InputsDigest.FixedLayers();

    GenerationDigests(CoverageResultRepository results, int backgroundNice) {
        this.results = results;
        this.later = Executors.newSingleThreadScheduledExecutor(CoverageThreads.named("coverage-digest", backgroundNice));
        this.afterImports = new QuietPeriod(later, IMPORT_QUIET_MS);
    }

    /** The digest of the answers of a model of {@code in}, built by this code with these settings and terrain. */
    static String answers(String engineFingerprint, String terrainFingerprint, StoredInputs in) {
        return answers(engineFingerprint, terrainFingerprint, in, null);
    }

    private static String answers(String engineFingerprint, String terrainFingerprint, StoredInputs in,
            InputsDigest.FixedLayers fixed) {
        MessageDigest sha = InputsDigest.sha();
        for (String part : new String[] {"code:" + CodeFingerprint.ofThisProcess(), "engine:" + engineFingerprint,
                "terrain:" + terrainFingerprint, "inputs:" + InputsDigest.of(in, fixed)}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A rebuild's generation: {@code effectiveFrom} {@link LocalDate#MIN} (every date) or null (no date). */
    record Rebuilt(long id, LocalDate effectiveFrom) {
    }

    /**
     * Records the generation of a rebuild of {@code in}: it may change every date, unless the newest generation has
     * its digest (same code, settings, terrain and inputs), and then it changes none.
     */
    Rebuilt recordRebuild(StoredInputs in, String engineFingerprint, String terrainFingerprint) {
        long t0 = System.nanoTime();
        fixed.clear();
        String digest = answers(engineFingerprint, terrainFingerprint, in, fixed);
        boolean unchanged = digest.equals(results.newestAnswersDigest());
        LocalDate from = unchanged ? null : LocalDate.MIN;
        long id = results.newGeneration("full", from, engineFingerprint, digest);
        log.info("coverage: generation {} {} (digest {}… in {} ms)", id, unchanged
                ? "answers as the newest one did (same code, settings, terrain and inputs): the stored runs stay fresh"
                : "may change every date", digest.substring(0, 12), (System.nanoTime() - t0) / 1_000_000);
        return new Rebuilt(id, from);
    }

    /**
     * Computes and stores the digest of an import's generation in the background, once no newer one has come for
     * {@link #IMPORT_QUIET_MS}. {@code inputs} gives that generation's inputs, or null when a newer generation came
     * first (then the newer one's task stores its own).
     */
    void storeLater(long generation, Supplier<StoredInputs> inputs, Supplier<String> engineFingerprint,
            Supplier<String> terrainFingerprint) {
        afterImports.submit(() -> {
            try {
                StoredInputs in = inputs.get();
                if (in != null) {
                    long t0 = System.nanoTime();
                    results.setAnswersDigest(generation, answers(engineFingerprint.get(), terrainFingerprint.get(), in, fixed));
                    log.info("coverage: generation {} digested in {} ms", generation, (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (RuntimeException e) {
                // not known: the next start recomputes every date, as it would without a digest
                log.warn("coverage: the answers digest of generation {} failed: {}", generation, e.toString());
            }
        });
    }

    void stop() {
        later.shutdownNow();
    }
}
