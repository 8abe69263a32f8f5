package uz.qamrov.planner.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IngestConfig {

    /** Import jobs run here, {@code qamrov.ingest.workers} at a time, in a small and a large lane. */
    @Bean(destroyMethod = "close")
    ImportScheduler importScheduler(IngestProperties properties) {
        return new ImportScheduler(properties.workers(), properties.largeJobRows(), properties.maxQueuedJobs());
    }
}
