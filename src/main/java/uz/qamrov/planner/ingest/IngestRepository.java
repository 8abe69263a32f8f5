package uz.qamrov.planner.ingest;

import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL of the ingest feature. Every value is bound; table and column names come only from the constants below.
 * Geometries travel as WKT in EPSG:4326.
 */
@Repository
class IngestRepository {

    /** The versioned network tables and the columns a "decommissioned" copy of a row keeps. */
    enum Versioned {
        BASE_STATIONS("base_stations", "operator_code, external_id, geom, tower_height_m, commissioned_on"),
        FIBER_ROUTES("fiber_routes", "operator_code, external_id, geom, route_kind, commissioned_on, capacity_gbps"),
        FIBER_NODES("fiber_nodes", "operator_code, external_id, geom, kind, broadband_ports, commissioned_on");

        final String table;
        final String keptColumns;

        Versioned(String table, String keptColumns) {
            this.table = table;
            this.keptColumns = keptColumns;
        }
    }

    record RegionNames(String code, List<String> names) {
    }

    private final JdbcClient jdbc;

    IngestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reference data ------------------------------------------------------------------------------------------

    OperatorDirectory operators() {
        return OperatorDirectory.of(jdbc.sql("SELECT code, name, mcc_mnc FROM operators").query((rs, i) -> {
            Array a = rs.getArray("mcc_mnc");
            return new OperatorDirectory.Operator(rs.getString("code"), rs.getString("name"),
                    a == null ? List.of() : Arrays.asList((String[]) a.getArray()));
        }).list());
    }

    boolean sridExists(int srid) {
        return jdbc.sql("SELECT count(*) FROM spatial_ref_sys WHERE srid = :s").param("s", srid).query(Integer.class).single() > 0;
    }

    /** An EPSG code whose name matches a normalised WKT name (see {@link Crs#normaliseName}). */
    Optional<Integer> sridByNormalisedName(String normalised) {
        return jdbc.sql("""
                SELECT srid FROM spatial_ref_sys
                WHERE auth_name = 'EPSG'
                  AND replace(replace(replace(lower(regexp_replace(substring(srtext FROM '"([^"]+)"'), '[^A-Za-z0-9]', '', 'g')),
                      'gausskruger', 'gk'), 'wgs1984', 'wgs84'), 'gcs', '') = :n
                ORDER BY srid LIMIT 1""").param("n", normalised).query(Integer.class).optional();
    }

    /** Reprojects WKB geometries from {@code srid} to EPSG:4326 (PostGIS ST_Transform). */
    List<byte[]> transformTo4326(List<byte[]> wkb, int srid) {
        return jdbc.sql("""
                SELECT ST_AsBinary(ST_Transform(ST_SetSRID(ST_GeomFromWKB(g), :srid), 4326))
                FROM unnest(CAST(:wkb AS bytea[])) WITH ORDINALITY AS t(g, n) ORDER BY n""")
                .param("srid", srid).param("wkb", wkb.toArray(byte[][]::new))
                .query((rs, i) -> rs.getBytes(1)).list();
    }

    boolean hasRegionGeometry() {
        return jdbc.sql("SELECT count(*) FROM regions WHERE geom IS NOT NULL").query(Integer.class).single() > 0;
    }

    /** The union of the region polygons (EPSG:4326) as WKB, or empty when no region has a geometry. */
    Optional<byte[]> regionsOutlineWkb() {
        List<byte[]> wkb = jdbc.sql("SELECT ST_AsBinary(ST_Union(geom)) FROM regions WHERE geom IS NOT NULL")
                .query((rs, i) -> rs.getBytes(1)).list();
        return wkb.isEmpty() ? Optional.empty() : Optional.ofNullable(wkb.get(0));
    }

