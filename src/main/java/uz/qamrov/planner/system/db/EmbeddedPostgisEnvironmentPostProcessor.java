package uz.qamrov.planner.system.db;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Zero configuration: when no datasource URL is set, start (or restart) the project's own PostGIS cluster and
 * point the datasource at it. Runs after the config files are read, so {@code application-*.yml} and the
 * environment can still turn it off or point elsewhere.
 */
public class EmbeddedPostgisEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static PostgisCluster cluster;
    private static ClusterWatchdog watchdog;
    private final org.apache.commons.logging.Log log;

    /** Boot hands us a deferred log: the logging system is not set up yet when environment post-processors run. */
    public EmbeddedPostgisEnvironmentPostProcessor(org.springframework.boot.logging.DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgisEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        EmbeddedDbProperties props = Binder.get(env).bindOrCreate("qamrov.embedded-db", EmbeddedDbProperties.class);
        if (!props.enabled()) {
            return;
        }
        synchronized (EmbeddedPostgisEnvironmentPostProcessor.class) {
            if (cluster == null) {
                PostgisCluster c = new PostgisCluster(PostgisBinaries.locate(java.nio.file.Path.of("/")), props.dataDir());
                log.info("No datasource configured: starting Qamrov's own PostGIS cluster in " + c.dataDir());
                c.start();
                log.info("PostGIS " + c.dataDir() + " is listening on 127.0.0.1:" + c.port());
                cluster = c;
                watchdog = new ClusterWatchdog(c, props.watchdogInterval());
                // Shutdown handlers run after the application contexts are closed, i.e. after the pool is drained.
                SpringApplication.getShutdownHandlers().add(() -> {
                    synchronized (EmbeddedPostgisEnvironmentPostProcessor.class) {
                        watchdog.close();
                        watchdog = null;
                        cluster.close();
                        cluster = null;
                    }
                });
            }
            cluster.createDatabase(props.database());
            env.getPropertySources().addFirst(new MapPropertySource("qamrovEmbeddedPostgis", Map.of(
                    "spring.datasource.url", cluster.jdbcUrl(props.database()),
                    "spring.datasource.username", PostgisCluster.SUPERUSER,
                    "spring.datasource.password", cluster.password(),
                    "qamrov.embedded-db.port", cluster.port())));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
