package uz.qamrov.planner.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin reads ({@link CorsConfig}).
 *
 * @param allowedOrigins origin patterns allowed to read cross-origin, e.g. {@code https://gis.example.uz}; {@code *} =
 *     any (the default: what is readable without a token is open data); empty = no cross-origin reads
 * @param maxAgeSeconds how long a browser may cache a preflight answer
 */
@ConfigurationProperties("qamrov.cors")
public record CorsProperties(@DefaultValue("*") List<String> allowedOrigins, @DefaultValue("3600") long maxAgeSeconds) {
}
