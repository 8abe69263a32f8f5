package uz.qamrov.planner.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits on the expensive requests: uploads ({@code POST /api/v1/uploads/**}) and exports
 * ({@code /api/v1/exports/**}, {@code /api/v1/coverage.geojson}, {@code /api/v1/maps/**}). Each is limited per
 * token (per user) and per client IP address; over the limit the answer is 429 with {@code Retry-After}. Limits
 * are per minute, with bursts up to the same number.
 *
 * @param enabled turn all limits off (tests of other features; a trusted single-user setup)
 */
@ConfigurationProperties("qamrov.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") int uploadsPerMinutePerToken,
        @DefaultValue("30") int uploadsPerMinutePerIp,
        @DefaultValue("30") int exportsPerMinutePerToken,
        @DefaultValue("60") int exportsPerMinutePerIp) {
}
