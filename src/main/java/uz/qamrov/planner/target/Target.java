package uz.qamrov.planner.target;

import java.time.LocalDate;

/**
 * A roadmap target for one indicator and scope, or (kind gap_list) a kept-current list the roadmap asks for.
 *
 * @param scope {@code UZ} for the nation, else a region code
 * @param targetValue null for a gap list (it has a deadline to be revised by, no value to reach)
 * @param unit {@code %}, {@code count} or {@code km} — as the API shows values
 * @param atLeast true for floors (coverage), false for ceilings (uncovered km)
 * @param title English title; {@code titleUz} (Uzbek Latin) and {@code titleRu} beside it
 * @param wordingUz the roadmap's own words for the final result (Uzbek Cyrillic, as published)
 * @param subjectLines which lines a line target counts ({@link LineSubject}); null = the engine's definition
 */
public record Target(long id, String indicatorKey, String scope, String kind, Double targetValue, String unit,
        boolean atLeast, LocalDate deadline, String title, String titleUz, String titleRu, String wordingUz,
        String sourceDocument, String sourceItem, String subjectLines, String notes) {

    public static final String KIND_TARGET = "target";
    public static final String KIND_GAP_LIST = "gap_list";

    public boolean isGapList() {
        return KIND_GAP_LIST.equals(kind);
    }
}
