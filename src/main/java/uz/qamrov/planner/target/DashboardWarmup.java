package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uz.qamrov.planner.coverage.CoverageProperties;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.coverage.GenerationChanged;
import uz.qamrov.planner.coverage.QuietPeriod;

/**
 * Today's national target report, computed before anyone asks for it: once when the first model generation exists
 * (part of readiness), and again after every later generation that changed a date the report reads.
 *
 * <p>The report's series needs the indicators of every year-end since the roadmap's base year. Right after a start
 * the first {@code /api/v1/targets} took 8.5 s on the shipped data (the web page's first load waited on it, while the
 * stored runs of the slider's months were computed beside it), so readiness waits for it. After an upload whose
 * rows count from a past date every one of those year-ends has new answers, and the first visitor's page waited for
 * all of them again: 3.6 s for {@code /targets} after the OSM railways were loaded (docs/benchmarks.md). So each such
 * generation refreshes the report in the background once uploads pause for {@link #REFRESH_QUIET_MS} (a burst of
 * uploads refreshes it once, after the last); a visitor who comes during the refresh shares its evaluations
 * (cached per generation and date) instead of computing them beside it.
 *
 * <p>Without a model built on start ({@code compute-on-start=false}) readiness does not wait; the refresh after later
 * generations runs whenever the service recomputes anything after them ({@code precompute} other than NONE).
 */
@Component("dashboard")
class DashboardWarmup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DashboardWarmup.class);

    /**
     * How long no newer generation must arrive before the report is refreshed: uploads seconds apart refresh it once,
     * after the last, and the first page after an upload comes seconds later still (measured: the refresh took
     * 2.4–2.8 s on the shipped data, so a visitor 10 s after an upload found it done).
     */
    static final long REFRESH_QUIET_MS = 2_000;

    private final ProgressService progress;
    private final CoverageService coverage;
    private final CoverageProperties properties;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-refresh");
        t.setDaemon(true);
        return t;
    });
    private final QuietPeriod refreshes = new QuietPeriod(refresher, REFRESH_QUIET_MS);
    private volatile boolean warm;
    private volatile long refreshedGeneration = -1;

    DashboardWarmup(ProgressService progress, CoverageService coverage, CoverageProperties properties,
            ApplicationEventPublisher events) {
        this.progress = progress;
        this.coverage = coverage;
        this.properties = properties;
        this.events = events;
    }

    @EventListener
    void onGeneration(GenerationChanged event) {
        if (started.compareAndSet(false, true)) {
            warmUp(event.generation());
            return;
        }
        LocalDate from = event.effectiveFrom();
        if (properties.precompute() == CoverageProperties.Precompute.NONE || from == null
                || from.isAfter(coverage.today())) {
            return; // no date the report reads (year-ends up to today, today) has another answer
        }
        refreshes.submit(() -> refresh(event.generation()));
    }

    private void warmUp(long generation) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                progress.targets(null, null);
                refreshedGeneration = generation;
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

    private void refresh(long generation) {
        long t0 = System.nanoTime();
        try {
            progress.targets(null, null);
            refreshedGeneration = generation;
            log.info("dashboard: today's targets refreshed for generation {} in {} ms", generation,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // a visitor then computes them; nothing else depends on this
            log.warn("dashboard: refreshing today's targets for generation {} failed: {}", generation, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    @Override
    public Health health() {
        Health.Builder up = Health.up();
        if (refreshedGeneration >= 0) {
            up.withDetail("targetsOfGeneration", refreshedGeneration);
        }
        if (warm || !properties.computeOnStart()) {
            return up.build();
        }
        return Health.outOfService().withDetail("dashboard", started.get() ? "computing today's target series"
                : "waiting for the first coverage model").build();
    }
}
