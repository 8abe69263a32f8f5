package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import uz.qamrov.planner.ingest.validate.ColumnMapping;
import uz.qamrov.planner.ingest.validate.TruncatedNames;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ProblemTypes;

/**
 * The first read of an upload, inside the request: what makes the whole file unusable (format, structure, CRS, too
 * many rows: a 4xx at once) and how many rows it has. Every format is read as a stream and kept on disk for the job to
 * read again ({@link RowSource}): delimited text and GeoJSON as uploaded, a GeoPackage as its SQLite file, a zipped
 * shapefile as its unzipped members; nothing of the rows is held.
 */
@Component
class UploadReader {

    private final IngestProperties properties;
    private final IngestRepository repository;
    private final Semaphore parseSlots;

    UploadReader(IngestProperties properties, IngestRepository repository) {
        this.properties = properties;
        this.repository = repository;
        this.parseSlots = new Semaphore(properties.parseSlots(), true);
    }

    /** The upload's rows, ready for the job (which then owns the source); shapefile column names read as mapped. */
    RowSource read(MultipartFile file, Layer layer, String formatParam, String table, ColumnMapping mapping) {
        RowSource source = readBounded(file, layer, formatParam, table);
        try {
            return source.format() == UploadFormat.SHAPEFILE_ZIP ? withCutNamesResolved(source, layer, mapping) : source;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Copies the upload to a private temporary file (the multipart part may be in memory) and reads it there, in one
     * of {@code parse-slots}: a slot is waited for at most {@code parse-wait-seconds}, then the upload gets 503, so
     * hostile or huge files queue behind each other instead of starving the other requests of CPU and heap.
     */
    private RowSource readBounded(MultipartFile file, Layer layer, String formatParam, String table) {
        boolean acquired;
        try {
            acquired = parseSlots.tryAcquire(properties.parseWaitSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TOO_MANY_REQUESTS,
                    "other uploads are being read; retry in a few seconds", Map.of(), java.time.Duration.ofSeconds(5))
                    .withMessage("detail.uploads-busy");
        }
        Path tmp = null;
        boolean kept = false;
        try {
            tmp = Files.createTempFile("qamrov-upload", ".bin");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            UploadFormat format = FileParsers.detect(file.getOriginalFilename(), formatParam, TextDecoder.head(tmp, 4096));
            FileParsers.Opened opened = FileParsers.open(format, tmp, layer, properties, this::sridOfPrj, table);
            try {
                // read here for the file-level checks and the row count only (nothing is kept); the job reads it again
                StreamedFile first = opened.pass().read(ParseBudget.of(properties), f -> { });
                ParsedFile header = first.header();
                if (header.srid() != Crs.WGS84) {
                    requireKnown(header.srid());
                    List<String> warnings = new ArrayList<>(header.warnings());
                    warnings.add(Reprojection.note(header.srid()));
                    header = header.withFeatures(List.of(), warnings);
                }
                Path upload = tmp;
                Runnable cleanup = () -> {
                    opened.cleanup().run();
                    upload.toFile().delete();
                };
                RowSource source = RowSource.of(opened.pass(), cleanup, header, first.rows(), properties,
                        repository::transformTo4326);
                kept = true;
                return source;
            } catch (RuntimeException e) {
                opened.cleanup().run();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parseSlots.release();
            if (tmp != null && !kept) {
                tmp.toFile().delete();
            }
        }
    }

    /**
     * A shapefile's 10-character column names read as the fields they were cut from ({@link TruncatedNames}), each
     * rename stated in the report and applied to every row as the job reads it; an ambiguous one is a 400 naming the
     * column and the fields it could be.
     */
    private static RowSource withCutNamesResolved(RowSource source, Layer layer, ColumnMapping mapping) {
        Map<String, String> renames;
        try {
            renames = TruncatedNames.forShapefile(source.columns(), layer, mapping);
        } catch (TruncatedNames.Ambiguous e) {
            throw FileProblems.invalid(e.getMessage(), Map.of("column", e.column(), "candidates", e.candidates()))
                    .withMessage(e.messageKey(), e.messageArgs());
        }
        if (renames.isEmpty()) {
            return source;
        }
        List<String> warnings = new ArrayList<>(source.warnings());
        renames.forEach((column, field) -> warnings.add("shapefile column '" + column + "' read as " + field
                + " (dBASE field names hold at most " + TruncatedNames.DBF_NAME_CHARS + " characters)"));
        return source.withHeader(source.header().withColumnsRenamed(renames, warnings)).mapped(f -> f.renamed(renames));
    }

    private Integer sridOfPrj(String wkt) {
        Integer code = Crs.fromWktAuthority(wkt);
        if (code == null) {
            String name = Crs.wktName(wkt);
            if (name != null && name.matches("wgs84|wgs1984|gcswgs1984")) {
                code = Crs.WGS84;
            } else if (name != null) {
                code = repository.sridByNormalisedName(name).orElse(null);
            }
        }
        return code;
    }

    private void requireKnown(int srid) {
        if (!repository.sridExists(srid)) {
            throw FileProblems.invalid("the file's CRS EPSG:" + srid + " is not known to PostGIS")
                    .withMessage("detail.unknown-crs-srid", Map.of("srid", srid));
        }
    }
}
