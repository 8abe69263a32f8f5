package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

/**
 * Every reader on damaged copies of real fixtures (fixed seeds, so a failure names its seed and replays): truncated
 * at random offsets, random bytes flipped, 32-bit fields overwritten with extreme counts (2^31-1, -2^31, -1,
 * 65535) and whole random files. The contract: a {@link ParsedFile} (damage in a value is a row error later), or an
 * {@link ApiException} with a 4xx status, within 2 s; never any other exception (500), never an OutOfMemoryError.
 *
 * <p>CI runs seeds 0–149 of each fixture; {@code -Dqamrov.fuzz.from=K -Dqamrov.fuzz.cases=N} runs seeds K to K+N−1
 * (e.g. {@code mvn test -Dtest=ReaderFuzzTest -Dqamrov.fuzz.from=150 -Dqamrov.fuzz.cases=5000}).
 */
class ReaderFuzzTest {

    static final int CASES_PER_FIXTURE = Integer.getInteger("qamrov.fuzz.cases", 150);
    static final int FIRST_SEED = Integer.getInteger("qamrov.fuzz.from", 0);
    static final int[] EXTREMES = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 65535, 0x10000000};

    record Fixture(String name, Layer layer, Map<String, byte[]> members) {
    }

    static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource("fixtures/ingest/" + path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static List<Fixture> fixtures() {
        List<Fixture> f = new ArrayList<>();
        for (String[] shp : new String[][] {{"sites-shp.zip", "BASE_STATIONS"}, {"settlements-shp.zip", "SETTLEMENTS"},
                {"fiber-pulkovo-shp.zip", "FIBER_ROUTES"}, {"nodes-utm42-shp.zip", "FIBER_NODES"}}) {
            f.add(new Fixture(shp[0], Layer.valueOf(shp[1]), unzip(resource(shp[0]))));
        }
        for (String[] one : new String[][] {{"sites.geojson", "BASE_STATIONS"}, {"fiber.geojson", "FIBER_ROUTES"},
                {"settlements.geojson", "SETTLEMENTS"}, {"sites.gpkg", "BASE_STATIONS"}, {"fiber-utm42.gpkg", "FIBER_ROUTES"}}) {
            f.add(new Fixture(one[0], Layer.valueOf(one[1]), Map.of(one[0], resource(one[0]))));
        }
        String csv = IngestIT.HEADER + IngestIT.site("ucell", "S-1", "1", 69.25, 41.30, 30)
                + IngestIT.site("ucell", "S-2", "1", 66.96, 39.65, 40) + "ucell,\"S-3, quoted\",1,69.1,41.2,30,active,,,4G,800,,,,28,,\n";
        f.add(new Fixture("sites.csv", Layer.BASE_STATIONS, Map.of("sites.csv", csv.getBytes(StandardCharsets.UTF_8))));
        return f;
    }

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (Fixture f : fixtures()) {
            for (int seed = FIRST_SEED; seed < FIRST_SEED + CASES_PER_FIXTURE; seed++) {
                a.add(Arguments.of(f.name(), seed));
            }
        }
        return a.stream();
    }

    /** One damaged copy of the fixture: which member, which damage and where all follow from the seed. */
    static byte[] damaged(Fixture f, long seed) {
        Random r = new Random(seed * 7919 + f.name().hashCode());
        Map<String, byte[]> members = new LinkedHashMap<>(f.members());
        List<String> names = new ArrayList<>(members.keySet());
        String victim = names.get(r.nextInt(names.size()));
        byte[] b = members.get(victim).clone();
        switch ((int) (seed % 5)) {
            case 0 -> b = java.util.Arrays.copyOf(b, r.nextInt(Math.max(1, b.length))); // truncated
            case 1 -> { // random bytes flipped
                for (int i = 0; i < 1 + r.nextInt(8) && b.length > 0; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 2, 3 -> { // a 32-bit count or length made extreme, in the header area more often than not
                if (b.length >= 4) {
                    int span = seed % 5 == 2 ? Math.min(b.length - 3, 160) : b.length - 3;
                    int at = r.nextInt(span);
                    ByteOrder order = r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                    ByteBuffer.wrap(b).order(order).putInt(at, EXTREMES[r.nextInt(EXTREMES.length)]);
                }
            }
            default -> { // random bytes of a random length
                b = new byte[r.nextInt(2048)];
                r.nextBytes(b);
            }
        }
        members.put(victim, b);
        if (members.size() == 1) {
            return b;
        }
        return ShapefileBytes.zip(members);
    }

    /** Each reader once on its intact fixture, so the 2 s budget measures the damaged file, not class loading. */
    @BeforeAll
    static void warmUp() {
        for (Fixture f : fixtures()) {
            String fileName = f.name().endsWith("-shp.zip") ? "upload.zip" : f.name();
            byte[] bytes = f.members().size() == 1 ? f.members().values().iterator().next() : ShapefileBytes.zip(f.members());
            assertThat(ReaderTestSupport.parse(fileName, bytes, f.layer()).features()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void aDamagedFileIsReadOrRefusedWithA4xxQuickly(String fixture, int seed) {
        Fixture f = fixtures().stream().filter(x -> x.name().equals(fixture)).findFirst().orElseThrow();
        byte[] bytes = damaged(f, seed);
        String fileName = fixture.endsWith("-shp.zip") ? "upload.zip" : fixture;
        long t0 = System.nanoTime();
        try {
            ParsedFile parsed = ReaderTestSupport.parse(fileName, bytes, f.layer());
            assertThat(parsed.features()).isNotEmpty();
        } catch (ApiException e) {
            assertThat(e.status().is4xxClientError()).as("%s seed %d: %s", fixture, seed, e.getMessage()).isTrue();
            assertThat(e.getMessage()).as("a message that says what is wrong").isNotBlank();
            LocalisedDetails.assertEnglishIsTheMessage(e);
        } catch (Throwable t) {
            throw new AssertionError(fixture + " seed " + seed + ": " + t, t);
        }
        assertThat((System.nanoTime() - t0) / 1e9).as("%s seed %d seconds", fixture, seed).isLessThan(2.0);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
