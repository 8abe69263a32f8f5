package uz.qamrov.planner.system.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL command-line tools for one data directory. When the JVM runs as root they run as the
 * {@code postgres} user ({@code runuser}), since PostgreSQL refuses to run as root.
 */
final class ClusterCommands {

    private final Path dataDir;
    private final boolean runAsPostgres;

    ClusterCommands(Path dataDir, boolean runAsPostgres) {
        this.dataDir = dataDir;
        this.runAsPostgres = runAsPostgres;
    }

    boolean runAsPostgres() {
        return runAsPostgres;
    }

    /** Runs a PostgreSQL tool (as postgres when we are root); throws with its output and the server log on failure. */
    void run(Duration timeout, String... command) {
        List<String> cmd = new ArrayList<>();
        if (runAsPostgres) {
            cmd.addAll(List.of("runuser", "-u", PostgisCluster.SUPERUSER, "--"));
        }
        cmd.addAll(List.of(command));
        exec(timeout, cmd);
    }

    /** Runs a command as ourselves (e.g. {@code chown}). */
    void runAsSelf(Duration timeout, String... command) {
        exec(timeout, List.of(command));
    }

    private void exec(Duration timeout, List<String> cmd) {
        try {
            Path out = Files.createTempFile("qamrov-pg", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                        .directory(Path.of("/").toFile()).start();
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", cmd));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("command failed (exit " + p.exitValue() + "): " + String.join(" ", cmd)
                            + "\n" + Files.readString(out) + logTail());
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    /** Inside the data directory: the only place the postgres user can surely write when we run as root. */
    Path logFile() {
        return dataDir.resolve("qamrov-postgres.log");
    }

    private String logTail() {
        Path logFile = logFile();
        try {
            if (Files.exists(logFile)) {
                List<String> lines = Files.readAllLines(logFile);
                return "\n--- " + logFile + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            }
        } catch (IOException ignored) {
            // the log is only a hint for the error message
        }
        return "";
    }

    /** The postgres user needs execute permission on every parent directory (e.g. not under /root). */
    void ensureTraversable(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                var perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("The PostGIS data directory " + dataDir + " is below " + p
                            + ", which the 'postgres' user cannot enter (we run as root, PostgreSQL runs as postgres)."
                            + " Choose another place with QAMROV_EMBEDDED_DB_DATA_DIR, e.g. /var/lib/qamrov/pgdata.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
