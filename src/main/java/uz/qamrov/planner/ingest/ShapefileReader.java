package uz.qamrov.planner.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A minimal ESRI shapefile reader (JTS has none and GeoTools is unavailable): points, multipoints, polylines and
 * polygons, including their Z and M variants (Z/M are dropped). Attributes come from the .dbf, decoded with the
 * .cpg code page, else the dBASE language driver byte, else UTF-8. Without a .prj the data is assumed to be WGS84
 * and a warning says so.
 */
final class ShapefileReader {

    private static final GeometryFactory GF = new GeometryFactory();

    private ShapefileReader() {
    }

    static ParsedFile read(SafeUnzip.Shapefile shp, int maxRows, FileParsers.SridResolver srids) {
        List<String> warnings = new ArrayList<>();
        int srid = Crs.WGS84;
        byte[] prj = shp.parts().get("prj");
        if (prj == null) {
            warnings.add("no .prj in the zip: coordinates assumed to be WGS84 lon/lat (EPSG:4326)");
        } else {
            String wkt = new String(prj, StandardCharsets.UTF_8).strip();
            Integer code = srids.fromPrj(wkt);
            if (code == null) {
                throw FileProblems.invalid("the .prj names a CRS that could not be identified: " + abbreviate(wkt));
            }
            srid = code;
        }
        List<Geometry> geoms = geometries(shp.parts().get("shp"));
        List<Map<String, String>> attrs = attributes(shp.parts().get("dbf"), charset(shp.parts().get("cpg"), shp.parts().get("dbf")));
        if (geoms.size() != attrs.size()) {
            throw FileProblems.invalid("the .shp has " + geoms.size() + " shapes but the .dbf " + attrs.size() + " records");
        }
        if (geoms.isEmpty()) {
            throw FileProblems.invalid("the shapefile has no features");
        }
        if (geoms.size() > maxRows) {
            throw FileProblems.tooManyRows(maxRows);
        }
        List<SourceFeature> features = new ArrayList<>();
        for (int i = 0; i < geoms.size(); i++) {
            Geometry g = geoms.get(i);
            features.add(new SourceFeature(i + 1, attrs.get(i), g, g == null ? "the feature has no geometry (null shape)" : null));
        }
        return new ParsedFile(UploadFormat.SHAPEFILE_ZIP, features, srid, warnings);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    static List<Geometry> geometries(byte[] shp) {
        if (shp.length < 100) {
            throw FileProblems.invalid("the .shp is truncated (no 100-byte header)");
        }
        ByteBuffer b = ByteBuffer.wrap(shp);
        if (b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw FileProblems.invalid("the .shp is not a shapefile (bad file code)");
        }
        List<Geometry> out = new ArrayList<>();
        int pos = 100;
        try {
            while (pos + 8 <= shp.length) {
                int contentBytes = b.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4) * 2;
                int start = pos + 8;
                if (start + contentBytes > shp.length) {
                    throw FileProblems.invalid("the .shp is truncated at record " + (out.size() + 1));
                }
                b.order(ByteOrder.LITTLE_ENDIAN);
                int type = b.getInt(start);
                out.add(shape(b, start, type));
                pos = start + contentBytes;
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw FileProblems.invalid("the .shp is corrupt at record " + (out.size() + 1) + ": " + e.getMessage());
        }
        return out;
    }

    private static Geometry shape(ByteBuffer b, int at, int type) {
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21:
                return GF.createPoint(new Coordinate(b.getDouble(at + 4), b.getDouble(at + 12)));
            case 8, 18, 28: {
                int n = b.getInt(at + 36);
                Coordinate[] cs = coords(b, at + 40, n);
                return GF.createMultiPointFromCoords(cs);
            }
            case 3, 13, 23, 5, 15, 25: {
                int numParts = b.getInt(at + 36);
                int numPoints = b.getInt(at + 40);
                int[] parts = new int[numParts + 1];
                for (int i = 0; i < numParts; i++) {
                    parts[i] = b.getInt(at + 44 + 4 * i);
                }
                parts[numParts] = numPoints;
                Coordinate[] all = coords(b, at + 44 + 4 * numParts, numPoints);
                List<Coordinate[]> rings = new ArrayList<>();
                for (int i = 0; i < numParts; i++) {
                    rings.add(java.util.Arrays.copyOfRange(all, parts[i], parts[i + 1]));
                }
                boolean polygon = type == 5 || type == 15 || type == 25;
                return polygon ? polygon(rings) : lines(rings);
            }
            default:
                throw FileProblems.invalid("unsupported shape type " + type + " (MultiPatch?)");
        }
    }

