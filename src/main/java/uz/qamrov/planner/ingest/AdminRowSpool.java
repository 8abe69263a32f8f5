package uz.qamrov.planner.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import uz.qamrov.planner.ingest.validate.GeometryChecks;

/**
 * Validated admin-layer rows (settlements, lines, boundaries) on their way to {@link AdminLayerRepository}, kept on
 * disk as {@link StageSpool} keeps the network rows: a job validates its upload chunk by chunk and appends each chunk's
 * valid rows here, so a national settlements or roads file is never held whole. The admin writer upserts the rows
 * themselves (statements of {@link AdminLayerRepository#CHUNK}, each key matched, the later of two rows winning), not
 * {@code COPY} text, so each row is written field by field: texts as UTF-8, geometries as WKB (exact doubles, read
 * back into the validators' WGS84 factory). {@link #close()} deletes the file.
 */
final class AdminRowSpool implements AutoCloseable {

    private static final byte SETTLEMENT = 1;
    private static final byte LINE = 2;
    private static final byte BOUNDARY = 3;

    private final Path file;
    private final DataOutputStream out;
    private final WKBWriter wkb = new WKBWriter(2);
    private int size;

    AdminRowSpool() {
        try {
            file = Files.createTempFile("qamrov-admin-rows", ".bin");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool of validated rows", e);
        }
    }

    void add(Rows.AdminRow row) {
        try {
            out.writeInt(row.rows().size());
            for (int n : row.rows()) {
                out.writeInt(n);
            }
            if (row instanceof Rows.Settlement s) {
                out.writeByte(SETTLEMENT);
                texts(s.externalId(), s.nameUzLatn(), s.nameUzCyrl(), s.nameRu(), s.nameEn(), s.kind());
                out.writeInt(s.population());
                out.writeInt(s.households());
                texts(s.regionCode(), s.districtCode());
                geometry(s.geometry());
                geometry(s.boundary());
            } else if (row instanceof Rows.Line l) {
                out.writeByte(LINE);
                texts(l.key(), l.label(), l.nameUzLatn(), l.nameRu(), l.nameEn());
                geometry(l.geometry());
                geometry(l.parts());
            } else {
                Rows.Boundary b = (Rows.Boundary) row;
                out.writeByte(BOUNDARY);
                texts(b.code(), b.parentCode(), b.displayName());
                out.writeInt(b.names().size());
                for (var e : b.names().entrySet()) {
                    texts(e.getKey(), e.getValue());
                }
                geometry(b.geometry());
            }
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a validated row to " + file, e);
        }
    }

    /** The file the rows are in (tests: deleted by {@link #close()}). */
    Path file() {
        return file;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Every row in the order added; may be called more than once. */
    void forEach(Consumer<Rows.AdminRow> action) {
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                Reader reader = new Reader(in);
                for (int i = 0; i < size; i++) {
                    action.accept(reader.row());
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("the spool of validated rows " + file + " ends early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool of validated rows " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Each text as a presence flag, then its UTF-8 length and bytes (names may exceed writeUTF's 64 KB in bytes). */
    private void texts(String... values) throws IOException {
        for (String v : values) {
            out.writeBoolean(v != null);
            if (v != null) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    private void geometry(Geometry g) throws IOException {
        out.writeBoolean(g != null);
        if (g != null) {
            byte[] b = wkb.write(g);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /** Reads what {@link #add} wrote, in the same order of fields (arguments are evaluated left to right). */
    private static final class Reader {
        private final DataInputStream in;
        private final WKBReader wkb = new WKBReader(GeometryChecks.WGS84);

        Reader(DataInputStream in) {
            this.in = in;
        }

        Rows.AdminRow row() throws IOException {
            int n = in.readInt();
            List<Integer> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(in.readInt());
            }
            rows = List.copyOf(rows);
            byte kind = in.readByte();
            return switch (kind) {
                case SETTLEMENT -> new Rows.Settlement(rows, text(), text(), text(), text(), text(), text(), in.readInt(),
                        in.readInt(), text(), text(), (Point) geometry(), (MultiPolygon) geometry());
                case LINE -> new Rows.Line(rows, text(), text(), text(), text(), text(), (LineString) geometry(),
                        (MultiLineString) geometry());
                case BOUNDARY -> boundary(rows);
                default -> throw new IllegalStateException("unknown row kind " + kind + " in the spool");
            };
        }

        private Rows.Boundary boundary(List<Integer> rows) throws IOException {
            String code = text();
            String parent = text();
            String display = text();
            int count = in.readInt();
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                names.put(text(), text());
            }
            return new Rows.Boundary(rows, code, parent, names, display, (MultiPolygon) geometry());
        }

        private String text() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        private Geometry geometry() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            try {
                return wkb.read(b);
            } catch (ParseException e) {
                throw new IllegalStateException("a geometry in the spool cannot be read back", e);
            }
        }
    }
}
