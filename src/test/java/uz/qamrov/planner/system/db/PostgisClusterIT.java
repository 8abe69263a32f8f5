package uz.qamrov.planner.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-started cluster keeps its data across restarts, two of them never share a port or directory, nobody
 * connects without the secret, an orphan left by a killed owner is stopped by the next start, and the watchdog
 * restarts a cluster that died.
 */
class PostgisClusterIT {

    @TempDir
    Path tmp;

    private PostgisCluster cluster(String name) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new PostgisCluster(PostgisBinaries.locate(Path.of("/")), tmp.resolve(name));
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        PostgisCluster c = cluster("a").start();
        c.createDatabase("keep");
        c.execute("keep", "CREATE TABLE t AS SELECT ST_AsText(ST_MakePoint(69.28, 41.31)) AS wkt");
        c.close();

        c.start();
        try (var con = DriverManager.getConnection(c.jdbcUrl("keep"), "postgres", c.password());
             var rs = con.createStatement().executeQuery("SELECT wkt FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("POINT(69.28 41.31)");
        } finally {
            c.close();
        }
    }

    @Test
    void twoClustersGetTheirOwnPortsAndDirectories() throws Exception {
        try (PostgisCluster a = cluster("one").start(); PostgisCluster b = cluster("two").start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            a.createDatabase("x");
            b.createDatabase("x");
            a.execute("x", "CREATE TABLE only_in_a (id int)");
            try (var con = DriverManager.getConnection(b.jdbcUrl("x"), "postgres", b.password());
                 var rs = con.createStatement().executeQuery("SELECT to_regclass('only_in_a') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("b does not see a's table").isTrue();
            }
        }
    }

    @Test
    void aConnectionWithoutTheSecretIsRefused() throws Exception {
        try (PostgisCluster c = cluster("locked").start()) {
            assertRefused(c, "");
            assertRefused(c, "postgres");
            try (var con = DriverManager.getConnection(c.jdbcUrl("postgres"), "postgres", c.password());
                 var rs = con.createStatement().executeQuery("SELECT current_setting('password_encryption')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("scram-sha-256");
            }
            Path secret = c.dataDir().resolve(ClusterSecret.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(Files.readString(secret).strip()).isEqualTo(c.password()).hasSize(32);
        }
    }

    @Test
    void aTrustClusterFromAnOlderVersionIsLockedDownOnItsFirstStart() throws Exception {
        PostgisCluster probe = cluster("legacy");
        // what PostgisCluster.initdb did before SCRAM: trust for everyone
        Path dir = probe.dataDir();
        Files.createDirectories(dir);
        ClusterCommands commands = new ClusterCommands(dir, PostgisCluster.isRoot());
        if (PostgisCluster.isRoot()) {
            commands.runAsSelf(Duration.ofSeconds(10), "chown", "-R", "postgres:", dir.toString());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        commands.run(Duration.ofSeconds(120), PostgisBinaries.locate(Path.of("/")).initdb().toString(), "-D", dir.toString(),
                "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "-N");

        try (PostgisCluster c = probe.start()) {
            assertRefused(c, "");
            try (var con = DriverManager.getConnection(c.jdbcUrl("postgres"), "postgres", c.password())) {
                assertThat(con.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDirectoryInUseIsRefusedWithAClearMessage() throws Exception {
        try (PostgisCluster a = cluster("shared").start()) {
            PostgisCluster second = new PostgisCluster(PostgisBinaries.locate(Path.of("/")), a.dataDir());
            assertThatThrownBy(second::start).hasMessageContaining("is in use by a running server")
                    .hasMessageContaining("QAMROV_EMBEDDED_DB_DATA_DIR");
        }
    }

    /**
     * Whether a process runs: a stopped postmaster whose parent died stays a zombie until PID 1 reaps it (a
     * container's PID 1 may never do so), and {@link ProcessHandle#isAlive} counts zombies as alive.
     */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * A test's temporary directory may be deleted before the cluster in it is closed; {@code pg_ctl stop} then fails
     * and the postmaster must still go (it was left running after every build).
     */
    @Test
    void closingStopsThePostmasterWhenItsDirectoryIsGone() throws Exception {
        PostgisCluster c = cluster("moved").start();
        long pid = Long.parseLong(Files.readAllLines(c.dataDir().resolve("postmaster.pid")).get(0).strip());
        Files.move(c.dataDir(), tmp.resolve("moved-away"));
        c.close();
        assertThat(running(pid)).as("postmaster %d stopped", pid).isFalse();
    }

    /** kill -9 of the owning service leaves the postmaster running; the next start must stop it and start cleanly. */
    @Test
    void theNextStartStopsTheClusterOrphanedByAKilledOwner() throws Exception {
        Path dir = cluster("orphan").dataDir();
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingOwnerMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        long orphanPid;
        try (var out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("STARTED")) {
                // skip the child's log lines
            }
            assertThat(line).as("the child JVM started its cluster").isNotNull();
            orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is left behind
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the orphan still runs").contains(true);

        try (PostgisCluster next = new PostgisCluster(PostgisBinaries.locate(Path.of("/")), dir).start()) {
            assertThat(running(orphanPid)).as("orphan stopped").isFalse();
            try (var con = DriverManager.getConnection(next.jdbcUrl("survivor"), "postgres", next.password());
                 var rs = con.createStatement().executeQuery("SELECT answer FROM written_before_crash")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void theWatchdogRestartsAClusterThatDiedOnTheSamePort() throws Exception {
        try (PostgisCluster c = cluster("watched").start()) {
            int port = c.port();
            new ClusterCommands(c.dataDir(), PostgisCluster.isRoot()).run(Duration.ofSeconds(60),
                    PostgisBinaries.locate(Path.of("/")).pgCtl().toString(), "-D", c.dataDir().toString(), "-m", "immediate", "-w", "stop");
            assertThat(c.isRunning()).isFalse();
            long t0 = System.nanoTime();
            try (ClusterWatchdog watchdog = new ClusterWatchdog(c, Duration.ofMillis(200))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    try (var con = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", c.password())) {
                        return con.isValid(1);
                    } catch (SQLException e) {
                        return false;
                    }
                });
            }
            System.out.printf("watchdog: cluster back after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(c.port()).isEqualTo(port);
        }
    }

    @Test
    void missingPostgisNamesThePackageToInstall(@TempDir Path fakeRoot) throws Exception {
        Files.createDirectories(fakeRoot.resolve("usr/lib/postgresql/15/bin"));
        Path initdb = Files.createFile(fakeRoot.resolve("usr/lib/postgresql/15/bin/initdb"));
        initdb.toFile().setExecutable(true);
        assertThatThrownBy(() -> PostgisBinaries.locate(fakeRoot))
                .isInstanceOf(PostgisBinaries.PostgisMissingException.class)
                .hasMessageContaining("apt-get install -y postgresql-15-postgis-3");
        assertThatThrownBy(() -> PostgisBinaries.locate(fakeRoot.resolve("nothing")))
                .hasMessageContaining("postgresql-15-postgis-3");
    }

    private static void assertRefused(PostgisCluster c, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(c.jdbcUrl("postgres"), "postgres", password).close())
                .as("connection with password '%s' refused", password)
                .isInstanceOf(SQLException.class);
    }

}
