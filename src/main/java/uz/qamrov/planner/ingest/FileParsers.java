package uz.qamrov.planner.ingest;

import java.util.Locale;
import java.util.Set;

/** Picks the format (explicit {@code format=}, else extension, else content) and reads the file. */
final class FileParsers {

    private static final Set<UploadFormat> CSV_LAYERS_ALLOWED = Set.of(UploadFormat.CSV, UploadFormat.OPENCELLID,
            UploadFormat.ITU_CELLSITE);

    private FileParsers() {
    }

    static UploadFormat detect(String fileName, String explicit, byte[] bytes) {
        if (explicit != null && !explicit.isBlank()) {
            return UploadFormat.of(explicit.strip()).orElseThrow(() -> FileProblems.unsupported(
                    "unsupported format '" + explicit + "'; use csv, opencellid, itu-cellsite, geojson, gpkg or shapefile"));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return UploadFormat.CSV; // refined to OpenCelliD / ITU by the header
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return UploadFormat.GEOJSON;
        }
        if (name.endsWith(".gpkg")) {
            return UploadFormat.GEOPACKAGE;
        }
        if (name.endsWith(".zip") || name.endsWith(".shp.zip")) {
            return UploadFormat.SHAPEFILE_ZIP;
        }
        if (name.contains(".") && !name.endsWith(".")) {
            throw FileProblems.unsupported("unsupported file type '" + name.substring(name.lastIndexOf('.'))
                    + "'; upload .csv, .geojson/.json, .gpkg or a zipped shapefile (.zip)");
        }
        // no extension: look at the content
        if (bytes.length >= 16 && new String(bytes, 0, 16, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("SQLite format 3")) {
            return UploadFormat.GEOPACKAGE;
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return UploadFormat.SHAPEFILE_ZIP;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").strip();
        if (head.startsWith("{")) {
            return UploadFormat.GEOJSON;
        }
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                throw FileProblems.unsupported("unrecognised binary content; upload CSV, GeoJSON, GeoPackage or a zipped shapefile");
            }
        }
        return UploadFormat.CSV;
    }

    static ParsedFile parse(UploadFormat format, byte[] bytes, Layer layer, IngestProperties limits, SridResolver srids) {
        if (format.isCsv() && layer != Layer.BASE_STATIONS && layer != Layer.FIBER_NODES && layer != Layer.SETTLEMENTS) {
            throw FileProblems.unsupported("layer " + layer.key + " has line or polygon geometry: upload GeoJSON, GeoPackage"
                    + " or a zipped shapefile, not CSV");
        }
        return switch (format) {
            case CSV, OPENCELLID, ITU_CELLSITE -> {
                String text = TextDecoder.utf8(bytes);
                UploadFormat dialect = format == UploadFormat.CSV ? CsvFileReader.sniff(text) : format;
                if (dialect != UploadFormat.CSV && layer != Layer.BASE_STATIONS) {
                    throw FileProblems.unsupported(dialect.key + " files hold base stations, not " + layer.key);
                }
                if (dialect == UploadFormat.CSV) {
                    requireColumns(text, layer);
                }
                yield CsvFileReader.read(text, dialect, limits.maxRows());
            }
            case GEOJSON -> GeoJsonFileReader.read(TextDecoder.utf8(bytes), limits.maxRows());
            case GEOPACKAGE -> GeoPackageReader.read(bytes, limits.maxRows());
            case SHAPEFILE_ZIP -> ShapefileReader.read(SafeUnzip.shapefile(bytes, limits), limits.maxRows(), srids);
        };
    }

    /** Qamrov's own CSV must name its required columns in the header (an operator column is optional). */
    private static void requireColumns(String text, Layer layer) {
        var header = CsvFileReader.headerColumns(text);
        Set<String> required = switch (layer) {
            case BASE_STATIONS -> Set.of("site_id", "cell_id", "lon", "lat", "technology", "band_mhz", "antenna_height_m");
            case FIBER_NODES -> Set.of("node_id", "lon", "lat", "kind");
            case SETTLEMENTS -> Set.of("external_id", "name_uz_latn", "lon", "lat", "population");
            default -> Set.of();
        };
        if (header.size() == 1 && header.get(0).contains(";")) {
            return; // the reader reports the delimiter
        }
        var missing = required.stream().filter(c -> !header.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw FileProblems.invalid("missing required column(s) " + missing + " for layer " + layer.key,
                    java.util.Map.of("missingColumns", missing));
        }
    }

    /** Looks up the EPSG code of a .prj WKT (the database knows the names). */
    interface SridResolver {
        Integer fromPrj(String wkt);
    }
}
