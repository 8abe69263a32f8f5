package uz.qamrov.planner.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a user, an IP address): each holds up to {@code capacity} tokens and regains
 * {@code capacity} per {@code period}, continuously. A request takes one token or is told how long to wait.
 * Small on purpose (no library on our registry covers it); idle, full buckets are dropped so a stream of new
 * keys (addresses) cannot grow the map without bound.
 */
public final class TokenBuckets {

    private static final int MAX_KEYS_BEFORE_SWEEP = 10_000;

    private final long capacity;
    private final double nanosPerToken;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(long capacity, Duration period) {
        this(capacity, period, System::nanoTime);
    }

    TokenBuckets(long capacity, Duration period, LongSupplier nanoClock) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalStateException("a rate limit needs capacity >= 1 and a positive period");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.nanoClock = nanoClock;
    }

    /** Takes one token for {@code key}: {@link Duration#ZERO} when granted, else how long until one is available. */
    public Duration tryTake(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_KEYS_BEFORE_SWEEP) {
            buckets.values().removeIf(b -> b.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(long tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedNanos) / nanosPerToken);
            updatedNanos = now;
        }
    }
}
