package uz.qamrov.planner.system.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Wraps the service's DataSource in {@link NiceBackends} when the database cluster runs on this machine: the cluster
 * the service started itself ({@code qamrov.embedded-db.port} is set then), or a local one named by
 * {@code qamrov.embedded-db.nice-local-backends=true} (the tests' throwaway cluster).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${qamrov.embedded-db.port:}' != '' or '${qamrov.embedded-db.nice-local-backends:false}' == 'true'")
class NiceBackendsConfig {

    /** Connections of background work at a time: one precomputed run writes on one. */
    private static final int BACKGROUND_POOL = 2;

    @Bean
    static BeanPostProcessor niceBackendsWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource readers && "dataSource".equals(name)
                        ? new NiceBackends(readers, BACKGROUND_POOL) : bean;
            }
        };
    }

    /**
     * The background pool is closed with the context: the DataSource bean's destroy method is the readers' pool's
     * (seen in a service log: only that pool was shut down), so the wrapper's own pool needs this.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> closeBackgroundPool(DataSource dataSource) {
        return event -> {
            if (dataSource instanceof NiceBackends nice) {
                nice.closeBackground();
            }
        };
    }
}
