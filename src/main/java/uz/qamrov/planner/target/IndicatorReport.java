package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.List;

/**
 * Indicators of one scope at one date, each with its target and progress, in API units (percent for .pct).
 * {@code operator}: null for every operator together; else the values count only that operator's network (no targets).
 */
public record IndicatorReport(LocalDate asOf, String scopeType, String scopeCode, String operator, List<Entry> indicators) {

    /**
     * @param target null when the roadmap sets none for this key
     * @param status met / on_track / behind, null without a target
     */
    public record Entry(String key, Double value, String unit, double numerator, double denominator, TargetRef target,
            Double gap, String status, Double projectedAtDeadline) {
    }

    public record TargetRef(double value, String unit, String direction, LocalDate deadline, String title,
            String sourceDocument, String sourceItem) {
    }
}
