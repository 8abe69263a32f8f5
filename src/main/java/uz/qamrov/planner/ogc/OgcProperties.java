package uz.qamrov.planner.ogc;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OGC API – Features paging. GIS clients page through whole collections: GDAL's OAPIF driver takes its page size
 * from the {@code limit} parameter's default and maximum in the API definition, and reads 10 features per request
 * when they are missing (11,100 sites then take minutes instead of seconds).
 *
 * @param defaultLimit features per page when the request gives no {@code limit}
 * @param maxLimit a larger {@code limit} is clamped to this
 */
@Validated
@ConfigurationProperties("qamrov.ogc")
public record OgcProperties(@DefaultValue("1000") @Min(1) int defaultLimit, @DefaultValue("10000") @Min(1) int maxLimit) {
}
