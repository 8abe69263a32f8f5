package uz.qamrov.planner.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Work that must finish before the service is ready (loading the national dataset, building the first coverage
 * model): each piece takes a {@link Hold} and releases it when done. While any hold is open the {@code startup}
 * health contributor is DOWN, and it is part of the readiness group, so {@code /actuator/health/readiness} answers
 * 503 and load balancers send no traffic. Endpoints that cannot answer meanwhile throw
 * {@link ServiceNotReadyException} (503 + Retry-After).
 */
@Component("startupHealthIndicator")
public class StartupGate implements HealthIndicator {

    private final Map<Long, String> holds = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** One piece of start-up work; release it exactly when the work is done (or has failed for good). */
    public interface Hold extends AutoCloseable {
        void release();

        @Override
        default void close() {
            release();
        }
    }

    public Hold hold(String what) {
        long id = ids.incrementAndGet();
        holds.put(id, what);
        return () -> holds.remove(id);
    }

    public boolean isOpen() {
        return holds.isEmpty();
    }

    /** What is still running, for the health details and for a 503's message. */
    public List<String> pending() {
        return holds.values().stream().sorted().toList();
    }

    @Override
    public Health health() {
        List<String> pending = pending();
        return pending.isEmpty() ? Health.up().build() : Health.down().withDetail("pending", pending).build();
    }
}
