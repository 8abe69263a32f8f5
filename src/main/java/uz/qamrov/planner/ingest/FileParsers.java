package uz.qamrov.planner.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the format (explicit {@code format=}, else extension, else content) and reads the file from disk under a
 * {@link ParseBudget}. Every reader streams its input, one row at a time: the upload is never one byte array, one string
 * or one list of features in memory.
 */
final class FileParsers {

    private FileParsers() {
    }

    /** @param head the first bytes of the file (a few KB are enough) */
    static UploadFormat detect(String fileName, String explicit, byte[] head) {
        if (explicit != null && !explicit.isBlank()) {
            return UploadFormat.of(explicit.strip()).orElseThrow(() -> FileProblems.unsupported("unsupported format '"
                    + explicit + "'; use csv, opencellid, itu-cellsite, geojson, gpkg or shapefile")
                    .withMessage("detail.unsupported-upload-format", Map.of("format", explicit)));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return UploadFormat.CSV; // refined to OpenCelliD / ITU by the header
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return UploadFormat.GEOJSON;
        }
        if (name.endsWith(".gpkg")) {
            return UploadFormat.GEOPACKAGE;
        }
        if (name.endsWith(".zip")) {
            return UploadFormat.SHAPEFILE_ZIP;
        }
        if (name.contains(".") && !name.endsWith(".")) {
            String extension = name.substring(name.lastIndexOf('.'));
            throw FileProblems.unsupported("unsupported file type '" + extension
                    + "'; upload .csv, .geojson/.json, .gpkg or a zipped shapefile (.zip)")
                    .withMessage("detail.unsupported-file-type", Map.of("extension", extension));
        }
        // no extension: look at the content
        if (head.length >= 16 && new String(head, 0, 16, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3")) {
            return UploadFormat.GEOPACKAGE;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return UploadFormat.SHAPEFILE_ZIP;
        }
        String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").strip();
        if (start.startsWith("{")) {
            return UploadFormat.GEOJSON;
        }
        boolean utf16Bom = head.length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF);
        for (int i = 0; i < Math.min(head.length, 4096) && !utf16Bom; i++) {
            if (head[i] == 0) {
                throw FileProblems.unsupported("unrecognised binary content; upload CSV, GeoJSON, GeoPackage or a"
                        + " zipped shapefile").withMessage("detail.unrecognised-binary");
            }
        }
        return UploadFormat.CSV;
    }

    /**
     * An upload ready to be read as often as needed, one row at a time ({@link FeaturePass}); {@code cleanup} deletes
     * what opening it made on disk (a shapefile's unzipped members), not the upload itself.
     */
    record Opened(FeaturePass pass, Runnable cleanup) {
    }

    /**
     * Opens the file at {@code file} for reading as a stream, whatever its format: delimited text and GeoJSON are read
     * as text, a GeoPackage through its SQLite file, a zipped shapefile from its members unzipped to disk (with the
     * limits of {@link SafeUnzip}) and its .prj resolved here, once. Nothing of the rows is read yet.
     *
     * @param table the GeoPackage feature table to read ({@code ?table=}); null for other formats or a single table
     */
    static Opened open(UploadFormat format, Path file, Layer layer, IngestProperties limits, SridResolver srids, String table) {
        if (format.isCsv() && layer != Layer.BASE_STATIONS && layer != Layer.FIBER_NODES && layer != Layer.SETTLEMENTS) {
            throw FileProblems.unsupported("layer " + layer.key + " has line or polygon geometry: upload GeoJSON, GeoPackage"
                    + " or a zipped shapefile, not CSV")
                    .withMessage("detail.csv-for-lines", Map.of("layer", layer.key));
        }
        Runnable nothing = () -> { };
        return switch (format) {
            case CSV, OPENCELLID, ITU_CELLSITE -> {
                TextDecoder.Text text = TextDecoder.detect(file);
                yield new Opened((budget, sink) -> CsvFileReader.stream(text, format, layer, budget, sink), nothing);
            }
            case GEOJSON -> {
                TextDecoder.Text text = TextDecoder.detect(file);
                yield new Opened((budget, sink) -> GeoJsonFileReader.stream(text, budget, sink), nothing);
            }
            case GEOPACKAGE -> new Opened((budget, sink) -> GeoPackageReader.stream(file, table, budget, sink), nothing);
            case SHAPEFILE_ZIP -> {
                SafeUnzip.Shapefile shp = SafeUnzip.shapefile(file, limits);
                try {
                    ShapefileReader.Projection projection = ShapefileReader.projection(shp, srids);
                    yield new Opened((budget, sink) -> ShapefileReader.stream(shp, projection, budget, sink), shp::close);
                } catch (RuntimeException e) {
                    shp.close();
                    throw e;
                }
            }
        };
    }

    /** The whole file as features, in the file's CRS (tests and tools; an upload is read through {@link #open}). */
    static ParsedFile parse(UploadFormat format, Path file, Layer layer, IngestProperties limits, SridResolver srids,
            String table) {
        Opened opened = open(format, file, layer, limits, srids, table);
        try {
            List<SourceFeature> features = new ArrayList<>();
            StreamedFile s = opened.pass().read(ParseBudget.of(limits), features::add);
            return s.header().withFeatures(features, s.header().warnings());
        } finally {
            opened.cleanup().run();
        }
    }

    /** Looks up the EPSG code of a .prj WKT (the database knows the names). */
    interface SridResolver {
        Integer fromPrj(String wkt);
    }
}
