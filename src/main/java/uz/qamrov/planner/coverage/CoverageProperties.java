package uz.qamrov.planner.coverage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The coverage model's settings.
 *
 * @param computeOnStart build the model and today's results right after start (in the background)
 * @param fiberDropDistanceM a settlement within this distance of operational fiber or an access node can get fixed
 *     broadband; 1 km is what a last-mile drop from a distribution cable typically reaches without a new node
 * @param seriesStartYear first year-end of the indicator series behind the target trends
 * @param polygons compute the dissolved coverage polygons of today's run in the background after every model
 *     generation (other dates: in the background when a map, tile or export first asks for them)
 * @param precompute which dates to recompute in the background after every model generation: NONE, TODAY, YEAR_ENDS
 *     (today and the year-ends behind the trends) or SLIDER (also every month-end the web map's as-of slider offers)
 * @param precomputeQuietS dates other than today are precomputed once no new generation has arrived for this long
 *     (0 = at once after every generation); a reader of a stale date meanwhile gets it flagged and computed on demand
 * @param sliderFrom first month of the as-of slider (yyyy-MM)
 * @param sliderTo last month of the as-of slider (yyyy-MM)
 * @param runWaitS how long a reader waits for a run being computed before it gets 503 + Retry-After
 * @param polygonWaitS the same for coverage polygons (exports and coverage tiles)
 * @param copyMaxCellsApplied planning's copy of the model ({@link DetachedCopies}) is brought to a new generation by
 *     the network's difference up to this many changed cells. A larger change makes a new copy when a what-if needs
 *     one, and releases the copy when it was only being kept up to date in the background: after a national upload
 *     the service then holds one national model, not two, while it recomputes the dates the upload touched
 * @param backgroundNice the nice value (0–19) of the threads of work nobody waits for (the precomputation of dates):
 *     the operating system gives them only the CPU readers leave ({@link CoverageThreads}); 0 = as other threads
 * @param unionStoreMb the database keeps the region unions of the coverage polygons up to this many MB (the ones used
 *     longest ago go first), so that a restart takes them back instead of building them again (minutes of CPU
 *     nationally); 0 = keep none
 */
@Validated
@ConfigurationProperties("qamrov.coverage")
public record CoverageProperties(
        @DefaultValue("true") boolean computeOnStart,
        @DefaultValue("1000") @Min(0) @Max(50000) double fiberDropDistanceM,
        @DefaultValue("2019") @Min(2000) int seriesStartYear,
        @DefaultValue("true") boolean polygons,
        @DefaultValue("SLIDER") Precompute precompute,
        @DefaultValue("30") @Min(0) int precomputeQuietS,
        @DefaultValue("2019-12") String sliderFrom,
        @DefaultValue("2027-12") String sliderTo,
        @DefaultValue("60") @Min(1) int runWaitS,
        @DefaultValue("120") @Min(1) int polygonWaitS,
        @DefaultValue("5000") @Min(0) int copyMaxCellsApplied,
        @DefaultValue("10") @Min(0) @Max(19) int backgroundNice,
        @DefaultValue("1024") @Min(0) int unionStoreMb) {

    /** Dates recomputed in the background after every model generation. */
    public enum Precompute {
        NONE, TODAY, YEAR_ENDS, SLIDER
    }

    /**
     * The dates {@link #precompute} names, in the order they are computed: today first, then the year-ends behind the
     * trends, then the slider's month-ends from today outwards (the months a user is likeliest to pick first).
     */
    java.util.List<java.time.LocalDate> precomputeDates(java.time.LocalDate today) {
        java.util.Set<java.time.LocalDate> out = new java.util.LinkedHashSet<>();
        if (precompute == Precompute.NONE) {
            return java.util.List.of();
        }
        out.add(today);
        if (precompute == Precompute.TODAY) {
            return java.util.List.copyOf(out);
        }
        for (int y = seriesStartYear; y <= today.getYear(); y++) {
            out.add(java.time.LocalDate.of(y, 12, 31));
        }
        if (precompute == Precompute.SLIDER) {
            java.util.List<java.time.LocalDate> months = new java.util.ArrayList<>();
            for (var m = java.time.YearMonth.parse(sliderFrom); !m.isAfter(java.time.YearMonth.parse(sliderTo));
                    m = m.plusMonths(1)) {
                months.add(m.atEndOfMonth());
            }
            months.sort(java.util.Comparator.comparingLong(d -> Math.abs(d.toEpochDay() - today.toEpochDay())));
            out.addAll(months);
        }
        return java.util.List.copyOf(out);
    }
}
