package uz.qamrov.planner.coverage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: DOWN until the first model generation exists (the dataset is loaded before it is built), so a
 * load balancer or {@code docker compose} sends no traffic to a service that would answer from a half-loaded
 * database. Also DOWN-to-the-eye details when the model is dirty (a full recompute is repairing it).
 */
@Component("coverage")
class CoverageHealthIndicator implements HealthIndicator {

    private final CoverageModels models;
    private final CoverageProperties properties;

    CoverageHealthIndicator(CoverageModels models, CoverageProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (models.ready()) {
            Health.Builder up = Health.up().withDetail("generation", models.generationId());
            if (models.dirty() != null) {
                up.withDetail("dirty", models.dirty());
            }
            return up.build();
        }
        if (!properties.computeOnStart()) {
            return Health.up().withDetail("model", "built on first use (compute-on-start is off)").build();
        }
        return Health.outOfService().withDetail("model", "being built").build();
    }
}
