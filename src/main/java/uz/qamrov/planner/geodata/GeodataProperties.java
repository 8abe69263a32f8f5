package uz.qamrov.planner.geodata;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The national dataset shipped in {@code geodata/}.
 *
 * @param dir where the dataset files are; relative to the working directory
 * @param loadOnStart load every layer not loaded yet when the service starts
 */
@ConfigurationProperties("qamrov.geodata")
public record GeodataProperties(@DefaultValue("geodata") Path dir, @DefaultValue("true") boolean loadOnStart) {
}
