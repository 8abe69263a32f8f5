package uz.qamrov.planner.ingest;

import java.util.Arrays;
import java.util.Optional;

/** File formats an upload may have; {@code format=} takes the key, otherwise the extension and content decide. */
public enum UploadFormat {
    CSV("csv"),
    OPENCELLID("opencellid"),
    ITU_CELLSITE("itu-cellsite"),
    GEOJSON("geojson"),
    GEOPACKAGE("gpkg"),
    SHAPEFILE_ZIP("shapefile");

    final String key;

    UploadFormat(String key) {
        this.key = key;
    }

    boolean isCsv() {
        return this == CSV || this == OPENCELLID || this == ITU_CELLSITE;
    }

    static Optional<UploadFormat> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key)).findFirst();
    }
}
