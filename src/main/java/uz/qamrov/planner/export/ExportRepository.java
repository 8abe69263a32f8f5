package uz.qamrov.planner.export;

import java.util.LinkedHashMap;
import java.util.Map;
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

    ExportRepository(StreamingQueries streaming) {
        this.streaming = streaming;
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
}
