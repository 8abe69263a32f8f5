package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers of the same key while its evaluation runs share it: counted on paper with an evaluation held open by a
 * latch until every caller has arrived.
 */
class SharedEvaluationsTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void fiveCallersOfOneKeyShareOneEvaluationAndAnotherKeyEvaluatesBesideIt() throws Exception {
        SharedEvaluations<String, Integer> shared = new SharedEvaluations<>();
        AtomicInteger evaluations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> shared.get("2021-06-30", () -> {
            evaluations.incrementAndGet();
            started.countDown();
            await(release);
            return 42;
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(pool.submit(() -> shared.get("2021-06-30", () -> evaluations.incrementAndGet() * 1000)));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> shared.shared() == 4);
        // another key is not held up by the running one
        assertThat(shared.get("2019-12-31", () -> 7)).isEqualTo(7);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        for (Future<Integer> f : others) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        }
        assertThat(evaluations.get()).as("evaluations of the shared key").isEqualTo(1);
        assertThat(shared.running()).isZero();
        // once it has ended, the next caller evaluates again (caching is the caller's)
        assertThat(shared.get("2021-06-30", () -> 43)).isEqualTo(43);
    }

    @Test
    void aFailureReachesEveryCallerWaitingForItAndIsNotKept() throws Exception {
        SharedEvaluations<String, Integer> shared = new SharedEvaluations<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> shared.get("k", () -> {
            started.countDown();
            await(release);
            throw new IllegalStateException("the model moved on");
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> waiting = pool.submit(() -> shared.get("k", () -> 1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> shared.shared() == 1);
        release.countDown();
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .cause().hasMessage("the model moved on");
        assertThat(shared.running()).isZero();
        assertThat(shared.get("k", () -> 2)).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
