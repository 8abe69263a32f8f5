package uz.qamrov.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import uz.qamrov.planner.system.db.PostgisBinaries;
import uz.qamrov.planner.system.db.PostgisCluster;

/**
 * One throwaway PostGIS cluster per test JVM (the same mechanism as the zero-config run), one fresh database per
 * test class. The cluster lives in a temporary directory that is removed when the JVM exits.
 */
public final class TestPostgis {

    private static PostgisCluster cluster;
    private static final AtomicInteger counter = new AtomicInteger();

    private TestPostgis() {
    }

    public static synchronized PostgisCluster cluster() {
        if (cluster == null) {
            try {
                Path dir = Files.createTempDirectory("qamrov-test-pg");
                dir.toFile().setExecutable(true, false); // the postgres user must be able to enter it when we are root
                dir.toFile().setReadable(true, false);
                PostgisCluster c = new PostgisCluster(PostgisBinaries.locate(Path.of("/")), dir.resolve("data"));
                c.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    c.close();
                    deleteQuietly(dir);
                }));
                cluster = c;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return cluster;
    }

    /** A new, empty database (with PostGIS from template1); returns its JDBC URL. */
    public static String newDatabase(String hint) {
        String name = (hint.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_" + counter.incrementAndGet());
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "t" + name.substring(1);
        }
        cluster().createDatabase(name);
        return cluster().jdbcUrl(name);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp directory
        }
    }
}
