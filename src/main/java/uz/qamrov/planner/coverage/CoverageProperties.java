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
 * @param polygons compute the dissolved coverage polygons of today's run right after start (other dates: when a map,
 *     tile or export first asks for them)
 */
@Validated
@ConfigurationProperties("qamrov.coverage")
public record CoverageProperties(
        @DefaultValue("true") boolean computeOnStart,
        @DefaultValue("1000") @Min(0) @Max(50000) double fiberDropDistanceM,
        @DefaultValue("2019") @Min(2000) int seriesStartYear,
        @DefaultValue("true") boolean polygons) {
}
