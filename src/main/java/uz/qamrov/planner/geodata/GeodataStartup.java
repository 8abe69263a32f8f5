package uz.qamrov.planner.geodata;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On start, loads whatever part of {@code geodata/} the database does not have yet (nothing on a second start). */
@Component
@Order(10)
class GeodataStartup implements ApplicationRunner {

    private final GeodataLoader loader;
    private final GeodataProperties properties;

    GeodataStartup(GeodataLoader loader, GeodataProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.loadOnStart()) {
            loader.loadMissingLayers(properties.dir());
        }
    }
}
