package uz.qamrov.planner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.qamrov.planner.target.TargetProgressCalculator.Point;

class TargetProgressCalculatorTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

    private static Point p(int year, int month, int day, double v) {
        return new Point(LocalDate.of(year, month, day), v);
    }

    @Test
    void aValueAtOrAboveTheTargetIsMet() {
        var progress = TargetProgressCalculator.progress(List.of(p(2024, 12, 31, 77_300)), 57_000, true, DEADLINE);
        assertThat(progress.status()).isEqualTo(TargetStatus.MET);
        assertThat(progress.gap()).isZero();
    }

    @Test
    void aSteadyRiseThatReachesTheTargetIsOnTrack() {
        // 70% → 75% → 80% at yearly steps; the line gives 80 + 5 × 2 years ≈ 90% at end-2026 ≥ 88%
        var series = List.of(p(2022, 12, 31, 70), p(2023, 12, 31, 75), p(2024, 12, 31, 80));
        var progress = TargetProgressCalculator.progress(series, 88, true, DEADLINE);
        assertThat(progress.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(progress.gap()).isEqualTo(8, within(1e-9));
        assertThat(progress.projectedAtDeadline()).isEqualTo(90, within(0.05));
    }

    @Test
    void aSlowRiseThatFallsShortIsBehind() {
        // +1 point a year from 80%: ≈ 82% at end-2026 < 88%
        var series = List.of(p(2023, 12, 31, 79), p(2024, 12, 31, 80));
        var progress = TargetProgressCalculator.progress(series, 88, true, DEADLINE);
        assertThat(progress.status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(progress.projectedAtDeadline()).isEqualTo(82, within(0.05));
    }

    @Test
    void onlyTheLastThreePointsSetThePace() {
        // fast growth long ago, flat lately: the flat recent pace decides
        var series = List.of(p(2019, 12, 31, 10), p(2020, 12, 31, 60), p(2022, 12, 31, 80), p(2023, 12, 31, 80),
                p(2024, 12, 31, 80));
        assertThat(TargetProgressCalculator.progress(series, 88, true, DEADLINE).status()).isEqualTo(TargetStatus.BEHIND);
    }

    @Test
    void aCeilingTargetIsMetWhenAtOrBelow() {
        var falling = List.of(p(2023, 12, 31, 900), p(2024, 12, 31, 500));
        var progress = TargetProgressCalculator.progress(falling, 0, false, DEADLINE);
        // 500 km left, falling 400 km a year: reaches 0 km before end-2026
        assertThat(progress.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(progress.gap()).isEqualTo(500);
        assertThat(TargetProgressCalculator.progress(List.of(p(2025, 1, 1, 0)), 0, false, DEADLINE).status())
                .isEqualTo(TargetStatus.MET);
    }

    @Test
    void aMissedDeadlineOrASinglePointIsBehind() {
        assertThat(TargetProgressCalculator.progress(List.of(p(2024, 12, 31, 50)), 75, true, DEADLINE).status())
                .isEqualTo(TargetStatus.BEHIND);
        var late = List.of(p(2026, 12, 31, 60), p(2027, 6, 30, 70));
        assertThat(TargetProgressCalculator.progress(late, 75, true, DEADLINE).status()).isEqualTo(TargetStatus.BEHIND);
    }
}
