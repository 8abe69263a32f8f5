package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Runs the readers on bytes, as {@link IngestService} does after copying an upload to disk. */
final class ReaderTestSupport {

    /** Without a database: the WKT's EPSG authority, else 4326 for any named CRS (readers do not reproject). */
    static final FileParsers.SridResolver SRIDS = wkt -> {
        Integer code = Crs.fromWktAuthority(wkt);
        return code != null ? code : Crs.wktName(wkt) != null ? Crs.WGS84 : null;
    };

    private ReaderTestSupport() {
    }

    static IngestProperties limits(int maxRows, int maxUnzippedMb, long maxVertices, int maxParseSeconds) {
        return new IngestProperties(50, maxRows, 20, maxUnzippedMb, 10, ZoneId.of("Asia/Tashkent"), 2, 30, 1000, maxVertices,
                maxParseSeconds, 2, 10, 20000, 4, 50_000);
    }

    static IngestProperties limits() {
        return limits(1000, 16, 100_000, 10);
    }

    static ParsedFile parse(String fileName, byte[] bytes, Layer layer) {
        return parse(fileName, bytes, layer, limits(), null);
    }

    static ParsedFile parse(String fileName, byte[] bytes, Layer layer, IngestProperties limits, String table) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("reader-test", ".bin");
            Files.write(tmp, bytes);
            UploadFormat format = FileParsers.detect(fileName, null, TextDecoder.head(tmp, 4096));
            return FileParsers.parse(format, tmp, layer, limits, SRIDS, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }
}
