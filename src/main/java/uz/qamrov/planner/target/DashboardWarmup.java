package uz.qamrov.planner.target;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uz.qamrov.planner.coverage.CoverageProperties;
import uz.qamrov.planner.coverage.GenerationChanged;

/**
 * Part of readiness: today's national target report, computed once when the first model generation exists. Its
 * series needs the indicators of every year-end since the roadmap's base year; right after a start the first
 * {@code /api/v1/targets} took 8.5 s on the shipped data (the web page's first load waited on it, while the stored
 * runs of the slider's months were computed beside it). Computing it before the service says it is ready leaves those
 * evaluations cached for the first visitor. Without a model built on start ({@code compute-on-start=false}) there is
 * nothing to warm and this is UP.
 */
@Component("dashboard")
class DashboardWarmup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DashboardWarmup.class);

    private final ProgressService progress;
    private final CoverageProperties properties;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean warm;

    DashboardWarmup(ProgressService progress, CoverageProperties properties, ApplicationEventPublisher events) {
        this.progress = progress;
        this.properties = properties;
        this.events = events;
    }

    @EventListener
    void onGeneration(GenerationChanged event) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                progress.targets(null, null);
                log.info("dashboard: today's targets computed in {} ms (readiness waited for them)",
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                // the page then computes them itself; a failure here must not keep the service out of traffic
                log.warn("dashboard: warming today's targets failed: {}", e.toString());
            } finally {
                warm = true;
                events.publishEvent(new DashboardWarmed());
            }
        }, "dashboard-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Health health() {
        if (warm || !properties.computeOnStart()) {
            return Health.up().build();
        }
        return Health.outOfService().withDetail("dashboard", started.get() ? "computing today's target series"
                : "waiting for the first coverage model").build();
    }
}
