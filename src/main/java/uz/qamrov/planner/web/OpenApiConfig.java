package uz.qamrov.planner.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document's header (springdoc builds the rest from the controllers); see docs/api.md. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI qamrovOpenApi() {
        return new OpenAPI().info(new Info().title("Qamrov planner API").version("v1")
                .description("Telecom coverage of Uzbekistan: gap lists, layers, exports, OGC API – Features and vector tiles. "
                        + "Errors are RFC 9457 problem documents; coordinates are WGS84 lon/lat with 6 decimals (~0.1 m). "
                        + "The shipped demo dataset is partly synthetic: GET /api/v1/about says which layers are real, "
                        + "derived or synthetic, with counts, and gives the attribution of GeoNames, SimpleMaps (CC BY 4.0), "
                        + "Natural Earth and SRTM30_PLUS.")
                .license(new License().name("see repository")));
    }
}
