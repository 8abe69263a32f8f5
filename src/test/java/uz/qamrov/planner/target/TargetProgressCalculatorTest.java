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
    void aNearlyFlatRiseHasNoProjectedDateInsteadOfOverflowing() {
        // +1e-9 points a year from 80%: reaching 88% would take ~8e9 years (LocalDate cannot hold it) → no date
        var series = List.of(p(2023, 12, 31, 80), p(2024, 12, 31, 80.000000001));
        var progress = TargetProgressCalculator.progress(series, 88, true, DEADLINE);
        assertThat(progress.status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(progress.projectedMetOn()).isNull();
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
    void aSinglePointBeforeTheDeadlineIsBehind() {
        assertThat(TargetProgressCalculator.progress(List.of(p(2024, 12, 31, 50)), 75, true, DEADLINE).status())
                .isEqualTo(TargetStatus.BEHIND);
    }

    private static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);

    @Test
    void aValueOnTheDeadlineThatSatisfiesIsMetByDeadline() {
        // 70 → 81 on the deadline → 85 now: met on time, whatever came after
        var series = List.of(p(2021, 12, 31, 70), p(2022, 12, 31, 81), p(2023, 12, 31, 85));
        var progress = TargetProgressCalculator.progress(series, 80, true, END_2022);
        assertThat(progress.status()).isEqualTo(TargetStatus.MET_BY_DEADLINE);
        assertThat(progress.gap()).isZero();
        assertThat(progress.metOn()).isNull();
    }

    @Test
    void aTargetReachedAfterTheDeadlineIsMetLaterOnTheDayTheFinderGives() {
        // 70 (2021) → 78 on the deadline → 79 (2023) → 82 (2024-06-30): the crossing lies in (2023-12-31, 2024-06-30]
        var series = List.of(p(2021, 12, 31, 70), p(2022, 12, 31, 78), p(2023, 12, 31, 79), p(2024, 6, 30, 82));
        LocalDate[] askedFor = new LocalDate[2];
        var progress = TargetProgressCalculator.progress(series, 80, true, END_2022, (notMet, met) -> {
            askedFor[0] = notMet;
            askedFor[1] = met;
            return LocalDate.of(2024, 3, 15);
        });
        assertThat(progress.status()).isEqualTo(TargetStatus.MET_LATER);
        assertThat(askedFor).containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 6, 30));
        assertThat(progress.metOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(progress.gap()).isZero();
        // without a finder the series point is the best answer
        assertThat(TargetProgressCalculator.progress(series, 80, true, END_2022).metOn()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void aCeilingReachedAfterTheDeadlineIsMetLater() {
        // uncovered km: 100 → 40 on the deadline → 0 now
        var series = List.of(p(2021, 12, 31, 100), p(2022, 12, 31, 40), p(2023, 12, 31, 0));
        var progress = TargetProgressCalculator.progress(series, 0, false, END_2022);
        assertThat(progress.status()).isEqualTo(TargetStatus.MET_LATER);
        assertThat(progress.metOn()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void aTargetStillShortAfterTheDeadlineIsMissedWithTodaysGapAndTheTrend() {
        // 50, 60, 70 at 365-day steps: slope 10/365 per day = 10.007 per year of 365.25 days; 80 is 365 days after
        // 2023-12-31, i.e. 2024-12-30 (2024 is a leap year)
        var series = List.of(p(2021, 12, 31, 50), p(2022, 12, 31, 60), p(2023, 12, 31, 70));
        var progress = TargetProgressCalculator.progress(series, 80, true, END_2022);
        assertThat(progress.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(progress.gap()).isEqualTo(10, within(1e-9));
        assertThat(progress.trendPerYear()).isEqualTo(10 * 365.25 / 365, within(1e-9));
        assertThat(progress.projectedMetOn()).isEqualTo(LocalDate.of(2024, 12, 30));
    }

    @Test
    void aMissedTargetMovingAwayHasNoProjectedDate() {
        var series = List.of(p(2022, 12, 31, 60), p(2023, 12, 31, 55));
        var progress = TargetProgressCalculator.progress(series, 80, true, END_2022);
        assertThat(progress.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(progress.gap()).isEqualTo(25, within(1e-9));
        assertThat(progress.trendPerYear()).isNegative();
        assertThat(progress.projectedMetOn()).isNull();
    }
}
