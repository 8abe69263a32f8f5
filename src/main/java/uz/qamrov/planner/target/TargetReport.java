package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.List;

/** Every roadmap target at one date: current value, gap, status and the series behind the trend. */
public record TargetReport(LocalDate asOf, String scope, List<Entry> targets) {

    public record Entry(String indicatorKey, String title, String scope, double target, String unit, String direction,
            LocalDate deadline, String sourceDocument, String sourceItem, String notes, Double value, Double gap,
            String status, Double projectedAtDeadline, List<SeriesPoint> series) {
    }

    public record SeriesPoint(LocalDate date, Double value) {
    }
}
