package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An upload's rows as an import job reads them, once per pass. Delimited text (Qamrov CSV, OpenCelliD, ITU) and
 * GeoJSON are kept on disk and read again as a stream on every pass, so a job holds no more of the file than the chunk
 * it is validating; a GeoJSON with a legacy {@code crs} other than WGS84 is reprojected on the way, in batches of
 * {@value Reprojection#BATCH} features. The other formats (GeoPackage, Shapefile) are held as the features their reader
 * returned. A column mapping applies to each row as it is read. {@link #close()} deletes the kept file.
 */
final class RowSource implements AutoCloseable {

    private static final int JOB_PASS_SECONDS = 24 * 3600;

    private final ParsedFile header;
    private final int size;
    private final Path file;
    private final TextDecoder.Text text;
    private final Layer layer;
    private final IngestProperties limits;
    private final UnaryOperator<SourceFeature> transform;
    private final Reprojection.Transformer reprojector;

    private RowSource(ParsedFile header, int size, Path file, TextDecoder.Text text, Layer layer, IngestProperties limits,
            UnaryOperator<SourceFeature> transform, Reprojection.Transformer reprojector) {
        this.reprojector = reprojector;
        this.header = header;
        this.size = size;
        this.file = file;
        this.text = text;
        this.layer = layer;
        this.limits = limits;
        this.transform = transform;
    }

    /** Rows held in memory (every format but delimited text). */
    static RowSource inMemory(ParsedFile parsed) {
        return new RowSource(parsed, parsed.features().size(), null, null, null, null, UnaryOperator.identity(), null);
    }

    /**
     * Delimited text or GeoJSON kept at {@code file} (now owned by this source) and read again on each pass.
     *
     * @param header the first read's header: format (dialect), columns, CRS, notes; no features
     * @param reprojector reprojects the features of a header whose SRID is not 4326
     */
    static RowSource streamed(Path file, TextDecoder.Text text, ParsedFile header, int rows, Layer layer, IngestProperties limits,
            Reprojection.Transformer reprojector) {
        return new RowSource(header, rows, file, text, layer, limits, UnaryOperator.identity(), reprojector);
    }

    /** This source with {@code f} applied to each row after what applies already (a column mapping). */
    RowSource mapped(UnaryOperator<SourceFeature> f) {
        UnaryOperator<SourceFeature> before = transform;
        return new RowSource(header, size, file, text, layer, limits, r -> f.apply(before.apply(r)), reprojector);
    }

    /** This source with other notes for the report. */
    RowSource withWarnings(List<String> warnings) {
        return new RowSource(header.withFeatures(header.features(), warnings), size, file, text, layer, limits, transform,
                reprojector);
    }

    /** Each row in file order; streamed sources read the file again (a malformed file fails as on the first read). */
    void forEach(Consumer<SourceFeature> sink) {
        if (file == null) {
            header.features().forEach(f -> sink.accept(transform.apply(f)));
        } else {
            // the request's read stayed within max-parse-seconds; a job's pass also validates and writes as it reads, so
            // its time is the job's (rows stay bounded by max-rows)
            ParseBudget budget = new ParseBudget(limits.maxRows(), limits.maxVertices(), JOB_PASS_SECONDS);
            Consumer<SourceFeature> mapped = f -> sink.accept(transform.apply(f));
            if (header.format() != UploadFormat.GEOJSON) {
                CsvFileReader.stream(text, header.format(), layer, budget, mapped);
            } else if (header.srid() == Crs.WGS84) {
                GeoJsonFileReader.stream(text, budget, mapped);
            } else {
                List<SourceFeature> batch = new ArrayList<>(Reprojection.BATCH);
                Runnable flush = () -> {
                    Reprojection.toWgs84(batch, header.srid(), reprojector).forEach(mapped);
                    batch.clear();
                };
                GeoJsonFileReader.stream(text, budget, f -> {
                    batch.add(f);
                    if (batch.size() == Reprojection.BATCH) {
                        flush.run();
                    }
                });
                flush.run();
            }
        }
    }

    /** The file as its reader returned it (in-memory sources only). */
    ParsedFile parsed() {
        if (file != null) {
            throw new IllegalStateException("a streamed source holds no features");
        }
        return header;
    }

    boolean streamed() {
        return file != null;
    }

    int size() {
        return size;
    }

    UploadFormat format() {
        return header.format();
    }

    List<String> warnings() {
        return header.warnings();
    }

    List<String> columns() {
        return header.columns();
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
