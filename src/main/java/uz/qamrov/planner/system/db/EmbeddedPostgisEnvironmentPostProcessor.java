package uz.qamrov.planner.system.db;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
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
    /** Running applications that use the cluster: the watchdog runs while there is one. */
    private static int users;
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
                // Shutdown handlers run after the application contexts are closed, i.e. after the pool is drained.
                SpringApplication.getShutdownHandlers().add(() -> {
                    synchronized (EmbeddedPostgisEnvironmentPostProcessor.class) {
                        stopWatchdog();
                        cluster.close();
                        cluster = null;
                    }
                });
            }
            if (watchdog == null) {
                watchdog = new ClusterWatchdog(cluster, props.watchdogInterval());
            }
            users++;
            application.addListeners(new ApplicationEnded());
            cluster.createDatabase(props.database());
            env.getPropertySources().addFirst(new MapPropertySource("qamrovEmbeddedPostgis", Map.of(
                    "spring.datasource.url", cluster.jdbcUrl(props.database()),
                    "spring.datasource.username", PostgisCluster.SUPERUSER,
                    "spring.datasource.password", cluster.password(),
                    "qamrov.embedded-db.port", cluster.port())));
        }
    }

    /** Stops the watchdog with the last application using the cluster (closed, or failed to start). */
    private static final class ApplicationEnded implements ApplicationListener<ApplicationEvent> {
        private boolean ended;

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            boolean closed = event instanceof ContextClosedEvent e && e.getApplicationContext().getParent() == null;
            if (!closed && !(event instanceof ApplicationFailedEvent)) {
                return;
            }
            synchronized (EmbeddedPostgisEnvironmentPostProcessor.class) {
                if (ended) {
                    return;
                }
                ended = true;
                if (--users == 0) {
                    // nothing watches any more: a cluster stopped on purpose (a test's, a service being shut down)
                    // must not be restarted, and its data directory may already be gone
                    stopWatchdog();
                }
            }
        }
    }

    private static void stopWatchdog() {
        if (watchdog != null) {
            watchdog.close();
            watchdog = null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
