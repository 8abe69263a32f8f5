package uz.qamrov.planner.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small shapefiles byte by byte, following the ESRI white paper (1998) and dBASE III layouts, so tests can
 * state exactly which header field lies about what.
 */
final class ShapefileBytes {

    private ShapefileBytes() {
    }

    /** A .shp of point records. */
    static byte[] points(double[][] xy) {
        List<byte[]> records = new ArrayList<>();
        for (double[] p : xy) {
            ByteBuffer r = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(1).putDouble(p[0]).putDouble(p[1]);
            records.add(r.array());
        }
        return shp(1, records);
    }

    /** One polyline (type 3) or polygon (type 5) record per element: parts as arrays of x,y pairs. */
    static byte[] polys(int type, List<double[][]> shapes) {
        List<byte[]> records = new ArrayList<>();
        for (double[][] parts : shapes) {
            int numPoints = 0;
            for (double[] part : parts) {
                numPoints += part.length / 2;
            }
            ByteBuffer r = ByteBuffer.allocate(44 + 4 * parts.length + 16 * numPoints).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(type);
            for (int i = 0; i < 4; i++) {
                r.putDouble(0); // bbox: not read
            }
            r.putInt(parts.length).putInt(numPoints);
            int start = 0;
            for (double[] part : parts) {
                r.putInt(start);
                start += part.length / 2;
            }
            for (double[] part : parts) {
                for (double v : part) {
                    r.putDouble(v);
                }
            }
            records.add(r.array());
        }
        return shp(type, records);
    }

    static byte[] shp(int type, List<byte[]> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int n = 1;
        for (byte[] content : records) {
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            h.putInt(n++).putInt(content.length / 2);
            body.writeBytes(h.array());
            body.writeBytes(content);
        }
        ByteBuffer header = ByteBuffer.allocate(100);
        header.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + body.size()) / 2);
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A dBASE III table of character fields (width = longest value), one map per record; a null map is deleted. */
    static byte[] dbf(List<Map<String, String>> rows, Charset cs) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (r != null) {
                r.forEach((k, v) -> widths.merge(k, Math.max(1, v.getBytes(cs).length), Math::max));
            }
        }
        int headerLen = 32 + 32 * widths.size() + 1;
        int recordLen = 1 + widths.values().stream().mapToInt(Integer::intValue).sum();
        ByteBuffer b = ByteBuffer.allocate(headerLen + rows.size() * recordLen + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 3).putInt(4, rows.size()).putShort(8, (short) headerLen).putShort(10, (short) recordLen);
        int p = 32;
        for (var e : widths.entrySet()) {
            byte[] name = e.getKey().getBytes(cs);
            b.put(p, name, 0, Math.min(10, name.length));
            b.put(p + 11, (byte) 'C');
            b.put(p + 16, (byte) (int) e.getValue());
            p += 32;
        }
        b.put(p, (byte) 0x0D);
        p = headerLen;
        for (Map<String, String> r : rows) {
            b.put(p, (byte) (r == null ? '*' : ' '));
            int off = p + 1;
            for (var e : widths.entrySet()) {
                byte[] v = r == null || r.get(e.getKey()) == null ? new byte[0] : r.get(e.getKey()).getBytes(cs);
                for (int i = 0; i < e.getValue(); i++) {
                    b.put(off + i, i < v.length ? v[i] : (byte) ' ');
                }
                off += e.getValue();
            }
            p += recordLen;
        }
        b.put(p, (byte) 0x1A);
        return b.array();
    }

    static byte[] zip(Map<String, byte[]> members) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (var e : members.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
