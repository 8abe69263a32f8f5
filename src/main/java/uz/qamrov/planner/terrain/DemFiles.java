package uz.qamrov.planner.terrain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.terrain.Dem;

/**
 * Reads a DEM file of either format the service takes, chosen by its first bytes, not its name: a TIFF signature
 * ({@code II*\0} / {@code MM\0*}) is a GeoTIFF ({@link GeoTiffDemReader}), anything else an ESRI ASCII grid
 * ({@link EsriAsciiGridReader}); either may be gzip'd (signature {@code 1f 8b}). Problems with the content are
 * {@link InvalidInputException}s that say what is wrong.
 */
public final class DemFiles {

    private DemFiles() {
    }

    public static Dem read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Dem read(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw, 1 << 16);
        if (startsWith(in, 0x1f, 0x8b)) {
            in = new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        byte[] head = peek(in, 4);
        if (GeoTiffDemReader.isTiffOrBigTiff(head)) {
            // TIFF offsets point anywhere in the file: the reader needs it whole
            return GeoTiffDemReader.read(in.readAllBytes());
        }
        return EsriAsciiGridReader.read(in);
    }

    private static boolean startsWith(InputStream in, int a, int b) throws IOException {
        byte[] h = peek(in, 2);
        return h.length == 2 && (h[0] & 0xff) == a && (h[1] & 0xff) == b;
    }

    private static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        byte[] h = in.readNBytes(n);
        in.reset();
        return h;
    }

    /** The first bytes of a DEM given as bytes (tests). */
    static Dem read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }
}
