package uz.qamrov.planner.terrain;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The elevation model the coverage run uses. {@code file}: an ESRI ASCII grid ({@code .asc}) or a single-band GeoTIFF
 * (SRTM 30/90 m), optionally gzip'd, in WGS84 (EPSG:4326), told apart by their first bytes ({@link DemFiles}); the
 * default is the national SRTM30_PLUS grid shipped in {@code geodata/dem/}. An empty value or a missing file means
 * flat earth, which the run's metadata then states. {@code sectorWedges}: true replaces antenna-pattern
 * radial footprints by the former hard sectors without terrain (for comparisons with wedge-based oracles).
 *
 * <p>Defaults: antenna-pattern radial footprints with terrain (issue #11), since a national build with terrain costs
 * ~50 s of CPU, no longer ~40× the wedges' (docs/benchmarks.md, fifth pass). {@code enabled=false} keeps the
 * pattern radials over flat earth; {@code sectorWedges=true} goes back to the former hard sectors (no terrain).
 */
@ConfigurationProperties("qamrov.terrain")
public record TerrainProperties(@DefaultValue("geodata/dem/uz_srtm30plus_1min.asc.gz") Path file,
        @DefaultValue("true") boolean enabled, @DefaultValue("false") boolean sectorWedges) {
}
