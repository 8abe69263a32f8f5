package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Judges an indicator against its target from its recent trend: a least-squares line through the last
 * {@link #TREND_POINTS} values (by date) is extended to the deadline.
 *
 * <p>Why a line over the last few points: network roll-outs are budgeted yearly, so the last two or three
 * year-ends describe the current pace better than the whole history; a line is the simplest honest projection.
 */
public final class TargetProgressCalculator {

    static final int TREND_POINTS = 3;

    /** A value of the indicator on a date, in the target's units. */
    public record Point(LocalDate date, double value) {
    }

    /**
     * @param status met / on track / behind
     * @param gap how far the current value is from the target, in its units (0 when met)
     * @param projectedAtDeadline the trend's value at the deadline, or {@code null} without a trend
     */
    public record Progress(TargetStatus status, double gap, Double projectedAtDeadline) {
    }

    private TargetProgressCalculator() {
    }

    /**
     * @param series values by date, the last one being "now" (the as-of date); at least one point
     * @param atLeast true when the target is a floor (coverage %), false when a ceiling (uncovered km)
     */
    public static Progress progress(List<Point> series, double target, boolean atLeast, LocalDate deadline) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a progress needs at least the current value");
        }
        Point now = series.get(series.size() - 1);
        double gap = Math.max(0, atLeast ? target - now.value() : now.value() - target);
        if (gap == 0) {
            return new Progress(TargetStatus.MET, 0, now.value());
        }
        List<Point> recent = series.subList(Math.max(0, series.size() - TREND_POINTS), series.size());
        if (recent.size() < 2 || now.date().isAfter(deadline)) {
            return new Progress(TargetStatus.BEHIND, gap, null);
        }
        double projected = linearFitAt(recent, deadline);
        boolean reaches = atLeast ? projected >= target : projected <= target;
        return new Progress(reaches ? TargetStatus.ON_TRACK : TargetStatus.BEHIND, gap, projected);
    }

    private static double linearFitAt(List<Point> points, LocalDate at) {
        LocalDate origin = points.get(0).date();
        double n = points.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Point p : points) {
            double x = ChronoUnit.DAYS.between(origin, p.date());
            sx += x;
            sy += p.value();
            sxx += x * x;
            sxy += x * p.value();
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) {
            return points.get(points.size() - 1).value(); // all on one date: no slope
        }
        double slope = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        return intercept + slope * ChronoUnit.DAYS.between(origin, at);
    }
}
