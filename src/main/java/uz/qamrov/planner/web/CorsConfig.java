package uz.qamrov.planner.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin reads, so that a MapLibre or OpenLayers page on another site (a ministry portal) can use the tiles,
 * TileJSON, styles, OGC API and read API. Only GET/HEAD (and their preflight OPTIONS) are allowed: uploads and user
 * management stay same-origin. No credentials are allowed cross-origin; a token goes in the Authorization header,
 * which is why that header is allowed.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig implements WebMvcConfigurer {

    private final CorsProperties cors;

    CorsConfig(CorsProperties cors) {
        this.cors = cors;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (cors.allowedOrigins().isEmpty()) {
            return;
        }
        for (String path : List.of("/api/**", "/ogc/**", "/tiles/**", "/styles/**")) {
            registry.addMapping(path).allowedOriginPatterns(cors.allowedOrigins().toArray(String[]::new))
                    .allowedMethods("GET", "HEAD").allowedHeaders("Authorization", "Accept", "Accept-Language", "Content-Type")
                    .exposedHeaders("Content-Disposition", "Link", "X-Total-Count", "ETag").allowCredentials(false).maxAge(cors.maxAgeSeconds());
        }
    }
}
