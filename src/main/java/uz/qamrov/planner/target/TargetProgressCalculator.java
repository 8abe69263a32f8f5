package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Judges an indicator against its target.
 *
 * <p>Before the deadline: met, or on track / behind from the recent trend — a least-squares line through the last
 * {@link #TREND_POINTS} values (by date) extended to the deadline. Why a line over the last few points: network
 * roll-outs are budgeted yearly, so the last two or three year-ends describe the current pace better than the whole
 * history; a line is the simplest honest projection.
 *
 * <p>After the deadline the question is what happened: the value on the deadline decides {@code met_by_deadline};
 * otherwise a value satisfying the target now is {@code met_later} (with the date it crossed), anything else
 * {@code missed} (with today's gap and the date the trend would reach the target, if it is heading there).
 */
public final class TargetProgressCalculator {

    static final int TREND_POINTS = 3;
    private static final double DAYS_PER_YEAR = 365.25;

    /** A value of the indicator on a date, in the target's units. */
    public record Point(LocalDate date, double value) {
    }

    /**
     * Finds when the series crossed between two of its points: the first day in {@code (notMetOn, metOn]} from
     * which the target is satisfied. The series points alone give only {@code metOn}; the service refines it by
     * evaluating days in between.
     */
    @FunctionalInterface
    public interface CrossingFinder {
        LocalDate firstMet(LocalDate notMetOn, LocalDate metOn);

        CrossingFinder AT_SERIES_POINT = (notMetOn, metOn) -> metOn;
    }

    /**
     * @param status see {@link TargetStatus}
     * @param gap how far the current value is from the target, in its units (0 when satisfied)
     * @param projectedAtDeadline the trend's value at the deadline (deadline ahead), else null
     * @param metOn for {@code met_later}: the first day the target was satisfied after the deadline
     * @param trendPerYear slope of the recent trend in units per year, null with fewer than two points
     * @param projectedMetOn when the target is not satisfied: the day the trend reaches it, null if it is not heading
     *        there
     */
    public record Progress(TargetStatus status, double gap, Double projectedAtDeadline, LocalDate metOn,
            Double trendPerYear, LocalDate projectedMetOn) {
    }

    private TargetProgressCalculator() {
    }

    public static Progress progress(List<Point> series, double target, boolean atLeast, LocalDate deadline) {
        return progress(series, target, atLeast, deadline, CrossingFinder.AT_SERIES_POINT);
    }

    /**
     * @param series values by ascending date, the last one being "now" (the as-of date); at least one point. When the
     *        deadline has passed the series should hold a point on the deadline (else the last point before it
     *        stands for the deadline's value).
     * @param atLeast true when the target is a floor (coverage %), false when a ceiling (uncovered km)
     */
    public static Progress progress(List<Point> series, double target, boolean atLeast, LocalDate deadline,
            CrossingFinder crossing) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a progress needs at least the current value");
        }
        Point now = series.get(series.size() - 1);
        double gap = Math.max(0, atLeast ? target - now.value() : now.value() - target);
        List<Point> recent = series.subList(Math.max(0, series.size() - TREND_POINTS), series.size());
        Line trend = recent.size() < 2 ? null : Line.fit(recent);
        Double perYear = trend == null ? null : trend.slopePerDay * DAYS_PER_YEAR;
        LocalDate projectedMetOn = gap == 0 || trend == null ? null : trend.reaches(target, atLeast);

        if (!now.date().isAfter(deadline)) {
            if (gap == 0) {
                return new Progress(TargetStatus.MET, 0, now.value(), null, perYear, null);
            }
            if (trend == null) {
                return new Progress(TargetStatus.BEHIND, gap, null, null, null, null);
            }
            double projected = trend.at(deadline);
            boolean reaches = satisfies(projected, target, atLeast);
            return new Progress(reaches ? TargetStatus.ON_TRACK : TargetStatus.BEHIND, gap, projected, null, perYear,
                    projectedMetOn);
        }
        Point onDeadline = null;
        for (Point p : series) {
            if (!p.date().isAfter(deadline)) {
                onDeadline = p;
            }
        }
        if (onDeadline != null && satisfies(onDeadline.value(), target, atLeast)) {
            return new Progress(TargetStatus.MET_BY_DEADLINE, gap, null, null, perYear, projectedMetOn);
        }
        if (gap == 0) {
            // the crossing lies after the last point that did not satisfy the target
            int lastNotMet = series.size() - 1;
            while (lastNotMet >= 0 && satisfies(series.get(lastNotMet).value(), target, atLeast)) {
                lastNotMet--;
            }
            LocalDate metOn = lastNotMet < 0 ? series.get(0).date()
                    : crossing.firstMet(series.get(lastNotMet).date(), series.get(lastNotMet + 1).date());
            return new Progress(TargetStatus.MET_LATER, 0, null, metOn, perYear, null);
        }
        return new Progress(TargetStatus.MISSED, gap, null, null, perYear, projectedMetOn);
    }

    static boolean satisfies(double value, double target, boolean atLeast) {
        return atLeast ? value >= target : value <= target;
    }

    /** y = intercept + slopePerDay × (days since origin). */
    private record Line(LocalDate origin, double intercept, double slopePerDay) {

        static Line fit(List<Point> points) {
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
                return new Line(origin, points.get(points.size() - 1).value(), 0); // all on one date: no slope
            }
            double slope = (n * sxy - sx * sy) / denominator;
            return new Line(origin, (sy - slope * sx) / n, slope);
        }

        double at(LocalDate date) {
            return intercept + slopePerDay * ChronoUnit.DAYS.between(origin, date);
        }

        /** Projections further than a century away are no projection at all. */
        static final double MAX_PROJECTION_DAYS = 100 * 365.25;

        /** First whole day on which the line satisfies the target, or null when it moves away from it (or is flat). */
        LocalDate reaches(double target, boolean atLeast) {
            if (slopePerDay == 0 || (slopePerDay > 0) != atLeast) {
                return null;
            }
            double days = (target - intercept) / slopePerDay;
            // a nearly flat trend "reaches" the target in millions of years (LocalDate overflows): say never
            if (!Double.isFinite(days) || Math.abs(days) > MAX_PROJECTION_DAYS) {
                return null;
            }
            return origin.plusDays((long) Math.ceil(days - 1e-9));
        }
    }
}
