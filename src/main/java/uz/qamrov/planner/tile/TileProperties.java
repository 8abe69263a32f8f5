package uz.qamrov.planner.tile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Vector tiles ({@code /tiles/{collection}/{z}/{x}/{y}.mvt}).
 *
 * @param maxZoom deepest zoom served; deeper requests are 400
 */
@Validated
@ConfigurationProperties("qamrov.tiles")
public record TileProperties(@DefaultValue("18") @Min(0) @Max(24) int maxZoom) {
}
