package uz.qamrov.planner.export;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rendered region maps ({@code /api/v1/maps/{region}.png}).
 *
 * @param width image width in pixels
 * @param height image height in pixels
 */
@Validated
@ConfigurationProperties("qamrov.maps")
public record MapProperties(@DefaultValue("1200") @Min(200) @Max(8000) int width,
        @DefaultValue("900") @Min(200) @Max(8000) int height) {
}
