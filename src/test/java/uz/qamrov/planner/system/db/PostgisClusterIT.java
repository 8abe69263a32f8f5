package uz.qamrov.planner.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-started cluster keeps its data across restarts and two of them never share a port or directory. */
class PostgisClusterIT {

    @TempDir
    Path tmp;

    private PostgisCluster cluster(String name) throws Exception {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return new PostgisCluster(PostgisBinaries.locate(Path.of("/")), tmp.resolve(name));
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        PostgisCluster c = cluster("a").start();
        c.createDatabase("keep");
        c.execute("keep", "CREATE TABLE t AS SELECT ST_AsText(ST_MakePoint(69.28, 41.31)) AS wkt");
        c.close();

        c.start();
        try (var con = DriverManager.getConnection(c.jdbcUrl("keep"), "postgres", "");
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
            try (var con = DriverManager.getConnection(b.jdbcUrl("x"), "postgres", "");
                 var rs = con.createStatement().executeQuery("SELECT to_regclass('only_in_a') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("b does not see a's table").isTrue();
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
}
