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
        @DefaultValue("5000") @Min(0) int copyMaxCellsApplied) {

    /** Dates recomputed in the background after every model generation. */
    public enum Precompute {
        NONE, TODAY, YEAR_ENDS, SLIDER
    }
}