    private static Coordinate[] coords(ByteBuffer b, int at, int n) {
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            cs[i] = new Coordinate(b.getDouble(at + 16 * i), b.getDouble(at + 16 * i + 8));
        }
        return cs;
    }

    private static Geometry lines(List<Coordinate[]> parts) {
        LineString[] ls = parts.stream().map(GF::createLineString).toArray(LineString[]::new);
        return ls.length == 1 ? ls[0] : GF.createMultiLineString(ls);
    }

    /** Shapefile outer rings are clockwise, holes counter-clockwise; each hole goes to the shell that contains it. */
    private static Geometry polygon(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] r : rings) {
            LinearRing ring = GF.createLinearRing(r);
            (Orientation.isCCW(r) ? holes : shells).add(ring);
        }
        if (shells.isEmpty()) { // some writers get the orientation wrong: treat every ring as a shell
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (LinearRing h : holes) {
            int owner = 0;
            for (int i = 0; i < shells.size(); i++) {
                if (GF.createPolygon(shells.get(i)).contains(h.getPointN(0))) {
                    owner = i;
                    break;
                }
            }
            holesOf.get(owner).add(h);
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polys[i] = GF.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return polys.length == 1 ? polys[0] : GF.createMultiPolygon(polys);
    }

    static Charset charset(byte[] cpg, byte[] dbf) {
        if (cpg != null) {
            String name = new String(cpg, StandardCharsets.US_ASCII).strip().toUpperCase(Locale.ROOT).replace("ANSI ", "");
            if (name.matches("\\d{3,4}")) {
                name = (name.length() == 3 ? "IBM" : "windows-") + name;
            }
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                throw FileProblems.invalid("the .cpg names an unknown code page '" + name + "'");
            }
        }
        int ldid = dbf != null && dbf.length > 29 ? dbf[29] & 0xff : 0;
        return switch (ldid) {
            case 0x26, 0x65 -> Charset.forName("IBM866");
            case 0xC9 -> Charset.forName("windows-1251");
            case 0x57, 0x03 -> Charset.forName("windows-1252");
            default -> StandardCharsets.UTF_8;
        };
    }

    static List<Map<String, String>> attributes(byte[] dbf, Charset cs) {
        if (dbf.length < 32) {
            throw FileProblems.invalid("the .dbf is truncated");
        }
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int records = b.getInt(4);
        int headerLen = b.getShort(8) & 0xffff;
        int recordLen = b.getShort(10) & 0xffff;
        List<String> names = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        List<Character> types = new ArrayList<>();
        for (int p = 32; p + 32 <= headerLen && dbf[p] != 0x0D; p += 32) {
            int end = p;
            while (end < p + 11 && dbf[end] != 0) {
                end++;
            }
            names.add(new String(dbf, p, end - p, StandardCharsets.US_ASCII).strip().toLowerCase(Locale.ROOT));
            lengths.add(dbf[p + 16] & 0xff);
            types.add((char) dbf[p + 11]);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            int p = headerLen + r * recordLen;
            if (p + recordLen > dbf.length) {
                throw FileProblems.invalid("the .dbf is truncated at record " + (r + 1));
            }
            Map<String, String> row = new LinkedHashMap<>();
            int off = p + 1; // deletion flag
            for (int f = 0; f < names.size(); f++) {
                String v = new String(dbf, off, lengths.get(f), cs).strip();
                if (v.matches("\\*+") || (types.get(f) == 'D' && v.matches("0{8}"))) {
                    v = ""; // dBASE nulls: numbers filled with '*', dates with zeros
                } else if (types.get(f) == 'D' && v.matches("\\d{8}")) {
                    v = v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6); // dBASE dates are YYYYMMDD
                }
                if (!v.isEmpty()) {
                    row.put(names.get(f), v);
                }
                off += lengths.get(f);
            }
            out.add(row);
        }
        return out;
    }
}
