package uz.qamrov.planner.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ListSupport {

    @Bean
    ListWriter listWriter(ObjectMapper json) {
        return new ListWriter(json);
    }
}
