package uz.qamrov.planner.revalidation;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RevalidationConfig implements WebMvcConfigurer {

    private final ReadVersion version;

    RevalidationConfig(ReadVersion version) {
        this.version = version;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // last: a 304 is only for a caller the access and rate-limit interceptors let through
        registry.addInterceptor(new RevalidatingReads(version)).addPathPatterns("/api/**", "/ogc/**", "/tiles/**")
                .order(Ordered.LOWEST_PRECEDENCE);
    }
}
