package uz.qamrov.planner.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.function.Consumer;
import org.springframework.stereotype.Repository;
import uz.qamrov.planner.system.StreamingQueries;
import uz.qamrov.planner.web.FeatureRow;

/**
 * All SQL of the exports. Rows are read through a server-side cursor ({@link StreamingQueries}) and handed on one
 * at a time. PostGIS writes the geometry JSON: {@code ST_AsGeoJSON(geom, 6, 0)} = 6 decimals (1e-6 degree is
 * ~0.1 m, finer than any footprint model) and option 0 = no bbox and no {@code crs} member, as RFC 7946 requires;
 * our storage SRID is already 4326 lon/lat, so coordinates come out in RFC 7946 order.
 */
@Repository
class ExportRepository {

    private final StreamingQueries streaming;
    private final JdbcClient jdbc;

    ExportRepository(StreamingQueries streaming, JdbcClient jdbc) {
        this.streaming = streaming;
        this.jdbc = jdbc;
    }

    /** Filters of the coverage export; null technology / region = all. */
    record CoverageFilter(long runId, String technology, String operator, String region) {
    }

    /**
     * The dissolved coverage polygons of a run, exterior rings counter-clockwise (RFC 7946 §3.1.6 right-hand rule;
     * {@code ST_ForcePolygonCCW} also turns holes clockwise).
     */
    void coveragePolygons(CoverageFilter f, Consumer<FeatureRow> sink) {
        StringBuilder where = new StringBuilder(" WHERE run_id = :run AND operator_code = :operator");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", f.runId());
        params.put("operator", f.operator());
        if (f.technology() != null) {
            where.append(" AND technology = :technology");
            params.put("technology", f.technology());
        }
        if (f.region() != null) {
            where.append(" AND region_code = :region");
            params.put("region", f.region());
        }
        String sql = """
                SELECT id, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6, 0) AS geometry,
                  json_build_object('technology', technology, 'operator', operator_code, 'region', region_code,
                    'area_km2', round(area_km2::numeric, 3), 'run_id', run_id)::text AS properties
                FROM coverage_polygons""" + where + " ORDER BY region_code, technology, id";
        streaming.readOnly(() -> streaming.client().sql(sql).params(params).query(rs -> {
            sink.accept(new FeatureRow(rs.getLong("id"), rs.getString("geometry"), rs.getString("properties")));
        }));
    }

    /** Filters of the gap exports; null region = the whole country. */
    record GapFilter(long runId, String service, String region) {
    }

    /**
     * One row of a gap layer: the geometry as WKB ({@code ST_AsBinary}), its envelope, its WKT (for CSV) and the
     * attribute values in {@link GapLayer#columns()} order.
     */
    record GapRow(byte[] wkb, double minX, double minY, double maxX, double maxY, Object[] values) {
    }

    /** WKB and envelope of a geometry column: the first five columns of every gap layer query. */
    private static String geometry(String column) {
        return "ST_AsBinary(%1$s) AS wkb, ST_XMin(%1$s) AS minx, ST_YMin(%1$s) AS miny, ST_XMax(%1$s) AS maxx, ST_YMax(%1$s) AS maxy"
                .formatted(column);
    }

    private static String gapSelect(GapLayer layer) {
        return switch (layer) {
            case UNCOVERED_SETTLEMENTS -> """
                    SELECT %s, s.id, s.external_id, s.name_uz_latn, s.name_uz_cyrl, s.name_ru, s.name_en, s.kind,
                      s.population, s.households, s.region_code, s.district_code, sc.service, sc.nearest_site_m,
                      sc.nearest_fiber_m, %s, s.source, s.source ILIKE '%%synthetic%%'
                    FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id
                    WHERE sc.run_id = :run AND sc.service = :service AND NOT sc.covered
                      AND (CAST(:region AS text) IS NULL OR s.region_code = :region)
                    ORDER BY s.id""".formatted(geometry("s.geom"), GapLayer.signalSql("sc"));
            case HIGHWAY_GAPS -> """
                    SELECT %s, ls.id, l.ref, l.road_class, l.name_uz_latn, ls.service, ls.from_km, ls.to_km, ls.length_km,
                      ls.region_code, %s
                    FROM line_stretches ls JOIN highways l ON l.id = ls.line_id
                    WHERE ls.run_id = :run AND ls.line_kind = 'highway' AND ls.service = :service AND NOT ls.covered
                      AND ls.operator_code = '*'
                      AND (CAST(:region AS text) IS NULL OR ls.region_code = :region)
                    ORDER BY ls.id""".formatted(geometry("ls.geom"), GapLayer.signalSql("ls"));
            case RAILWAY_GAPS -> """
                    SELECT %s, ls.id, l.line_key, l.line_name, ls.service, ls.from_km, ls.to_km, ls.length_km, ls.region_code,
                      %s
                    FROM line_stretches ls JOIN railways l ON l.id = ls.line_id
                    WHERE ls.run_id = :run AND ls.line_kind = 'railway' AND ls.service = :service AND NOT ls.covered
                      AND ls.operator_code = '*'
                      AND (CAST(:region AS text) IS NULL OR ls.region_code = :region)
                    ORDER BY ls.id""".formatted(geometry("ls.geom"), GapLayer.signalSql("ls"));
            case SETTLEMENTS_STATUS -> """
                    SELECT %s, s.id, s.name_uz_latn, s.name_en, s.kind, s.population, s.households, s.region_code,
                      s.district_code, CAST(:service AS text), sc.covered, array_to_string(sc.operators, ';'),
                      sc.nearest_site_m, sc.nearest_fiber_m, %s
                    FROM settlements s LEFT JOIN settlement_coverage sc
                      ON sc.settlement_id = s.id AND sc.run_id = :run AND sc.service = :service
                    WHERE (CAST(:region AS text) IS NULL OR s.region_code = :region)
                    ORDER BY s.id""".formatted(geometry("s.geom"), GapLayer.signalSql("sc"));
        };
    }

