package uz.qamrov.planner.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token bucket arithmetic on a hand-driven clock: 3 per minute means a burst of 3, then one every 20 s. */
class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(1), nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aBurstUpToCapacityThenOneTokenPerPeriodOverCapacity() {
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isEqualTo(Duration.ofSeconds(20));

        advance(Duration.ofSeconds(5));
        assertThat(buckets.tryTake("a")).isEqualTo(Duration.ofSeconds(15));

        advance(Duration.ofSeconds(15));
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void keysAreIndependentAndABucketNeverHoldsMoreThanItsCapacity() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryTake("a")).isZero();
        }
        assertThat(buckets.tryTake("b")).as("b has its own bucket").isZero();

        advance(Duration.ofHours(1)); // an hour idle refills to 3, not to 180
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryTake("a")).isZero();
        }
        assertThat(buckets.tryTake("a")).isPositive();
    }
}
