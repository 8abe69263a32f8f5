package uz.qamrov.planner.system.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's DataSource, which gives a thread of background work ({@link BackgroundWork}) a connection of its own
 * small pool whose PostgreSQL backend runs at the thread's nice value. A precomputed month's run spends about half
 * its time in PostgreSQL writing its rows; the Java side ran at nice 10, but the backend writing for it ran at the
 * readers' value and took its full share of the two cores from the readers' own queries and runs.
 *
 * <p>Only for a cluster on this machine that the service started itself (or when configured for a local test
 * cluster): a backend's pid names a process here only then. A pid is reniced only when {@code /proc} says it is a
 * {@code postgres} process; where renice is not possible the connection is used as it is, and this is logged once.
 */
public final class NiceBackends extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(NiceBackends.class);

    private final HikariDataSource readers;
    private final int poolSize;
    private volatile HikariDataSource background;
    /** Physical connections already reniced, by identity (a pid can be reused by a later backend). */
    private final Map<Object, Integer> reniced = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicBoolean warned = new AtomicBoolean();

    public NiceBackends(HikariDataSource readers, int poolSize) {
        super(readers);
        this.readers = readers;
        this.poolSize = poolSize;
    }

    @Override
    public Connection getConnection() throws SQLException {
        int nice = BackgroundWork.niceOfThisThread();
        if (nice <= 0) {
            return super.getConnection();
        }
        Connection c = backgroundPool().getConnection();
        try {
            PGConnection pg = c.unwrap(PGConnection.class);
            Integer done = reniced.get(pg);
            if (done == null || done != nice) {
                if (renice(pg.getBackendPID(), nice)) {
                    reniced.put(pg, nice);
                }
            }
        } catch (SQLException e) {
            warn("not a PostgreSQL connection: " + e.getMessage());
        }
        return c;
    }

    /** The nice value of a connection's backend as /proc gives it (for tests and logs); -1 when unknown. */
    public static int niceOfBackend(Connection c) throws SQLException {
        return niceOfProcess(Integer.toString(c.unwrap(PGConnection.class).getBackendPID()));
    }

    /** The nice value of process {@code pid} ("self" for this one) as /proc gives it; -1 when unknown. */
    public static int niceOfProcess(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]); // field 19 of stat, counted from the state (field 3)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private HikariDataSource backgroundPool() {
        HikariDataSource pool = background;
        if (pool == null) {
            synchronized (this) {
                pool = background;
                if (pool == null) {
                    HikariConfig config = new HikariConfig();
                    config.setJdbcUrl(readers.getJdbcUrl());
                    config.setUsername(readers.getUsername());
                    config.setPassword(readers.getPassword());
                    config.setDriverClassName(readers.getDriverClassName());
                    config.setDataSourceProperties(readers.getDataSourceProperties());
                    config.setMaximumPoolSize(poolSize);
                    config.setMinimumIdle(0);
                    config.setConnectionTimeout(readers.getConnectionTimeout());
                    config.setPoolName("qamrov-background");
                    pool = new HikariDataSource(config);
                    background = pool;
                }
            }
        }
        return pool;
    }

    private boolean renice(int pid, int nice) {
        try {
            Path proc = Path.of("/proc", Integer.toString(pid), "comm");
            String comm = Files.readString(proc, StandardCharsets.US_ASCII).strip();
            if (!comm.startsWith("postgres")) {
                warn("process " + pid + " is " + comm + ", not a PostgreSQL backend");
                return false;
            }
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Integer.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                warn("renice of backend " + pid + " failed");
                return false;
            }
            return true;
        } catch (IOException e) {
            warn(e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void warn(String why) {
        if (warned.compareAndSet(false, true)) {
            log.info("database: background work's backends run at the readers' priority ({})", why);
        }
    }

    /** Closes the background pool (when the context closes: {@link NiceBackendsConfig}). */
    public void closeBackground() {
        HikariDataSource pool = background;
        if (pool != null) {
            pool.close();
        }
    }

    /** Closes both pools; closing a closed pool does nothing. */
    public void close() {
        closeBackground();
        readers.close();
    }
}
