package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A minimal ESRI shapefile reader (JTS has none and GeoTools is unavailable): points, multipoints, polylines and
 * polygons, including their Z and M variants (Z/M are dropped). Attributes come from the .dbf ({@link DbfReader}).
 * Without a .prj the data is assumed to be WGS84 and a warning says so. Records are read one at a time and handed on
 * ({@link #stream}): an upload's job reads the unzipped members again on every pass and keeps none of them.
 *
 * <p>The file is hostile until proven otherwise: both files are memory-mapped (nothing of their size lands on the
 * heap), and every count or length read from them (record length, numParts, numPoints, part offsets, .dbf record
 * count and length) is checked against the bytes actually present, and against the {@link ParseBudget}, before
 * anything is allocated for it. A structurally broken record is a file problem (400); a record whose bytes are
 * there but describe an unusable geometry (too few points, an open ring, NaN) is a row error of that feature.
 */
final class ShapefileReader {

    private static final GeometryFactory GF = new GeometryFactory();

    private ShapefileReader() {
    }

    /** A shapefile's CRS as read from its .prj (or assumed), with the note about it for the report. */
    record Projection(int srid, List<String> warnings) {
    }

    /** The whole file as features (tests and tools; an upload is read as a stream by {@link #stream}). */
    static ParsedFile read(SafeUnzip.Shapefile shp, ParseBudget budget, FileParsers.SridResolver srids) {
        List<SourceFeature> features = new ArrayList<>();
        StreamedFile s = stream(shp, projection(shp, srids), budget, features::add);
        return s.header().withFeatures(features, s.header().warnings());
    }

    /**
     * The CRS of the .prj, resolved once (at the request: a name may need the database), so that the job's passes
     * over the records do not look it up again.
     */
    static Projection projection(SafeUnzip.Shapefile shp, FileParsers.SridResolver srids) {
        byte[] prj = shp.small("prj", 64 * 1024);
        if (prj == null) {
            return new Projection(Crs.WGS84, List.of("no .prj in the zip: coordinates assumed to be WGS84 lon/lat (EPSG:4326)"));
        }
        String wkt = new String(prj, StandardCharsets.UTF_8).strip();
        Integer code = srids.fromPrj(wkt);
        if (code == null) {
            throw FileProblems.invalid("the .prj names a CRS that could not be identified: " + abbreviate(wkt))
                    .withMessage("detail.prj-unknown", Map.of("wkt", abbreviate(wkt)));
        }
        return new Projection(code, List.of());
    }

    /**
     * Reads the records one at a time, each .shp shape with its .dbf row, handing each feature to {@code sink} as
     * soon as it is read and keeping none: the files are mapped, not loaded, so a caller that keeps nothing reads any
     * size in constant heap (the import job reads a shapefile upload this way, once per pass). The structural checks
     * (header, truncation, a .shp/.dbf count mismatch, no features) fail with a 4xx; some only at the end of the
     * stream, which the request's first read reaches before anything is imported.
     */
    static StreamedFile stream(SafeUnzip.Shapefile shp, Projection projection, ParseBudget budget, Consumer<SourceFeature> sink) {
        ByteBuffer shpBytes = map(shp.parts().get("shp"));
        ByteBuffer dbfBytes = map(shp.parts().get("dbf"));
        DbfReader dbf = new DbfReader(dbfBytes, charset(shp.small("cpg", 1024), dbfBytes), budget);
        Shapes shapes = new Shapes(shpBytes, budget);
        int kept = 0;
        int deleted = 0;
        int record = 0;
        while (shapes.hasNext()) {
            record++;
            if (record > dbf.records()) {
                throw FileProblems.invalid("the .shp has more shapes than the .dbf has records (" + dbf.records() + ")")
                        .withMessage("detail.shp-more-shapes", Map.of("records", dbf.records()));
            }
            Shapes.Shape s = shapes.next();
            DbfReader.Row row = dbf.row(record - 1);
            if (row.deleted()) {
                deleted++; // a deleted .dbf record deletes its shape too
                continue;
            }
            budget.row(kept);
            kept++;
            String error = s.error() != null ? s.error()
                    : s.geometry() == null ? "the feature has no geometry (null shape)" : null;
            sink.accept(new SourceFeature(record, row.attrs(), s.error() == null ? s.geometry() : null, error));
        }
        if (record != dbf.records()) {
            throw FileProblems.invalid("the .shp has " + record + " shapes but the .dbf " + dbf.records() + " records")
                    .withMessage("detail.shp-dbf-count", Map.of("shapes", record, "records", dbf.records()));
        }
        if (kept == 0) {
            throw FileProblems.invalid("the shapefile has no features").withMessage("detail.shapefile-no-features");
        }
        List<String> warnings = new ArrayList<>(projection.warnings());
        if (deleted > 0) {
            warnings.add(deleted + " record(s) marked deleted in the .dbf were skipped");
        }
        return new StreamedFile(new ParsedFile(UploadFormat.SHAPEFILE_ZIP, List.of(), projection.srid(), warnings, dbf.names()),
                kept);
    }

    private static ByteBuffer map(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    static Charset charset(byte[] cpg, ByteBuffer dbf) {
        if (cpg != null) {
            String name = new String(cpg, StandardCharsets.US_ASCII).strip().toUpperCase(Locale.ROOT).replace("ANSI ", "");
            if (name.matches("\\d{3,4}")) {
                name = (name.length() == 3 ? "IBM" : "windows-") + name;
            }
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                throw FileProblems.invalid("the .cpg names an unknown code page '" + abbreviate(name) + "'")
                        .withMessage("detail.cpg-unknown", Map.of("codePage", abbreviate(name)));
            }
        }
        int ldid = dbf.limit() > 29 ? dbf.get(29) & 0xff : 0;
        return switch (ldid) {
            case 0x26, 0x65 -> Charset.forName("IBM866");
            case 0xC9 -> Charset.forName("windows-1251");
            case 0x57, 0x03 -> Charset.forName("windows-1252");
            default -> StandardCharsets.UTF_8;
        };
    }

    /** The records of a .shp, one at a time. */
    static final class Shapes {

        record Shape(Geometry geometry, String error) {
        }

        private final ByteBuffer b;
        private final ParseBudget budget;
        private long pos = 100;
        private int record;

        Shapes(ByteBuffer shp, ParseBudget budget) {
            this.b = shp;
            this.budget = budget;
            if (shp.limit() < 100) {
                throw FileProblems.invalid("the .shp is truncated (no 100-byte header)")
                        .withMessage("detail.shp-no-header");
            }
            if (shp.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
                throw FileProblems.invalid("the .shp is not a shapefile (bad file code)")
                        .withMessage("detail.shp-bad-file-code");
            }
        }

        boolean hasNext() {
            return pos + 8 <= b.limit();
        }

        Shape next() {
            record++;
            long contentBytes = 2L * b.order(ByteOrder.BIG_ENDIAN).getInt((int) pos + 4);
            long start = pos + 8;
            if (contentBytes < 4) {
                throw corrupt("record length " + contentBytes + " bytes is too small (negative or under 4)");
            }
            if (start + contentBytes > b.limit()) {
                throw FileProblems.invalid("the .shp is truncated at record " + record + ": it claims " + contentBytes
                        + " bytes, " + (b.limit() - start) + " are left").withMessage("detail.shp-truncated-record",
                        Map.of("record", record, "bytes", contentBytes, "left", b.limit() - start));
            }
            pos = start + contentBytes;
            b.order(ByteOrder.LITTLE_ENDIAN);
            try {
                return new Shape(shape((int) start, (int) contentBytes), null);
            } catch (BadShape e) {
                return new Shape(null, e.getMessage());
            }
        }

        private Geometry shape(int at, int len) {
            int type = b.getInt(at);
            switch (type) {
                case 0:
                    return null;
                case 1, 11, 21: {
                    need(len, 20, "a point");
                    return GF.createPoint(coordinate(at + 4));
                }
                case 8, 18, 28: {
                    need(len, 40, "a multipoint");
                    int n = b.getInt(at + 36);
                    need(len, 40 + 16L * nonNegative(n, "numPoints"), "a multipoint of " + n + " points");
                    budget.vertices(n);
                    return GF.createMultiPointFromCoords(coords(at + 40, 0, n));
                }
                case 3, 13, 23, 5, 15, 25: {
                    need(len, 44, "a polyline or polygon");
                    int numParts = nonNegative(b.getInt(at + 36), "numParts");
                    int numPoints = nonNegative(b.getInt(at + 40), "numPoints");
                    need(len, 44 + 4L * numParts + 16L * numPoints, numParts + " parts of " + numPoints + " points");
                    budget.vertices((long) numPoints + numParts);
                    if (numParts == 0 || numPoints == 0) {
                        throw new BadShape("the shape has no parts or no points");
                    }
                    int[] parts = new int[numParts + 1];
                    for (int i = 0; i < numParts; i++) {
                        parts[i] = b.getInt(at + 44 + 4 * i);
                        if (parts[i] < 0 || parts[i] >= numPoints || (i == 0 ? parts[i] != 0 : parts[i] < parts[i - 1])) {
                            throw corrupt("part " + i + " starts at point " + parts[i] + " (of " + numPoints + ")");
                        }
                    }
                    parts[numParts] = numPoints;
                    int pointsAt = at + 44 + 4 * numParts;
                    List<Coordinate[]> rings = new ArrayList<>(numParts);
                    for (int i = 0; i < numParts; i++) {
                        rings.add(coords(pointsAt, parts[i], parts[i + 1]));
                    }
                    boolean polygon = type == 5 || type == 15 || type == 25;
                    return polygon ? ShapeGeometries.polygon(GF, rings) : ShapeGeometries.lines(GF, rings);
                }
                default:
                    throw new BadShape("unsupported shape type " + type + " (MultiPatch?)");
            }
        }

        private Coordinate coordinate(int at) {
            double x = b.getDouble(at);
            double y = b.getDouble(at + 8);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new BadShape("a coordinate is not a finite number (NaN or infinite)");
            }
            return new Coordinate(x, y);
        }

        private Coordinate[] coords(int at, int from, int to) {
            Coordinate[] cs = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                cs[i - from] = coordinate(at + 16 * i);
            }
            return cs;
        }

        private void need(int len, long bytes, String what) {
            if (bytes > len) {
                throw corrupt(what + " needs " + bytes + " bytes but the record has " + len);
            }
        }

        private int nonNegative(int n, String what) {
            if (n < 0) {
                throw corrupt(what + " is negative (" + n + ")");
            }
            return n;
        }

        /** {@code why} says what is wrong in the record's bytes: English in every language, in a translated frame. */
        private RuntimeException corrupt(String why) {
            return FileProblems.invalid("the .shp is corrupt at record " + record + ": " + why)
                    .withMessage("detail.shp-corrupt", Map.of("record", record, "reason", why));
        }
    }

    /** A record whose bytes are all there but do not make a usable geometry: a row error, not a file error. */
    static final class BadShape extends RuntimeException {
        BadShape(String message) {
            super(message, null, false, false);
        }
    }
}