    /**
     * Which of the geometries lie farther than {@code toleranceM} from every region polygon (geodesic distance on
     * the WGS84 spheroid). The bbox pre-filter in degrees lets the GiST index on regions.geom work. A geometry that
     * meets a region (planar test in EPSG:4326: nearly every uploaded feature) is within the tolerance already, and
     * that test comes first in the OR, which PostgreSQL evaluates left to right: the geodesic ST_DWithin, which
     * builds a tree of the region's edges per call, is left for the few near the border (100,000 points took over
     * the 120 s statement timeout with it alone).
     */
    Set<Integer> outsideRegions(int[] index, String[] wkt, double toleranceM) {
        double deg = toleranceM / 60_000.0; // ≥ toleranceM everywhere in Uzbekistan (1° lon ≈ 77 km at 46°N)
        return new HashSet<>(jdbc.sql("""
                SELECT t.i FROM unnest(CAST(:idx AS int[]), CAST(:wkt AS text[])) AS t(i, w)
                CROSS JOIN LATERAL (SELECT ST_GeomFromText(t.w, 4326) AS g) p
                WHERE NOT EXISTS (
                    SELECT 1 FROM regions r
                    WHERE r.geom IS NOT NULL AND r.geom && ST_Expand(p.g, :deg)
                      AND (ST_Intersects(r.geom, p.g) OR ST_DWithin(r.geom::geography, p.g::geography, :tol)))""")
                .param("idx", index).param("wkt", wkt).param("deg", deg).param("tol", toleranceM)
                .query(Integer.class).list());
    }

