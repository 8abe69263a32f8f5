package uz.qamrov.planner.revalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.qamrov.planner.coverage.GenerationChanged;

class ReadVersionTest {

    /** A clock whose instant the test moves. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Tashkent");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theTagChangesWithAGenerationAnUploadsCommitAWriteAndMidnightInTashkent() {
        // 18:59 UTC is 23:59 in Tashkent (UTC+5)
        MovableClock clock = new MovableClock(Instant.parse("2026-12-03T18:59:00Z"));
        ReadVersion v = new ReadVersion(clock);
        String t0 = v.etag();
        assertThat(t0).matches("W/\"[0-9a-z-]+-0-20261203\"");
        assertThat(v.etag()).isEqualTo(t0);

        v.phaseStarted(UUID.randomUUID(), "write", 10);
        assertThat(v.etag()).as("rows written inside the upload's transaction are not visible yet").isEqualTo(t0);
        v.phaseStarted(UUID.randomUUID(), "coverage", 10);
        String t1 = v.etag();
        assertThat(t1).isNotEqualTo(t0);
        v.onGeneration(new GenerationChanged(7, null));
        String t2 = v.etag();
        assertThat(t2).isNotIn(t0, t1);
        v.changed();
        String t3 = v.etag();
        assertThat(t3).isNotIn(t0, t1, t2);

        clock.now = Instant.parse("2026-12-03T19:01:00Z"); // 00:01 on 4 December in Tashkent
        assertThat(v.etag()).isNotIn(t0, t1, t2, t3).endsWith("-20261204\"");
        assertThat(new ReadVersion(clock).etag()).as("two starts of the service, nothing changed since either")
                .isNotEqualTo(new ReadVersion(clock).etag());
    }
}
