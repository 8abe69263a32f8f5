package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;

/**
 * Configured origins as Spring's own CORS check answers them ({@link CorsConfiguration#checkOrigin}): a ministry
 * portal listed by name may read; another site may not; an empty list allows no cross-origin reads at all; writes are
 * never allowed cross-origin. ({@code OgcApiIT} checks the default {@code *} over HTTP.)
 */
class CorsConfigTest {

    /** A registry that shows its mappings (Spring keeps them protected). */
    private static final class Registry extends CorsRegistry {
        Map<String, CorsConfiguration> mappings() {
            return getCorsConfigurations();
        }
    }

    private static Map<String, CorsConfiguration> mappings(List<String> origins) {
        Registry registry = new Registry();
        new CorsConfig(new CorsProperties(origins, 600)).addCorsMappings(registry);
        return registry.mappings();
    }

    @Test
    void aListedPortalMayReadAndNoOtherSite() {
        Map<String, CorsConfiguration> m = mappings(List.of("https://gis.example.uz", "https://*.digital.uz"));
        assertThat(m).containsOnlyKeys("/api/**", "/ogc/**", "/tiles/**", "/styles/**");
        for (CorsConfiguration c : m.values()) {
            assertThat(c.checkOrigin("https://gis.example.uz")).isEqualTo("https://gis.example.uz");
            assertThat(c.checkOrigin("https://maps.digital.uz")).isEqualTo("https://maps.digital.uz");
            assertThat(c.checkOrigin("https://evil.example.com")).isNull();
            assertThat(c.checkOrigin("http://gis.example.uz")).as("another scheme is another origin").isNull();
            assertThat(c.checkHttpMethod(HttpMethod.GET)).isNotNull();
            assertThat(c.checkHttpMethod(HttpMethod.POST)).as("writes stay same-origin").isNull();
            assertThat(c.getAllowCredentials()).isFalse();
            assertThat(c.getMaxAge()).isEqualTo(600L);
        }
    }

    @Test
    void anEmptyListAllowsNoCrossOriginRead() {
        assertThat(mappings(List.of())).isEmpty();
    }
}
