package uz.qamrov.planner.target;

import java.time.LocalDate;

/**
 * A roadmap target for one indicator and scope.
 *
 * @param scope {@code UZ} for the nation, else a region code
 * @param unit {@code %}, {@code count} or {@code km} — as the API shows values
 * @param atLeast true for floors (coverage), false for ceilings (uncovered km)
 */
public record Target(long id, String indicatorKey, String scope, double targetValue, String unit, boolean atLeast,
        LocalDate deadline, String title, String sourceDocument, String sourceItem, String notes) {
}
