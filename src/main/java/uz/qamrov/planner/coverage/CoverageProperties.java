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
 *     broadband; 2 km is what a last-mile drop (FTTx distribution cable) typically reaches without a new node
 * @param seriesStartYear first year-end of the indicator series behind the target trends
 * @param polygons store dissolved coverage polygons per technology, operator and region with each run
 */
@Validated
@ConfigurationProperties("qamrov.coverage")
public record CoverageProperties(
        @DefaultValue("true") boolean computeOnStart,
        @DefaultValue("2000") @Min(0) @Max(50000) double fiberDropDistanceM,
        @DefaultValue("2019") @Min(2000) int seriesStartYear,
        @DefaultValue("true") boolean polygons) {
}
