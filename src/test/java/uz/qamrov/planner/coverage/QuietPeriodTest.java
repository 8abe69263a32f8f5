package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuietPeriodTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void onlyTheLastTaskOfABurstRunsOnceTheBurstIsOver() {
        QuietPeriod quiet = new QuietPeriod(scheduler, 300);
        quiet.submit(() -> ran.add("first"));
        quiet.submit(() -> ran.add("second"));
        quiet.submit(() -> ran.add("third"));
        assertThat(ran).as("nothing runs during the quiet period").isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> !ran.isEmpty());
        // the dropped tasks' timers have fired by now too (they were scheduled earlier): only the last ran
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> ran.size() == 1);
        assertThat(ran).containsExactly("third");
    }

    @Test
    void aTaskAfterTheQuietPeriodRunsToo() {
        QuietPeriod quiet = new QuietPeriod(scheduler, 100);
        quiet.submit(() -> ran.add("first"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
        quiet.submit(() -> ran.add("second"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 2);
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void noQuietPeriodRunsAtOnce() {
        new QuietPeriod(scheduler, 0).submit(() -> ran.add("now"));
        assertThat(ran).containsExactly("now");
    }
}
