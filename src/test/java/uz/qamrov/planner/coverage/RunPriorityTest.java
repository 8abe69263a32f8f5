package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class RunPriorityTest {

    @Test
    void withNothingUrgentAYieldReturnsAtOnce() {
        RunPriority p = new RunPriority(1, TimeUnit.HOURS);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.yieldTo(RunPriority.Level.BACKGROUND));
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isFalse();
    }

    @Test
    void otherWorkWaitsAtItsNextStepUntilTheUrgentRunIsDone() throws Exception {
        RunPriority p = new RunPriority(1, TimeUnit.HOURS);
        CountDownLatch urgentStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<String> today = CompletableFuture.supplyAsync(() -> p.run(RunPriority.Level.TODAY, () -> {
            urgentStarted.countDown();
            await(release);
            order.add("today stored");
            return "today";
        }));
        urgentStarted.await();
        Thread other = new Thread(() -> {
            p.yieldTo(RunPriority.Level.BACKGROUND);
            order.add("other date's next step");
        });
        other.start();
        // the other run is parked at its step while today's computes
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> other.getState() == Thread.State.TIMED_WAITING);
        assertThat(order).isEmpty();
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isTrue();
        // work at the same level does not wait for it
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.yieldTo(RunPriority.Level.TODAY));
        release.countDown();
        assertThat(today.get(10, TimeUnit.SECONDS)).isEqualTo("today");
        other.join(10_000);
        assertThat(order).containsExactly("today stored", "other date's next step");
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isFalse();
    }

    @Test
    void aLongUrgentStreakDelaysOtherWorkByAtMostTheBound() throws Exception {
        RunPriority p = new RunPriority(200, TimeUnit.MILLISECONDS);
        CountDownLatch urgentStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> p.run(RunPriority.Level.TODAY, () -> {
            urgentStarted.countDown();
            await(release);
            return null;
        }));
        urgentStarted.await();
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> p.yieldTo(RunPriority.Level.BACKGROUND));
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waitedMs).isGreaterThanOrEqualTo(200);
        release.countDown();
        stuck.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUrgentRunThatFailsStillLetsOthersGo() {
        RunPriority p = new RunPriority(1, TimeUnit.HOURS);
        try {
            p.run(RunPriority.Level.TODAY, () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the failure is the caller's; the priority must be released
        }
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isFalse();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.yieldTo(RunPriority.Level.BACKGROUND));
    }

    @Test
    void readersWaitForTodayAndTheBackgroundForBoth() throws Exception {
        RunPriority p = new RunPriority(1, TimeUnit.HOURS);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> p.run(RunPriority.Level.READER, () -> {
            started.countDown();
            await(release);
            return null;
        }));
        started.await();
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isTrue();
        assertThat(p.higherRunning(RunPriority.Level.READER)).isFalse();
        assertThat(p.higherRunning(RunPriority.Level.TODAY)).isFalse();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.yieldTo(RunPriority.Level.TODAY));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.yieldTo(RunPriority.Level.READER));
        release.countDown();
        reader.get(10, TimeUnit.SECONDS);
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isFalse();
    }

    @Test
    void backgroundWorkRaisedForAWaitingReaderMakesOtherBackgroundWorkWait() {
        RunPriority p = new RunPriority(1, TimeUnit.HOURS);
        RunPriority.Ticket polygons = p.begin(RunPriority.Level.BACKGROUND);
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).as("background work does not hold back its own level")
                .isFalse();
        polygons.raise(RunPriority.Level.READER);
        assertThat(polygons.level()).isEqualTo(RunPriority.Level.READER);
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isTrue();
        assertThat(p.higherRunning(RunPriority.Level.READER)).isFalse();
        polygons.raise(RunPriority.Level.BACKGROUND);
        assertThat(polygons.level()).as("a raise never lowers").isEqualTo(RunPriority.Level.READER);
        polygons.close();
        polygons.close(); // closing twice releases once
        polygons.raise(RunPriority.Level.TODAY); // a closed ticket counts for nothing
        assertThat(p.higherRunning(RunPriority.Level.BACKGROUND)).isFalse();
        assertThat(p.higherRunning(RunPriority.Level.READER)).isFalse();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.yieldTo(polygons));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
