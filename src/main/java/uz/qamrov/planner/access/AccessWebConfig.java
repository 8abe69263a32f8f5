package uz.qamrov.planner.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AccessWebConfig implements WebMvcConfigurer {

    private final AccessService access;
    private final AccessProperties properties;

    AccessWebConfig(AccessService access, AccessProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor(access, properties)).addPathPatterns("/api/**", "/ogc/**", "/tiles/**");
    }
}
