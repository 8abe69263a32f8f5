package uz.qamrov.planner.system.db;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
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
                // (A service closed before the JVM ends has stopped it already: see Release.)
                SpringApplication.getShutdownHandlers().add(EmbeddedPostgisEnvironmentPostProcessor::stopCluster);
            }
            if (watchdog == null) {
                watchdog = new ClusterWatchdog(cluster, props.watchdogInterval());
            }
            users++;
            Release release = new Release();
            application.addListeners(release);
            application.addInitializers(release::registerIn);
            cluster.createDatabase(props.database());
            env.getPropertySources().addFirst(new MapPropertySource("qamrovEmbeddedPostgis", Map.of(
                    "spring.datasource.url", cluster.jdbcUrl(props.database()),
                    "spring.datasource.username", PostgisCluster.SUPERUSER,
                    "spring.datasource.password", cluster.password(),
                    "qamrov.embedded-db.port", cluster.port())));
        }
    }

    /**
     * Ends one application's use of the cluster: with the last one the watchdog stops and so does the cluster, once
     * that application's context is closed (its pool drained). Before, the cluster ran until the JVM ended; a test
     * that started the service on a temporary directory had that directory deleted first, and {@code pg_ctl stop}
     * then failed, leaving the postmaster running after the build.
     */
    private static final class Release implements ApplicationListener<ApplicationFailedEvent> {
        private boolean ended;

        /**
         * Registered as the context's first disposable bean, so it is destroyed last, after the datasource
         * (singletons are destroyed in the reverse order of their registration).
         */
        void registerIn(ConfigurableApplicationContext context) {
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("qamrovEmbeddedPostgisRelease", this::release);
            }
        }

        /** A start that failed before its context existed; otherwise the context's close releases. */
        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            if (event.getApplicationContext() == null) {
                release();
            }
        }

        private void release() {
            synchronized (EmbeddedPostgisEnvironmentPostProcessor.class) {
                if (ended) {
                    return;
                }
                ended = true;
                if (--users == 0) {
                    // nothing uses the cluster any more: a cluster stopped on purpose must not be restarted, and
                    // its data directory may be deleted next (a test's)
                    stopCluster();
                }
            }
        }
    }

    private static void stopCluster() {
        synchronized (EmbeddedPostgisEnvironmentPostProcessor.class) {
            if (watchdog != null) {
                watchdog.close();
                watchdog = null;
            }
            if (cluster != null) {
                cluster.close();
                cluster = null;
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
