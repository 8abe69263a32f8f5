package uz.qamrov.planner.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A straight line through a target's series can project past what is physically possible (seen: 100.6 % of
 * settlements covered); the report caps a share at 0..100 % and a count or length at 0, and leaves the rest alone.
 */
class ProjectionClampTest {

    @Test
    void aShareIsCappedAt100AndAtZero() {
        assertThat(ProgressService.clamp("%", 100.6)).isEqualTo(100.0);
        assertThat(ProgressService.clamp("%", -2.5)).isEqualTo(0.0);
        assertThat(ProgressService.clamp("%", 99.975)).isEqualTo(99.975);
    }

    @Test
    void aCountOrLengthHasNoUpperCapButCannotGoNegative() {
        assertThat(ProgressService.clamp("km", 250_000.0)).isEqualTo(250_000.0);
        assertThat(ProgressService.clamp("count", -40.0)).isEqualTo(0.0);
        assertThat(ProgressService.clamp("km", null)).isNull();
    }
}
