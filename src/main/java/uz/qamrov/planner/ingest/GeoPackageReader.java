package uz.qamrov.planner.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * One feature table of a GeoPackage, read with the reference library ({@code mil.nga.geopackage}): the table named
 * by {@code ?table=}, or the only one; a GeoPackage with several feature tables and no {@code table=} is a 400 that
 * lists them (silently taking the first, as the hand-written reader did, imported the wrong layer). The binary
 * header's flags are honoured (empty geometries are row errors; extended types are rejected per row); the CRS is
 * the table's SRS as an EPSG code.
 */
final class GeoPackageReader {

    private GeoPackageReader() {
    }

    /** The feature tables of a GeoPackage file (for the upload page and error messages). */
    static List<String> featureTables(Path file) {
        try (GeoPackage gp = open(file)) {
            return gp.getFeatureTables();
        }
    }

    /** The whole table as features (tests and tools; an upload is read as a stream by {@link #stream}). */
    static ParsedFile read(Path file, String table, ParseBudget budget) {
        List<SourceFeature> features = new ArrayList<>();
        StreamedFile s = stream(file, table, budget, features::add);
        return s.header().withFeatures(features, s.header().warnings());
    }

    /**
     * Reads the chosen table one feature at a time through the library's cursor ({@link FeatureResultSet} over
     * SQLite), handing each to {@code sink} as soon as it is read and keeping none: the file stays on disk (SQLite
     * needs a file) and a caller that keeps nothing reads any size in constant heap (the import job reads a GeoPackage
     * upload this way, once per pass). The table is chosen again on each read, by the same rule, so every pass reads
     * the same table.
     */
    static StreamedFile stream(Path file, String table, ParseBudget budget, Consumer<SourceFeature> sink) {
        try (GeoPackage gp = open(file)) {
            List<String> tables = gp.getFeatureTables();
            if (tables.isEmpty()) {
                throw FileProblems.invalid("the GeoPackage has no feature table")
                        .withMessage("detail.gpkg-no-feature-table");
            }
            String chosen;
            if (table != null && !table.isBlank()) {
                chosen = tables.stream().filter(t -> t.equalsIgnoreCase(table.strip())).findFirst()
                        .orElseThrow(() -> FileProblems.invalid("the GeoPackage has no feature table '" + table + "'; its tables: "
                                + tables, Map.of("tables", tables))
                                .withMessage("detail.gpkg-no-such-table", Map.of("table", table, "tables", tables)));
            } else if (tables.size() == 1) {
                chosen = tables.get(0);
            } else {
                throw FileProblems.invalid("the GeoPackage has " + tables.size() + " feature tables " + tables
                        + ": choose one with ?table=", Map.of("tables", tables))
                        .withMessage("detail.gpkg-choose-table", Map.of("count", tables.size(), "tables", tables));
            }
            return stream(gp.getFeatureDao(chosen), chosen, tables, budget, sink);
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause(); // the consumer's own failure, not the file's
        } catch (RuntimeException e) {
            if (e instanceof uz.qamrov.planner.web.ApiException) {
                throw e;
            }
            throw unreadable(e);
        }
    }

    /** The library's own words say what is wrong: they stay English in every language, after a translated frame. */
    private static uz.qamrov.planner.web.ApiException unreadable(RuntimeException e) {
        String reason = rootMessage(e);
        return FileProblems.invalid("not a readable GeoPackage: " + reason)
                .withMessage("detail.gpkg-unreadable", Map.of("reason", String.valueOf(reason)));
    }

    private static GeoPackage open(Path file) {
        try {
            // validate=false: the header and table checks below say what is wrong in our own words
            return GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static StreamedFile stream(FeatureDao dao, String table, List<String> tables, ParseBudget budget,
            Consumer<SourceFeature> sink) {
        int srid = srid(dao.getSrs());
        String geometryColumn = dao.getGeometryColumnName();
        WKBReader wkb = new WKBReader();
        boolean z = false;
        int count = 0;
        FeatureResultSet rs = dao.queryForAll();
        try {
            while (rs.moveToNext()) {
                budget.row(count);
                FeatureRow row = rs.getRow();
                Map<String, String> attrs = new LinkedHashMap<>();
                String[] names = row.getColumnNames();
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equalsIgnoreCase(geometryColumn)) {
                        continue;
                    }
                    Object v = row.getValue(i);
                    if (v != null && !(v instanceof byte[])) {
                        attrs.put(names[i].toLowerCase(Locale.ROOT), value(names[i], v));
                    }
                }
                Geometry g = null;
                String error = null;
                GeoPackageGeometryData data;
                try {
                    data = row.getGeometry();
                } catch (RuntimeException e) {
                    data = null;
                    error = "unreadable geometry: " + rootMessage(e);
                }
                if (error != null) {
                    // reported below
                } else if (data == null || data.isEmpty()) {
                    error = "the feature has no geometry (null or empty)";
                } else if (data.isExtended()) {
                    error = "extended (non-standard) GeoPackage geometry type";
                } else {
                    try {
                        g = wkb.read(data.getWkb());
                        budget.vertices(g.getNumPoints());
                        z |= GeoJsonFileReader.hasZ(g);
                    } catch (org.locationtech.jts.io.ParseException | java.io.IOException | IllegalArgumentException e) {
                        error = "unreadable geometry: " + e.getMessage();
                        g = null;
                    }
                }
                count++;
                SourceFeature feature = new SourceFeature(count, attrs, g, error);
                try {
                    sink.accept(feature);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        } finally {
            rs.close();
        }
        if (count == 0) {
            throw FileProblems.invalid("the GeoPackage table '" + table + "' has no features")
                    .withMessage("detail.gpkg-empty-table", Map.of("table", table));
        }
        List<String> warnings = new ArrayList<>();
        if (tables.size() > 1) {
            warnings.add("read the feature table '" + table + "' of " + tables);
        }
        if (z) {
            warnings.add("3D coordinates: Z values were dropped (geometries are stored 2D)");
        }
        return new StreamedFile(new ParsedFile(UploadFormat.GEOPACKAGE, List.of(), srid, warnings), count);
    }

    /** Carries an exception of the feature consumer past the reader's own error handling. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** Integral reals print as integers (ids, counts); coordinates keep their decimals. */
    private static String value(String name, Object v) {
        String n = name.toLowerCase(Locale.ROOT);
        if (v instanceof java.util.Date d) {
            // DATE columns come back as midnight UTC: ISO date; DATETIME keeps its time as an ISO instant
            java.time.Instant at = d.toInstant();
            return at.atZone(java.time.ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? at.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString() : at.toString();
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && !n.contains("lon") && !n.contains("lat")) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    private static int srid(SpatialReferenceSystem srs) {
        if (srs == null || srs.getSrsId() <= 0) {
            return Crs.WGS84; // undefined cartesian/geographic: assume WGS84
        }
        if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
            return (int) srs.getOrganizationCoordsysId();
        }
        return (int) srs.getSrsId();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
