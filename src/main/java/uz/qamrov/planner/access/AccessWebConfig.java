package uz.qamrov.planner.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AccessWebConfig implements WebMvcConfigurer {

    private final AccessService access;
    private final AccessProperties properties;
    private final RateLimitProperties rateLimits;

    AccessWebConfig(AccessService access, AccessProperties properties, RateLimitProperties rateLimits) {
        this.access = access;
        this.properties = properties;
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor(access, properties)).addPathPatterns("/api/**", "/ogc/**", "/tiles/**");
        if (rateLimits.enabled()) {
            // after the access interceptor (registration order), so the caller's token is known
            registry.addInterceptor(new RateLimitInterceptor(rateLimits)).addPathPatterns("/api/**");
        }
    }

    /** Only when reads are closed: the actuator (but its probes) and the OpenAPI/Swagger UI then need a token too. */
    @Bean
    FilterRegistrationBean<ClosedReadsFilter> closedReadsFilter(ObjectMapper json) {
        FilterRegistrationBean<ClosedReadsFilter> bean = new FilterRegistrationBean<>(new ClosedReadsFilter(access, json));
        bean.setEnabled(!properties.openReads());
        bean.addUrlPatterns("/actuator", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*", "/v3/api-docs.yaml",
                "/swagger-ui.html", "/swagger-ui/*");
        bean.setName("qamrovClosedReads");
        return bean;
    }
}
