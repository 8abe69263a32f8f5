package uz.qamrov.planner.terrain;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The elevation model the coverage run uses. {@code file}: an ESRI ASCII grid ({@code .asc}, optionally gzip'd) in
 * WGS84; the default is the national SRTM30_PLUS grid shipped in {@code geodata/dem/}. An empty value or a missing
 * file means flat earth, which the run's metadata then states. {@code sectorWedges}: true replaces antenna-pattern
 * radial footprints by the former hard sectors without terrain (for comparisons with wedge-based oracles).
 */
@ConfigurationProperties("qamrov.terrain")
public record TerrainProperties(@DefaultValue("geodata/dem/uz_srtm30plus_1min.asc.gz") Path file,
        @DefaultValue("true") boolean enabled, @DefaultValue("false") boolean sectorWedges) {
}
