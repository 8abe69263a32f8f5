package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.List;

/**
 * Every roadmap target at one date (current value, gap, status, trend and the series behind it) and the roadmap's
 * kept-current gap lists with their counts over time.
 */
public record TargetReport(LocalDate asOf, String scope, List<Entry> targets, List<GapListEntry> gapLists) {

    /**
     * @param status met / on_track / behind before the deadline; met_by_deadline / met_later / missed after it
     * @param metOn for met_later: the first day the target was satisfied
     * @param trendPerYear slope of the recent trend (units per year)
     * @param projectedMetOn when not satisfied: the day the trend reaches the target, null if it is not heading there
     * @param subjectLines the lines a line target counts (null: the engine's definition)
     */
    public record Entry(long id, String indicatorKey, String title, String titleUz, String titleRu, String wordingUz,
            String scope, double target, String unit, String direction, LocalDate deadline, String sourceDocument,
            String sourceItem, String subjectLines, String notes, Double value, Double gap, String status,
            Double projectedAtDeadline, LocalDate metOn, Double trendPerYear, LocalDate projectedMetOn,
            List<SeriesPoint> series) {
    }

    /** A list the roadmap keeps current (items 1.1, 2.1): how many settlements are on it, over time. */
    public record GapListEntry(long id, String indicatorKey, String title, String titleUz, String titleRu,
            String wordingUz, String scope, LocalDate deadline, String sourceDocument, String sourceItem, String notes,
            Double count, List<SeriesPoint> series, String listUrl) {
    }

    public record SeriesPoint(LocalDate date, Double value) {
    }
}