    /** Streams the rows of one gap layer (the whole country or one region), in id order. */
    void gapRows(GapLayer layer, GapFilter f, Consumer<GapRow> sink) {
        String sql = gapSelect(layer);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", f.runId());
        params.put("service", f.service());
        params.put("region", f.region());
        int n = layer.columns().size();
        streaming.readOnly(() -> streaming.client().sql(sql).params(params).query((ResultSet rs) -> {
            sink.accept(gapRow(rs, n));
        }));
    }

    private static GapRow gapRow(ResultSet rs, int n) throws SQLException {
        Object[] values = new Object[n];
        // columns: wkb, minx, miny, maxx, maxy, then the attributes
        for (int i = 0; i < n; i++) {
            Object v = rs.getObject(6 + i);
            values[i] = v instanceof java.math.BigDecimal d ? d.doubleValue() : v;
        }
        return new GapRow(rs.getBytes("wkb"), rs.getDouble("minx"), rs.getDouble("miny"), rs.getDouble("maxx"),
                rs.getDouble("maxy"), values);
    }

    /** What a region map shows: geometries as WKB, already simplified to about a pixel. */
    record MapData(String title, byte[] region, List<byte[]> districts, List<byte[]> coverage, List<byte[]> highways,
            List<byte[]> uncovered, double[] bbox) {
    }

    Optional<MapData> mapData(String region, long runId, String technology, String service, double pixelDeg) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("region", region);
        params.put("run", runId);
        params.put("technology", technology);
        params.put("service", service);
        params.put("tol", pixelDeg);
        var head = jdbc.sql("""
                SELECT name_en, ST_AsBinary(ST_SimplifyPreserveTopology(geom, :tol)) AS wkb,
                  ST_XMin(geom) AS minx, ST_YMin(geom) AS miny, ST_XMax(geom) AS maxx, ST_YMax(geom) AS maxy
                FROM regions WHERE code = :region AND geom IS NOT NULL""").params(params)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2),
                    new double[] {rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)}}).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> districts = jdbc.sql("""
                SELECT ST_AsBinary(ST_SimplifyPreserveTopology(geom, :tol)) FROM districts
                WHERE region_code = :region AND geom IS NOT NULL ORDER BY code""").params(params).query(byte[].class).list();
        List<byte[]> coverage = jdbc.sql("""
                SELECT ST_AsBinary(ST_SimplifyPreserveTopology(geom, :tol)) FROM coverage_polygons
                WHERE run_id = :run AND region_code = :region AND technology = :technology AND operator_code = '*'""")
                .params(params).query(byte[].class).list();
        // highways crossing the region's box; the envelope is built in the column SRID (4326) so the index is used
        List<byte[]> highways = jdbc.sql("""
                SELECT ST_AsBinary(ST_SimplifyPreserveTopology(h.geom, :tol)) FROM highways h, regions r
                WHERE r.code = :region AND h.geom && r.geom""").params(params).query(byte[].class).list();
        List<byte[]> uncovered = jdbc.sql("""
                SELECT ST_AsBinary(s.geom) FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id
                WHERE sc.run_id = :run AND sc.service = :service AND NOT sc.covered AND s.region_code = :region""")
                .params(params).query(byte[].class).list();
        Object[] h = head.get();
        return Optional.of(new MapData((String) h[0], (byte[]) h[1], districts, coverage, highways, uncovered, (double[]) h[2]));
    }
}
