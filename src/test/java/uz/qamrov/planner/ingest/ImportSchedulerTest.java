package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Large uploads cannot starve small ones: with 2 workers, large jobs hold at most one, small ones pass them. */
class ImportSchedulerTest {

    @Test
    void smallJobsRunWhileLargeOnesHoldAWorkerAndTheSecondLargeWaits() throws Exception {
        try (ImportScheduler s = new ImportScheduler(2, 100)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch largeStarted = new CountDownLatch(1);
            CountDownLatch secondLargeStarted = new CountDownLatch(1);
            UUID large1 = UUID.randomUUID();
            UUID large2 = UUID.randomUUID();
            s.submit(large1, 100_000, () -> {
                largeStarted.countDown();
                await(release);
            });
            assertThat(largeStarted.await(5, TimeUnit.SECONDS)).isTrue();
            s.submit(large2, 500_000, () -> {
                secondLargeStarted.countDown();
                await(release);
            });
            CountDownLatch smallDone = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                s.submit(UUID.randomUUID(), 5, smallDone::countDown);
            }
            // the three small jobs finish on the free worker while the first large one still runs
            assertThat(smallDone.await(5, TimeUnit.SECONDS)).isTrue();
            // ... and the second large one did not take that worker: it waits, first in the large lane
            assertThat(secondLargeStarted.await(200, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(s.queue()).containsExactly(new ImportScheduler.Queued(large2, ImportScheduler.Lane.LARGE, 1));
            release.countDown();
            assertThat(secondLargeStarted.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withOneWorkerBothLanesShareItSmallFirst() throws Exception {
        try (ImportScheduler s = new ImportScheduler(1, 10)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            s.submit(UUID.randomUUID(), 1, () -> {
                started.countDown();
                await(release);
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            CountDownLatch all = new CountDownLatch(3);
            s.submit(UUID.randomUUID(), 50, () -> { order.add("large"); all.countDown(); });
            s.submit(UUID.randomUUID(), 2, () -> { order.add("small-1"); all.countDown(); });
            s.submit(UUID.randomUUID(), 3, () -> { order.add("small-2"); all.countDown(); });
            assertThat(s.queue()).extracting(ImportScheduler.Queued::lane)
                    .containsExactly(ImportScheduler.Lane.SMALL, ImportScheduler.Lane.SMALL, ImportScheduler.Lane.LARGE);
            release.countDown();
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("small-1", "small-2", "large");
        }
    }

    @Test
    void aJobThatThrowsDoesNotKillItsWorker() throws Exception {
        try (ImportScheduler s = new ImportScheduler(1, 10)) {
            s.submit(UUID.randomUUID(), 1, () -> {
                throw new IllegalStateException("boom");
            });
            CountDownLatch next = new CountDownLatch(1);
            s.submit(UUID.randomUUID(), 1, next::countDown);
            assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFullLaneRefusesMoreButTheOtherLaneStillTakesJobs() throws Exception {
        try (ImportScheduler s = new ImportScheduler(1, 10, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            s.submit(UUID.randomUUID(), 100, () -> {
                started.countDown();
                await(release);
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(s.hasRoom(100)).isTrue();
            s.submit(UUID.randomUUID(), 100, () -> { });
            s.submit(UUID.randomUUID(), 100, () -> { });
            assertThat(s.hasRoom(100)).as("two large jobs wait: the large lane is full").isFalse();
            assertThat(s.hasRoom(5)).as("the small lane is not").isTrue();
            release.countDown();
        }
    }
}
