package uz.qamrov.planner.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Writes an OGC GeoPackage 1.3 file with plain sqlite-jdbc: the required metadata tables, one feature table per
 * {@link FeatureLayer} (the gap layers, a scenario's items) in EPSG:4326, and geometries as GeoPackage binary (the "GP" header with an xy envelope,
 * followed by standard WKB from PostGIS). Rows are inserted in one transaction per layer in batches, so memory
 * stays bounded. Not thread-safe; one writer per file.
 */
public final class GeoPackageWriter implements AutoCloseable {

    private static final int APPLICATION_ID = 0x47504B47; // "GPKG"
    private static final int USER_VERSION = 10300; // 1.3.0
    private static final int BATCH = 1000;

    private final Connection db;
    private final String provenance;

    /** provenance: appended to every layer's gpkg_contents description ("as of …, coverage run …"). */
    public GeoPackageWriter(Path file, String provenance) throws SQLException {
        this.provenance = provenance;
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
            s.execute("PRAGMA journal_mode = OFF"); // a throwaway file: no rollback journal needed
            s.execute("PRAGMA synchronous = OFF");
            s.execute("""
                    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
                      organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
                      description TEXT)""");
            s.execute("""
                    INSERT INTO gpkg_spatial_ref_sys VALUES
                     ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                     ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
                     ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')""");
            s.execute("""
                    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
                      identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT
                      (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                      srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""");
            s.execute("""
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
                      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""");
        }
        db.setAutoCommit(false);
    }

    /** A feature table being filled; {@link #finish()} records its extent in gpkg_contents. */
    public final class LayerSink implements AutoCloseable {
        private final FeatureLayer layer;
        private final PreparedStatement insert;
        private int pending;
        private long count;
        private double minX = Double.POSITIVE_INFINITY;
        private double minY = Double.POSITIVE_INFINITY;
        private double maxX = Double.NEGATIVE_INFINITY;
        private double maxY = Double.NEGATIVE_INFINITY;

        private LayerSink(FeatureLayer layer) throws SQLException {
            this.layer = layer;
            // table and column names come from code (enums) only
            String columns = layer.columns().stream().map(c -> "\"" + c.name() + "\" " + c.sqliteType())
                    .collect(Collectors.joining(", "));
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE \"" + layer.id() + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom "
                        + layer.geometryType() + ", " + columns + ")");
            }
            String names = layer.columns().stream().map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", "));
            String marks = layer.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
            insert = db.prepareStatement("INSERT INTO \"" + layer.id() + "\" (geom, " + names + ") VALUES (?, " + marks + ")");
        }

        void add(ExportRepository.GapRow row) throws SQLException {
            add(row.wkb(), row.minX(), row.minY(), row.maxX(), row.maxY(), row.values());
        }

        /** One feature: its WKB (EPSG:4326), envelope, and the layer's column values in order. */
        public void add(byte[] wkb, double rowMinX, double rowMinY, double rowMaxX, double rowMaxY, Object[] v)
                throws SQLException {
            insert.setBytes(1, gpkgBinary(wkb, rowMinX, rowMinY, rowMaxX, rowMaxY));
            for (int i = 0; i < v.length; i++) {
                Object value = v[i] instanceof Boolean b ? (b ? 1 : 0) : v[i];
                insert.setObject(i + 2, value);
            }
            insert.addBatch();
            minX = Math.min(minX, rowMinX);
            minY = Math.min(minY, rowMinY);
            maxX = Math.max(maxX, rowMaxX);
            maxY = Math.max(maxY, rowMaxY);
            count++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
            try (PreparedStatement c = db.prepareStatement("""
                    INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
                    VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)""");
                    PreparedStatement g = db.prepareStatement(
                            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)")) {
                c.setString(1, layer.id());
                c.setString(2, layer.id());
                c.setString(3, layer.id().replace('_', ' ') + (provenance == null ? "" : " — " + provenance));
                if (count > 0) {
                    c.setDouble(4, minX);
                    c.setDouble(5, minY);
                    c.setDouble(6, maxX);
                    c.setDouble(7, maxY);
                } else {
                    for (int i = 4; i <= 7; i++) {
                        c.setObject(i, null);
                    }
                }
                c.executeUpdate();
                g.setString(1, layer.id());
                g.setString(2, layer.geometryType());
                g.executeUpdate();
            }
            db.commit();
        }
    }

    /**
     * An {@code export_info} attributes table (key, value) registered in gpkg_contents: what the file holds, so that a
     * saved copy says its scope, service, as-of date and coverage run (QGIS and GDAL list it as a table).
     */
    public void info(java.util.Map<String, String> entries) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE export_info (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, value TEXT)");
            s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
                    + "('export_info', 'attributes', 'export_info', 'what this file holds: scope, service, as-of date, coverage run')");
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO export_info (key, value) VALUES (?, ?)")) {
            for (var e : entries.entrySet()) {
                p.setString(1, e.getKey());
                p.setString(2, e.getValue());
                p.executeUpdate();
            }
        }
        db.commit();
    }

    public LayerSink layer(FeatureLayer layer) throws SQLException {
        return new LayerSink(layer);
    }

    /** GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope), srs_id, envelope, then the WKB. */
    static byte[] gpkgBinary(ExportRepository.GapRow row) {
        return gpkgBinary(row.wkb(), row.minX(), row.minY(), row.maxX(), row.maxY());
    }

    static byte[] gpkgBinary(byte[] wkb, double minX, double minY, double maxX, double maxY) {
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0011);
        b.putInt(4326);
        b.putDouble(minX).putDouble(maxX).putDouble(minY).putDouble(maxY);
        b.put(wkb);
        return b.array();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
