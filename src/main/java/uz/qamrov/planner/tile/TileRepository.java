package uz.qamrov.planner.tile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uz.qamrov.planner.layer.Layer;

/** All SQL of the vector tiles: PostGIS encodes the tile ({@code ST_AsMVT} over {@code ST_AsMVTGeom} in EPSG:3857). */
@Repository
class TileRepository {

    /** FROM clause, attribute columns and filter of each collection in a tile; identifiers only. */
    private record Source(String from, String attributes, String filter) {
    }

    /** The one as-of rule (migration V011), as in the layers and the coverage engine's loader. */
    private static final String VERSIONED = "t.counts_during @> CAST(:asOf AS date)";

    private static Source source(Layer layer) {
        return switch (layer) {
            case REGIONS -> new Source("regions t", "t.code, t.name_uz_latn, t.name_en, t.population", null);
            case DISTRICTS -> new Source("districts t", "t.code, t.region_code, t.name_uz_latn, t.name_en", null);
            case SETTLEMENTS -> new Source("""
                    settlements t LEFT JOIN settlement_coverage sc
                      ON sc.settlement_id = t.id AND sc.run_id = :run AND sc.service = :service""",
                    "t.id, t.name_uz_latn, t.kind, t.population, sc.covered", null);
            case HIGHWAYS -> new Source("highways t", "t.id, t.ref, t.road_class", null);
            case RAILWAYS -> new Source("railways t", "t.id, t.line_key, t.line_name", null);
            case BASE_STATIONS -> new Source("base_stations t", "t.id, t.operator_code AS operator, t.status", VERSIONED);
            case CELLS -> new Source("cells c JOIN base_stations t ON t.id = c.base_station_id",
                    "c.id, t.operator_code AS operator, c.technology, c.azimuth_deg", VERSIONED);
            case FIBER_ROUTES -> new Source("fiber_routes t", "t.id, t.operator_code AS operator, t.route_kind", VERSIONED);
            case COVERAGE -> new Source("coverage_polygons t", "t.id, t.technology, t.operator_code AS operator, t.region_code",
                    "t.run_id = :run");
        };
    }

    /** The attribute names a collection's tiles carry (for TileJSON's vector_layers). */
    static java.util.List<String> fields(Layer layer) {
        return java.util.Arrays.stream(source(layer).attributes().split(","))
                .map(a -> a.contains(" AS ") ? a.substring(a.indexOf(" AS ") + 4) : a.substring(a.indexOf('.') + 1))
                .map(String::strip).toList();
    }

    private final JdbcClient jdbc;

    TileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The encoded tile; an empty array when no feature touches it. */
    byte[] tile(Layer layer, int z, int x, int y, LocalDate asOf, Long runId, String service) {
        Source s = source(layer);
        // The tile envelope (with the 64/4096 buffer) is transformed to the column's SRID (4326), never the column to
        // 3857, so the GiST index on geom is used; only the matching rows are transformed for encoding.
        String sql = """
                WITH bounds AS (SELECT ST_TileEnvelope(:z, :x, :y) AS env,
                                       ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096), 4326) AS env4326),
                tile AS (
                  SELECT ST_AsMVTGeom(ST_Transform(t.geom, 3857), bounds.env, 4096, 64, true) AS geom, %s
                  FROM %s, bounds
                  WHERE t.geom && bounds.env4326 %s)
                SELECT ST_AsMVT(tile.*, CAST(:name AS text), 4096, 'geom') FROM tile WHERE geom IS NOT NULL
                """.formatted(s.attributes(), s.from(), s.filter() == null ? "" : "AND " + s.filter());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("z", z);
        params.put("x", x);
        params.put("y", y);
        params.put("name", layer.id());
        if (layer.versioned()) {
            params.put("asOf", asOf);
        }
        if (layer.perRun()) {
            params.put("run", runId);
        }
        if (layer == Layer.SETTLEMENTS) {
            params.put("service", service);
        }
        byte[] mvt = jdbc.sql(sql).params(params).query(byte[].class).optional().orElse(null);
        return mvt == null ? new byte[0] : mvt;
    }
}
