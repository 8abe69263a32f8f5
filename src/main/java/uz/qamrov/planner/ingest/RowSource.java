package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An upload's rows as an import job reads them, once per pass. Every format is kept on disk (delimited text and
 * GeoJSON as uploaded, a GeoPackage as its SQLite file, a shapefile as its unzipped members) and read again as a stream
 * on every pass ({@link FeaturePass}), so a job holds no more of the file than the chunk it is validating. A file
 * whose CRS is not WGS84 is reprojected on the way, in batches of {@value Reprojection#BATCH} features. A column
 * mapping applies to each row as it is read. {@link #close()} deletes what the source kept on disk.
 */
final class RowSource implements AutoCloseable {

    private static final int JOB_PASS_SECONDS = 24 * 3600;

    private final ParsedFile header;
    private final int size;
    private final FeaturePass pass;
    private final Runnable cleanup;
    private final IngestProperties limits;
    private final UnaryOperator<SourceFeature> transform;
    private final Reprojection.Transformer reprojector;

    private RowSource(ParsedFile header, int size, FeaturePass pass, Runnable cleanup, IngestProperties limits,
            UnaryOperator<SourceFeature> transform, Reprojection.Transformer reprojector) {
        this.header = header;
        this.size = size;
        this.pass = pass;
        this.cleanup = cleanup;
        this.limits = limits;
        this.transform = transform;
        this.reprojector = reprojector;
    }

    /**
     * A file read again on each pass; this source now owns what {@code cleanup} deletes.
     *
     * @param header the first read's header: format (dialect), columns, CRS, notes; no features
     * @param reprojector reprojects the features of a header whose SRID is not 4326
     */
    static RowSource of(FeaturePass pass, Runnable cleanup, ParsedFile header, int rows, IngestProperties limits,
            Reprojection.Transformer reprojector) {
        return new RowSource(header, rows, pass, cleanup, limits, UnaryOperator.identity(), reprojector);
    }

    /** This source with {@code f} applied to each row after what applies already (a column mapping). */
    RowSource mapped(UnaryOperator<SourceFeature> f) {
        UnaryOperator<SourceFeature> before = transform;
        return new RowSource(header, size, pass, cleanup, limits, r -> f.apply(before.apply(r)), reprojector);
    }

    /** This source with another header (other notes for the report, columns read under other names). */
    RowSource withHeader(ParsedFile other) {
        return new RowSource(other, size, pass, cleanup, limits, transform, reprojector);
    }

    /** This source with other notes for the report. */
    RowSource withWarnings(List<String> warnings) {
        return withHeader(header.withFeatures(header.features(), warnings));
    }

    /** Each row in file order, reading the file again (a malformed file fails as on the first read). */
    void forEach(Consumer<SourceFeature> sink) {
        // the request's read stayed within max-parse-seconds; a job's pass also validates and writes as it reads, so
        // its time is the job's (rows stay bounded by max-rows)
        ParseBudget budget = new ParseBudget(limits.maxRows(), limits.maxVertices(), JOB_PASS_SECONDS);
        Consumer<SourceFeature> mapped = f -> sink.accept(transform.apply(f));
        if (header.srid() == Crs.WGS84) {
            pass.read(budget, mapped);
            return;
        }
        List<SourceFeature> batch = new ArrayList<>(Reprojection.BATCH);
        Runnable flush = () -> {
            Reprojection.toWgs84(batch, header.srid(), reprojector).forEach(mapped);
            batch.clear();
        };
        pass.read(budget, f -> {
            batch.add(f);
            if (batch.size() == Reprojection.BATCH) {
                flush.run();
            }
        });
        flush.run();
    }

    /** The first read's header: format, columns, CRS, notes (no features). */
    ParsedFile header() {
        return header;
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
        cleanup.run();
    }
}
