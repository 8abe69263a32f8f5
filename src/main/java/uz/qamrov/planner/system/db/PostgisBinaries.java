package uz.qamrov.planner.system.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL server binaries with a PostGIS extension next to them (Debian layout:
 * {@code /usr/lib/postgresql/<major>/bin} and {@code /usr/share/postgresql/<major>/extension/postgis.control}).
 */
public record PostgisBinaries(Path binDir, int majorVersion) {

    static final String INSTALL_HINT = "Install it with: sudo apt-get install -y postgresql-15-postgis-3 "
            + "(or run scripts/run.sh, which does it for you), or point Qamrov at an existing PostGIS with "
            + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.";

    public Path initdb() {
        return binDir.resolve("initdb");
    }

    public Path pgCtl() {
        return binDir.resolve("pg_ctl");
    }

    /**
     * Newest installed major version that has PostGIS.
     *
     * @param root usually {@code /}; tests pass another root to check the error path
     * @throws PostgisMissingException saying exactly what to install
     */
    public static PostgisBinaries locate(Path root) {
        Path lib = root.resolve("usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            throw new PostgisMissingException("PostgreSQL server binaries were not found under " + lib + ". " + INSTALL_HINT);
        }
        try (Stream<Path> majors = Files.list(lib)) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
                    .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .filter(p -> Files.exists(root.resolve("usr/share/postgresql/" + p.getFileName() + "/extension/postgis.control")))
                    .findFirst()
                    .map(p -> new PostgisBinaries(p.resolve("bin"), Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow(() -> new PostgisMissingException(
                            "PostgreSQL is installed under " + lib + " but PostGIS is not. " + INSTALL_HINT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostGIS (or PostgreSQL itself) is not installed; the message names the package to install. */
    public static final class PostgisMissingException extends IllegalStateException {
        public PostgisMissingException(String message) {
            super(message);
        }
    }
}
