package uz.qamrov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Qamrov: telecom coverage planner over PostGIS. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QamrovApplication {

    public static void main(String[] args) {
        SpringApplication.run(QamrovApplication.class, args);
    }
}
