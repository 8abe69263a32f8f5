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
 * <p>Defaults: hard sectors, no terrain. Antenna-pattern radial footprints cost ~40× the CPU of a national build
 * with sectors (147 s against 2.5–4.6 s) and terrain another ~23× per cell (docs/benchmarks.md); they stay behind
 * these switches until the footprint builder is fast enough for every import and start-up.
 */
@ConfigurationProperties("qamrov.terrain")
public record TerrainProperties(@DefaultValue("geodata/dem/uz_srtm30plus_1min.asc.gz") Path file,
        @DefaultValue("false") boolean enabled, @DefaultValue("true") boolean sectorWedges) {
}
