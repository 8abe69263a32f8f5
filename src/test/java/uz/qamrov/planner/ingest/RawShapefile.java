package uz.qamrov.planner.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Geodesic;

/**
 * A polyline shapefile read by ESRI's and dBASE's fixed layouts, without Qamrov's reader: a test's independent view
 * of what a real file holds (its attributes, its parts, their geodesic lengths).
 *
 * <p>.shx: a 100-byte header, then per record its offset in 16-bit words (big-endian). .shp record: an 8-byte
 * header (big-endian), then shape type, box, part and point counts, part starts and x/y doubles (little-endian).
 * .dbf: record count at byte 4, header and record lengths at 8 and 10, 32-byte field descriptors until 0x0D; each
 * record a deletion flag and fixed-width text.
 */
public final class RawShapefile {

    /** One record: its attributes (trimmed text) and its parts as lon/lat pairs. */
    public record Feature(Map<String, String> attributes, List<double[][]> parts) {

        public String get(String field) {
            return attributes.get(field);
        }

        /** The sum of its parts' geodesic lengths on WGS84, in km (GeographicLib). */
        public double lengthKm() {
            double m = 0;
            for (double[][] part : parts) {
                for (int i = 1; i < part.length; i++) {
                    m += Geodesic.WGS84.Inverse(part[i - 1][1], part[i - 1][0], part[i][1], part[i][0]).s12;
                }
            }
            return m / 1000;
        }
    }

    private RawShapefile() {
    }

    public static List<Feature> read(byte[] shp, byte[] shx, byte[] dbf, Charset charset) {
        List<Map<String, String>> rows = dbf(dbf, charset);
        int records = (shx.length - 100) / 8;
        if (records != rows.size()) {
            throw new IllegalStateException(records + " shapes but " + rows.size() + " attribute rows");
        }
        ByteBuffer index = ByteBuffer.wrap(shx).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer geometry = ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN);
        List<Feature> out = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            int content = index.getInt(100 + 8 * r) * 2 + 8; // skip the record's own header
            int type = geometry.getInt(content);
            if (type != 3) {
                throw new IllegalStateException("record " + (r + 1) + " is shape type " + type + ", not a polyline");
            }
            int numParts = geometry.getInt(content + 36);
            int numPoints = geometry.getInt(content + 40);
            int pointsAt = content + 44 + 4 * numParts;
            List<double[][]> parts = new ArrayList<>(numParts);
            for (int p = 0; p < numParts; p++) {
                int from = geometry.getInt(content + 44 + 4 * p);
                int to = p + 1 < numParts ? geometry.getInt(content + 44 + 4 * (p + 1)) : numPoints;
                double[][] pts = new double[to - from][];
                for (int i = from; i < to; i++) {
                    pts[i - from] = new double[] {geometry.getDouble(pointsAt + 16 * i), geometry.getDouble(pointsAt + 16 * i + 8)};
                }
                parts.add(pts);
            }
            out.add(new Feature(rows.get(r), parts));
        }
        return out;
    }

    private static List<Map<String, String>> dbf(byte[] dbf, Charset charset) {
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(4);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int recordLength = Short.toUnsignedInt(b.getShort(10));
        List<String> names = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int at = 32; dbf[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && dbf[end] != 0) {
                end++;
            }
            names.add(new String(dbf, at, end - at, java.nio.charset.StandardCharsets.US_ASCII));
            widths.add(Byte.toUnsignedInt(dbf[at + 16]));
        }
        List<Map<String, String>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int at = headerLength + r * recordLength + 1; // after the deletion flag
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < names.size(); f++) {
                row.put(names.get(f), new String(dbf, at, widths.get(f), charset).trim());
                at += widths.get(f);
            }
            rows.add(row);
        }
        return rows;
    }
}
