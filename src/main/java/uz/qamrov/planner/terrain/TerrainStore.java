package uz.qamrov.planner.terrain;

import java.io.IOException;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.system.FileSha256;

/**
 * Holds the DEM: a file the service owns (configured by {@link TerrainProperties}), read once on first use. Why a
 * file and not PostGIS raster: the engine needs the whole grid in memory (1,140 × 540 floats = 2.5 MB nationally,
 * ~0.25 GB for SRTM 90 m), the raster extension is not installed with the project's PostGIS, and a file keeps the
 * import a plain copy. Thread-safe.
 */
@Service
@EnableConfigurationProperties(TerrainProperties.class)
public class TerrainStore {

    private static final Logger log = LoggerFactory.getLogger(TerrainStore.class);

    private final TerrainProperties properties;
    private volatile Dem dem;
    private volatile boolean loaded;
    private volatile String fingerprint;

    public TerrainStore(TerrainProperties properties) {
        this.properties = properties;
    }

    /** Radial pattern footprints (default) or, with {@code qamrov.terrain.sector-wedges}, hard sectors. */
    public uz.qamrov.engine.radio.RadioSettings radioSettings() {
        return properties.sectorWedges() ? uz.qamrov.engine.radio.RadioSettings.WEDGES
                : uz.qamrov.engine.radio.RadioSettings.DEFAULTS;
    }

    /** The DEM, or null for flat earth (disabled, no file, or a file that failed validation — logged once). */
    public Dem dem() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    dem = load();
                    loaded = true;
                }
            }
        }
        return dem;
    }

    /**
     * What the footprints' terrain is: "flat" without a DEM, else a SHA-256 of the DEM file's bytes (read once), so a
     * restart on another DEM under the same name is known to change the answers.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = dem() == null ? "flat" : fileDigest(properties.file());
            fingerprint = f;
        }
        return f;
    }

    private static String fileDigest(java.nio.file.Path file) {
        try {
            return "dem:" + FileSha256.of(file);
        } catch (java.io.UncheckedIOException e) {
            // a DEM that loaded but cannot be read again: a fingerprint of its own, so nothing is taken as unchanged
            return "dem-unreadable:" + System.nanoTime();
        }
    }

    private Dem load() {
        if (!properties.enabled() || properties.sectorWedges() || properties.file() == null || !Files.isRegularFile(properties.file())) {
            log.info("terrain: no DEM ({}), footprints use flat earth", properties.file());
            return null;
        }
        try {
            Dem d = DemFiles.read(properties.file()); // GeoTIFF or ESRI ASCII grid, by its signature
            log.info("terrain: DEM {} loaded, {} × {} cells of {}°", properties.file(), d.cols(), d.rows(), d.cellDeg());
            return d;
        } catch (IOException | RuntimeException e) {
            log.warn("terrain: DEM {} not usable ({}), footprints use flat earth", properties.file(), e.getMessage());
            return null;
        }
    }
}
