package uz.qamrov.planner.system.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The self-started PostGIS cluster, used only when no {@code spring.datasource.url} is configured.
 *
 * @param enabled start a cluster when no datasource is configured
 * @param dataDir where the cluster keeps its data between runs; relative paths are against the working directory,
 *     so two checkouts never share a cluster
 * @param database the database the service uses inside that cluster
 * @param watchdogInterval how often the service checks that its cluster still runs, and restarts it if not
 */
@ConfigurationProperties("qamrov.embedded-db")
public record EmbeddedDbProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(".qamrov/pgdata") Path dataDir,
        @DefaultValue("qamrov") String database,
        @DefaultValue("5s") java.time.Duration watchdogInterval) {
}