    Set<String> regionCodes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM regions").query(String.class).list());
    }

    Set<String> districtCodes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM districts").query(String.class).list());
    }

    List<RegionNames> boundaryNames(Layer layer) {
        String table = layer == Layer.REGIONS ? "regions" : "districts";
        return jdbc.sql("SELECT code, name_uz_latn, name_uz_cyrl, name_ru, name_en FROM " + table).query((rs, i) -> {
            List<String> names = new ArrayList<>();
            for (int c = 2; c <= 5; c++) {
                if (rs.getString(c) != null) {
                    names.add(rs.getString(c));
                }
            }
            return new RegionNames(rs.getString(1), names);
        }).list();
    }

    // ---- jobs ----------------------------------------------------------------------------------------------------

    void insertJob(UUID id, Layer layer, UploadFormat format, String fileName, boolean dryRun, String optionsJson,
            String submittedBy, String operatorCode, int rowsTotal) {
        jdbc.sql("""
                INSERT INTO import_jobs (id, layer, format, file_name, status, dry_run, options, submitted_by, operator_code, rows_total)
                VALUES (:id, :layer, :format, :file, 'queued', :dry, CAST(:options AS jsonb), :by, :op, :total)""")
                .param("id", id).param("layer", layer.key).param("format", format.key).param("file", fileName)
                .param("dry", dryRun).param("options", optionsJson).param("by", submittedBy).param("op", operatorCode)
                .param("total", rowsTotal).update();
    }

    void setLane(UUID id, String lane) {
        jdbc.sql("UPDATE import_jobs SET lane = :lane WHERE id = :id").param("id", id).param("lane", lane).update();
    }

    void markRunning(UUID id) {
        jdbc.sql("UPDATE import_jobs SET status = 'running', started_at = now() WHERE id = :id").param("id", id).update();
    }

    void finishJob(UUID id, String status, int rowsRead, String reportJson, String error) {
        jdbc.sql("""
                UPDATE import_jobs SET status = :status, rows_read = :read, report = CAST(:report AS jsonb), error = :error,
                                       finished_at = now()
                WHERE id = :id""")
                .param("id", id).param("status", status).param("read", rowsRead).param("report", reportJson)
                .param("error", error).update();
    }

    void updateReport(UUID id, String reportJson) {
        jdbc.sql("UPDATE import_jobs SET report = CAST(:report AS jsonb) WHERE id = :id").param("id", id)
                .param("report", reportJson).update();
    }

    /** Jobs left queued or running by a process that died: their transaction was rolled back by PostgreSQL. */
    int failInterruptedJobs() {
        return jdbc.sql("""
                UPDATE import_jobs SET status = 'failed', error = 'interrupted: the service stopped; nothing was written',
                                       finished_at = now()
                WHERE status IN ('queued', 'running')""").update();
    }

    record JobRow(UUID id, String layer, String format, String fileName, String status, boolean dryRun, String options,
            String submittedBy, String operatorCode, Integer rowsTotal, int rowsRead, String report, String error,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    Optional<JobRow> findJob(UUID id) {
        return jdbc.sql("SELECT * FROM import_jobs WHERE id = :id").param("id", id).query((rs, i) -> new JobRow(
                rs.getObject("id", UUID.class), rs.getString("layer"), rs.getString("format"), rs.getString("file_name"),
                rs.getString("status"), rs.getBoolean("dry_run"), rs.getString("options"), rs.getString("submitted_by"),
                rs.getString("operator_code"), (Integer) rs.getObject("rows_total"), rs.getInt("rows_read"),
                rs.getString("report"), rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class)))
                .optional();
    }

    // ---- versioned network rows ----------------------------------------------------------------------------------

    /** Serialises imports of one operator's layer (row locks could not lock the rows a concurrent import is about to add). */
    void lockOperatorLayer(Versioned t, String operator) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").param("k", t.table + "/" + operator).query().singleRow();
    }

    void lockLayer(Layer layer) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").param("k", "layer/" + layer.key).query().singleRow();
    }

    /**
     * Kilometres of lines the highways or railways layer holds (geodesic length of each line's main path, as the
     * validation measures an upload's), 0 for other layers.
     */
    double lineKm(Layer layer) {
        String table = layer == Layer.HIGHWAYS ? "highways" : layer == Layer.RAILWAYS ? "railways" : null;
        return table == null ? 0 : jdbc.sql("SELECT coalesce(sum(ST_Length(geom::geography)), 0) / 1000 FROM " + table)
                .query(Double.class).single();
    }

    // ---- admin layers (not versioned: upserts) -------------------------------------------------------------------

    /** Official polygon for a matched region: made valid, polygons only, approximate = false. */
    String replaceRegionGeometry(String code, String wkt, String source) {
        return jdbc.sql("""
                WITH g AS (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromText(:wkt, 4326)), 3)) AS geom)
                UPDATE regions r SET geom = g.geom, approximate = false, source = :source FROM g
                WHERE r.code = :code
                  AND (r.geom IS NULL OR r.approximate OR r.source <> :source OR ST_AsBinary(r.geom) <> ST_AsBinary(g.geom))
                RETURNING 'updated'""")
                .param("wkt", wkt).param("source", source).param("code", code)
                .query(String.class).optional().orElse("unchanged");
    }

    /**
     * A district: an existing one (matched by the caller) gets the official polygon; a new one is inserted, its region
     * being the parent code given or else the region with the largest area overlap (the nearest when none overlaps).
     */
    String upsertDistrict(String code, String parentCode, String nameUzLatn, String nameUzCyrl, String nameRu,
            String nameEn, String wkt, String source) {
        return jdbc.sql("""
                WITH g AS (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromText(:wkt, 4326)), 3)) AS geom)
                INSERT INTO districts (code, region_code, name_uz_latn, name_uz_cyrl, name_ru, name_en, geom, approximate, source)
                SELECT :code,
                       coalesce(CAST(:parent AS text), (SELECT r.code FROM regions r WHERE r.geom IS NOT NULL
                                          ORDER BY CASE WHEN r.geom && g.geom THEN ST_Area(ST_Intersection(r.geom, g.geom)) ELSE 0 END DESC,
                                                   r.geom <-> g.geom
                                          LIMIT 1)),
                       :uz, :cyrl, :ru, :en, g.geom, false, :source
                FROM g
                ON CONFLICT (code) DO UPDATE SET geom = EXCLUDED.geom, approximate = false, source = EXCLUDED.source,
                    region_code = CASE WHEN CAST(:parent AS text) IS NULL THEN districts.region_code ELSE EXCLUDED.region_code END
                WHERE districts.geom IS NULL OR districts.approximate OR districts.source <> EXCLUDED.source
                   OR ST_AsBinary(districts.geom) <> ST_AsBinary(EXCLUDED.geom)
                RETURNING CASE WHEN xmax = 0 THEN 'inserted' ELSE 'updated' END""")
                .param("wkt", wkt).param("code", code).param("parent", parentCode).param("uz", nameUzLatn)
                .param("cyrl", nameUzCyrl).param("ru", nameRu).param("en", nameEn).param("source", source)
                .query(String.class).optional().orElse("unchanged");
    }
}
