package uz.qamrov.planner.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Validated admin-layer rows (settlements, lines, boundaries) on their way to {@link AdminLayerRepository}, kept on
 * disk like {@link StageSpool} keeps the network rows: a job validates its upload chunk by chunk and appends each
 * chunk's valid rows here, so a national settlements or roads file is never held whole (100,000 settlements held
 * 361 MB as a list). The admin writer upserts row by row in statements of {@link AdminLayerRepository#CHUNK} (each
 * key matched, the later of two rows winning), which needs the rows themselves rather than {@code COPY} text: they
 * are written with Java serialization to a file only this process writes and reads back, with a filter that admits
 * only the row types, JTS geometries and the JDK's collections and boxes. {@link #close()} deletes the file.
 */
final class AdminRowSpool implements AutoCloseable {

    /** Rows between two {@code reset()}s: the stream's table of objects written stays this small. */
    private static final int RESET_EVERY = 1_000;
    private static final ObjectInputFilter ONLY_ROWS = ObjectInputFilter.Config.createFilter(
            "uz.qamrov.planner.ingest.Rows$*;org.locationtech.jts.geom.**;java.lang.*;java.util.*;java.util.ImmutableCollections$*;"
                    + "maxdepth=64;!*");

    private final Path file;
    private ObjectOutputStream out;
    private int size;

    AdminRowSpool() {
        try {
            file = Files.createTempFile("qamrov-admin-rows", ".bin");
            out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool of validated rows", e);
        }
    }

    void add(Rows.AdminRow row) {
        try {
            out.writeObject(row);
            if (++size % RESET_EVERY == 0) {
                out.reset();
            }
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
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                in.setObjectInputFilter(ONLY_ROWS);
                for (int i = 0; i < size; i++) {
                    action.accept((Rows.AdminRow) in.readObject());
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("the spool of validated rows " + file + " ends early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool of validated rows " + file, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
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
}
