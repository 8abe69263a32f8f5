package uz.qamrov.planner.ingest;

import java.util.List;
import java.util.Map;

/**
 * The GeoPackage and zipped Shapefile uploads of {@link ChunkedFormatsUploadIT}: one-cell sites of Ucell, each at a
 * place of its own in Tashkent region, written feature by feature so a test can put an error, a duplicate or a
 * site's second cell wherever it wants.
 */
final class ChunkedUploadFiles {

    private ChunkedUploadFiles() {
    }

    static double lon(int n) {
        return 69.0 + (n % 100) * 0.004;
    }

    static double lat(int n) {
        return 41.0 + (n / 100) * 0.004;
    }

    /** Feature {@code n} of a GeoPackage or shapefile: {@code site}, {@code cell}, at the place of row {@code place}. */
    record Site(String site, String cell, int place, int azimuth) {
        Site(String prefix, int n) {
            this(prefix + "-" + n, "1", n, 120);
        }

        /** Attributes under the names a .dbf can hold (10 characters), which the readers accept as aliases. */
        Map<String, String> attrs() {
            Map<String, String> a = new java.util.LinkedHashMap<>();
            a.put("operator", "ucell");
            a.put("site_id", site);
            a.put("cell_id", cell);
            a.put("tower_h_m", "30");
            a.put("status", "active");
            a.put("commission", "2021-04-01");
            a.put("technology", "4G");
            a.put("band_mhz", "1800");
            a.put("azimuth", String.valueOf(azimuth));
            a.put("antenna_h", "28");
            return a;
        }
    }

    /**
     * A GeoPackage of these features in its table {@code sites} (the shipped fixture emptied; its R-tree triggers call
     * SpatiaLite functions plain SQLite lacks, so they are dropped: the readers never use the index), with
     * {@code extraTable} a second, one-feature table {@code towers} besides.
     */
    static byte[] geoPackage(List<Site> sites, boolean extraTable) throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("chunks", ".gpkg");
        try {
            java.nio.file.Files.write(tmp, ReaderHardeningTest.fixture("sites.gpkg"));
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp); var st = c.createStatement()) {
                List<String> triggers = new java.util.ArrayList<>();
                try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                    while (rs.next()) {
                        triggers.add(rs.getString(1));
                    }
                }
                for (String t : triggers) {
                    st.execute("DROP TRIGGER \"" + t + "\"");
                }
                st.execute("DELETE FROM sites");
                if (extraTable) {
                    String ddl;
                    try (var rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'sites'")) {
                        rs.next();
                        ddl = rs.getString(1);
                    }
                    st.execute(ddl.replace("\"sites\"", "\"towers\""));
                    st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('towers', 'features', 'towers', 4326)");
                    st.execute("INSERT INTO gpkg_geometry_columns SELECT 'towers', column_name, geometry_type_name, srs_id, z, m"
                            + " FROM gpkg_geometry_columns WHERE table_name = 'sites'");
                }
                c.setAutoCommit(false);
                List<String> columns = List.copyOf(sites.get(0).attrs().keySet());
                String sql = "INSERT INTO %s (geom, " + String.join(", ", columns) + ") VALUES (?" + ", ?".repeat(columns.size()) + ")";
                try (var ps = c.prepareStatement(sql.formatted("sites"))) {
                    for (Site s : sites) {
                        bind(ps, s, columns);
                    }
                }
                if (extraTable) {
                    try (var other = c.prepareStatement(sql.formatted("towers"))) {
                        bind(other, new Site("TOWER", 1), columns);
                    }
                }
                c.commit();
            }
            return java.nio.file.Files.readAllBytes(tmp);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    private static void bind(java.sql.PreparedStatement ps, Site s, List<String> columns) throws Exception {
        ps.setBytes(1, mil.nga.geopackage.geom.GeoPackageGeometryData.create(4326L, new mil.nga.sf.Point(lon(s.place()),
                lat(s.place()))).toBytes());
        for (int i = 0; i < columns.size(); i++) {
            ps.setString(i + 2, s.attrs().get(columns.get(i)));
        }
        ps.executeUpdate();
    }

    /** A zipped point shapefile of these features (no .prj: WGS84 assumed); a null site is a deleted .dbf record. */
    static byte[] shapefile(List<Site> sites) {
        double[][] xy = new double[sites.size()][];
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            xy[i] = s == null ? new double[] {lon(1), lat(1)} : new double[] {lon(s.place()), lat(s.place())};
            rows.add(s == null ? null : s.attrs());
        }
        return ShapefileBytes.zip(Map.of("chunks.shp", ShapefileBytes.points(xy), "chunks.dbf",
                ShapefileBytes.dbf(rows, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
