package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage's first feature table, read with sqlite-jdbc: the GeoPackage binary header ("GP", flags, srs_id,
 * envelope) is skipped and the WKB after it parsed by JTS. The CRS is the table's srs as an EPSG code.
 */
final class GeoPackageReader {

    private GeoPackageReader() {
    }

    static ParsedFile read(byte[] bytes, int maxRows) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("qamrov-upload", ".gpkg");
            Files.write(tmp, bytes);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.toAbsolutePath() + "?open_mode=1")) {
                return read(c, maxRows);
            }
        } catch (SQLException e) {
            throw FileProblems.invalid("not a readable GeoPackage: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    private static ParsedFile read(Connection c, int maxRows) throws SQLException {
        String table;
        String column;
        int srsId;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g
                JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features' ORDER BY g.table_name""")) {
            if (!rs.next()) {
                throw FileProblems.invalid("the GeoPackage has no feature table");
            }
            table = rs.getString(1);
            column = rs.getString(2);
            srsId = rs.getInt(3);
        }
        int srid = srsId;
        try (var ps = c.prepareStatement("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && "EPSG".equalsIgnoreCase(rs.getString(1))) {
                    srid = rs.getInt(2);
                } else if (srsId <= 0) {
                    srid = Crs.WGS84; // undefined cartesian/geographic: assume WGS84
                }
            }
        }
        List<SourceFeature> features = new ArrayList<>();
        WKBReader wkb = new WKBReader();
        // identifiers come from the GeoPackage's own catalogue; quoted, never user values in the SQL text
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                if (features.size() >= maxRows) {
                    throw FileProblems.tooManyRows(maxRows);
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                Geometry g = null;
                String error = null;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnName(i);
                    if (name.equalsIgnoreCase(column)) {
                        byte[] blob = rs.getBytes(i);
                        if (blob == null) {
                            error = "the feature has no geometry";
                        } else {
                            try {
                                g = wkb.read(stripHeader(blob));
                            } catch (Exception e) {
                                error = "unreadable geometry: " + e.getMessage();
                            }
                        }
                    } else {
                        Object v = rs.getObject(i);
                        if (v != null && !(v instanceof byte[])) {
                            attrs.put(name.toLowerCase(Locale.ROOT), v instanceof Double d && d == Math.rint(d) && !name.toLowerCase().contains("lon") && !name.toLowerCase().contains("lat")
                                    ? String.valueOf(d.longValue()) : String.valueOf(v));
                        }
                    }
                }
                features.add(new SourceFeature(features.size() + 1, attrs, g, error));
            }
        }
        if (features.isEmpty()) {
            throw FileProblems.invalid("the GeoPackage table '" + table + "' has no features");
        }
        boolean z = features.stream().anyMatch(f -> f.geometry() != null && GeoJsonFileReader.hasZ(f.geometry()));
        return new ParsedFile(UploadFormat.GEOPACKAGE, features, srid,
                z ? List.of("3D coordinates: Z values were dropped (geometries are stored 2D)") : List.of());
    }

    /** GeoPackage binary: magic "GP", version, flags (envelope kind in bits 1–3), srs_id, envelope, then WKB. */
    static byte[] stripHeader(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not GeoPackage binary (no 'GP' magic)");
        }
        int flags = blob[3];
        int envelope = switch ((flags >> 1) & 0x7) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("bad envelope indicator");
        };
        int start = 8 + envelope;
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        return java.util.Arrays.copyOfRange(blob, start, blob.length);
    }
}
