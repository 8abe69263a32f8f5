package uz.qamrov.planner.gap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uz.qamrov.planner.system.StreamingQueries;
import uz.qamrov.planner.web.FeatureRow;
import uz.qamrov.planner.web.RowSource;

/**
 * All SQL of the gap lists. Clauses are built from small functions with every value bound (pg_featureserv style);
 * sort columns come from {@link Sort}'s allow-lists. PostGIS writes the geometry JSON with 6 decimals
 * ({@code ST_AsGeoJSON(geom, 6)}: 1e-6 degree is ~0.1 m, finer than any source we hold).
 */
@Repository
class GapRepository {

    static final List<String> SETTLEMENT_COLUMNS = List.of("id", "external_id", "name_uz_latn", "name_uz_cyrl", "name_ru",
            "name_en", "kind", "population", "households", "region", "district", "district_name", "service", "covered", "operators",
            "nearest_site_m", "nearest_fiber_m", "best_cell_id", "best_level_dbm", "signal_class", "gap_reason", "gap_reason_details",
            "source", "synthetic", "lon", "lat");

    private static final String SETTLEMENT_PROPERTIES = """
            json_build_object('id', s.id, 'external_id', s.external_id, 'name_uz_latn', s.name_uz_latn,
              'name_uz_cyrl', s.name_uz_cyrl, 'name_ru', s.name_ru, 'name_en', s.name_en, 'kind', s.kind,
              'population', s.population, 'households', s.households, 'region', s.region_code, 'district', s.district_code,
              'district_name', d.name_uz_latn,
              'district_names', CASE WHEN d.code IS NULL THEN NULL ELSE json_build_object('uz-Latn', d.name_uz_latn,
                'uz-Cyrl', d.name_uz_cyrl, 'ru', d.name_ru, 'en', d.name_en) END,
              'service', sc.service, 'covered', sc.covered, 'operators', sc.operators,
              'nearest_site_m', round(sc.nearest_site_m::numeric, 1), 'nearest_fiber_m', round(sc.nearest_fiber_m::numeric, 1),
              'best_cell_id', sc.best_cell_id, 'best_level_dbm', round(sc.best_level_dbm::numeric, 1),
              'signal_class', sc.signal_class, 'gap_reason', sc.gap_reason, 'gap_reason_details', sc.gap_reason_details,
              'source', s.source, 'synthetic', s.source ILIKE '%synthetic%',
              'lon', round(ST_X(s.geom)::numeric, 6), 'lat', round(ST_Y(s.geom)::numeric, 6))::text""";

    private final JdbcClient jdbc;
    private final StreamingQueries streaming;

    GapRepository(JdbcClient jdbc, StreamingQueries streaming) {
        this.jdbc = jdbc;
        this.streaming = streaming;
    }

    /** A WHERE clause under construction: SQL text with named placeholders, and their values. */
    private static final class Where {
        final StringBuilder sql = new StringBuilder(" WHERE true");
        final Map<String, Object> params = new LinkedHashMap<>();

        Where and(String clause, String name, Object value) {
            sql.append(" AND ").append(clause);
            if (name != null) {
                params.put(name, value);
            }
            return this;
        }
    }

    // ---------------------------------------------------------------- settlements

    private static Where settlementWhere(GapQuery q) {
        Where w = new Where().and("sc.run_id = :run", "run", q.runId()).and("sc.service = :service", "service", q.service().key());
        if (q.operator() == null) {
            w.and("NOT sc.covered", null, null);
        } else {
            // "a gap for this operator": not in the list of operators serving the settlement (others may serve it)
            w.and("NOT (:operator = ANY (sc.operators))", "operator", q.operator());
        }
        if (q.region() != null) {
            w.and("s.region_code = :region", "region", q.region());
        }
        if (q.district() != null) {
            w.and("s.district_code = :district", "district", q.district());
        }
        if (q.text() != null) {
            // the whole list is searched, not a page: any script, any apostrophe (qamrov_fold, V040); district names too
            w.and("(s.search_key LIKE '%' || qamrov_fold(:text) || '%' OR d.search_key LIKE '%' || qamrov_fold(:text) || '%')",
                    "text", q.text());
        }
        return w;
    }

    private static final String SETTLEMENT_FROM = " FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id"
            + " LEFT JOIN districts d ON d.code = s.district_code";

    long countSettlements(GapQuery q) {
        Where w = settlementWhere(q);
        return jdbc.sql("SELECT count(*)" + SETTLEMENT_FROM + w.sql).params(w.params).query(Long.class).single();
    }

    RowSource settlements(GapQuery q) {
        Where w = settlementWhere(q);
        String sql = "SELECT s.id, ST_AsGeoJSON(s.geom, 6) AS geometry, " + SETTLEMENT_PROPERTIES + " AS properties"
                + SETTLEMENT_FROM + w.sql + q.sort().orderBy("s.id") + " LIMIT :limit OFFSET :offset";
        return rows(sql, w, q);
    }

    // ---------------------------------------------------------------- highway and railway stretches

    static List<String> stretchColumns(LineKind kind) {
        return kind == LineKind.HIGHWAY
                ? List.of("id", "ref", "road_class", "name", "service", "from_km", "to_km", "length_km", "region", "regions",
                        "longest_gap_km", "line_gap_km", "best_cell_id", "best_level_dbm", "signal_class", "gap_reason",
                        "gap_reason_details")
                : List.of("id", "line_key", "line_name", "service", "from_km", "to_km", "length_km", "region", "regions",
                        "longest_gap_km", "line_gap_km", "best_cell_id", "best_level_dbm", "signal_class", "gap_reason",
                        "gap_reason_details");
    }

    /**
     * The uncovered stretches of the run as continuous gaps: coverage stores one row per region a gap crosses, and
     * a planner wants one gap from the first uncovered km to the next covered one. Rows of one line that touch
     * (the next starts where the previous ends, within 1 m) are merged (gaps-and-islands over from_km); the merged
     * gap keeps the smallest row id, the region of its first km and every region it crosses.
     */
    private static final String MERGED_GAPS = """
            WITH parts AS (
              SELECT ls.id, ls.line_id, ls.from_km, ls.to_km, ls.length_km, ls.region_code, ls.geom, ls.best_cell_id,
                ls.best_level_dbm, ls.signal_class, ls.gap_reason, ls.gap_reason_details,
                CASE WHEN ls.from_km <= max(ls.to_km) OVER (PARTITION BY ls.line_id ORDER BY ls.from_km, ls.id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 0.001 THEN 0 ELSE 1 END AS starts
              FROM line_stretches ls
              WHERE ls.run_id = :run AND ls.line_kind = :kind AND ls.service = :service AND ls.operator_code = :operator
                AND NOT ls.covered),
            numbered AS (
              SELECT p.*, sum(p.starts) OVER (PARTITION BY p.line_id ORDER BY p.from_km, p.id) AS grp FROM parts p),
            gaps AS (
              SELECT min(n.id) AS id, n.line_id, min(n.from_km) AS from_km, max(n.to_km) AS to_km,
                sum(n.length_km) AS length_km, (array_agg(n.region_code ORDER BY n.from_km))[1] AS region_code,
                array_agg(DISTINCT n.region_code) FILTER (WHERE n.region_code IS NOT NULL) AS regions,
                ST_LineMerge(ST_Collect(n.geom ORDER BY n.from_km)) AS geom,
                -- a gap merged across regions: the level, class and reason of its longest part
                (array_agg(n.best_cell_id ORDER BY n.length_km DESC, n.id))[1] AS best_cell_id,
                (array_agg(n.best_level_dbm ORDER BY n.length_km DESC, n.id))[1] AS best_level_dbm,
                (array_agg(n.signal_class ORDER BY n.length_km DESC, n.id))[1] AS signal_class,
                (array_agg(n.gap_reason ORDER BY n.length_km DESC, n.id))[1] AS gap_reason,
                (array_agg(n.gap_reason_details ORDER BY n.length_km DESC, n.id))[1] AS gap_reason_details
              FROM numbered n GROUP BY n.line_id, n.grp),
            line_gaps AS (
              SELECT line_id, max(length_km) AS longest_gap_km, sum(length_km) AS line_gap_km FROM gaps GROUP BY line_id)
            """;

    private static Where stretchWhere(LineKind kind, GapQuery q) {
        Where w = new Where();
        w.params.put("run", q.runId());
        w.params.put("kind", kind.key);
        w.params.put("service", q.service().key());
        // '*' = not covered by any operator; an operator code = stretches that operator does not cover
        w.params.put("operator", q.operator() == null ? "*" : q.operator());
        if (q.region() != null) {
            w.and(":region = ANY (ls.regions)", "region", q.region());
        }
        if (q.district() != null) {
            w.and("EXISTS (SELECT 1 FROM districts d WHERE d.code = :district AND ST_Intersects(d.geom, ls.geom))",
                    "district", q.district());
        }
        if (q.ref() != null) {
            w.and(kind.refColumn + " = :ref", "ref", q.ref());
        }
        if (q.text() != null) {
            w.and("(qamrov_fold(" + kind.refColumn + ") LIKE '%' || qamrov_fold(:text) || '%' OR qamrov_fold("
                    + kind.nameColumn + ") LIKE '%' || qamrov_fold(:text) || '%')", "text", q.text());
        }
        return w;
    }

    private static String stretchFrom(LineKind kind) {
        return " FROM gaps ls JOIN " + kind.table + " l ON l.id = ls.line_id";
    }

    long countStretches(LineKind kind, GapQuery q) {
        Where w = stretchWhere(kind, q);
        return jdbc.sql(MERGED_GAPS + "SELECT count(*)" + stretchFrom(kind) + w.sql).params(w.params).query(Long.class).single();
    }

    RowSource stretches(LineKind kind, GapQuery q) {
        Where w = stretchWhere(kind, q);
        String lineProperties = kind == LineKind.HIGHWAY
                ? "'ref', l.ref, 'road_class', l.road_class, 'name', l.name_uz_latn"
                : "'line_key', l.line_key, 'line_name', l.line_name";
        Sort sort = q.sort().column().equals("line_ref") ? new Sort(kind.refColumn, q.sort().descending()) : q.sort();
        // the longest and total gap of each whole line (all regions), for "which road is worst" at a glance
        String sql = MERGED_GAPS + """
                SELECT ls.id, ST_AsGeoJSON(ls.geom, 6) AS geometry,
                  json_build_object('id', ls.id, %s, 'service', CAST(:service AS text),
                  'from_km', round(ls.from_km::numeric, 3), 'to_km', round(ls.to_km::numeric, 3),
                  'length_km', round(ls.length_km::numeric, 3), 'region', ls.region_code, 'regions', ls.regions,
                  'longest_gap_km', round(g.longest_gap_km::numeric, 3), 'line_gap_km', round(g.line_gap_km::numeric, 3),
                  'best_cell_id', ls.best_cell_id, 'best_level_dbm', round(ls.best_level_dbm::numeric, 1),
                  'signal_class', ls.signal_class, 'gap_reason', ls.gap_reason, 'gap_reason_details', ls.gap_reason_details)::text AS properties
                %s
                JOIN line_gaps g ON g.line_id = ls.line_id
                %s %s LIMIT :limit OFFSET :offset
                """.formatted(lineProperties, stretchFrom(kind), w.sql, sort.orderBy("ls.id"));
        return rows(sql, w, q);
    }

    /** The line's id and length, by its ref (highways) or line_key (railways). */
    Optional<Map<String, Object>> line(LineKind kind, String ref) {
        return jdbc.sql("SELECT l.id, ST_Length(l.geom::geography) / 1000 AS length_km FROM " + kind.table + " l WHERE "
                + kind.refColumn + " = :ref").param("ref", ref).query().listOfRows().stream().findFirst();
    }

    /**
     * Covered fraction of each kilometre [k, k+1) of a line from its stored stretches: the covered length inside the
     * kilometre divided by the kilometre's length (the last one may be shorter). Kilometres with no stretch count as 0.
     */
    List<Double> profile(LineKind kind, long lineId, long runId, Service service) {
        return jdbc.sql("""
                WITH s AS (SELECT from_km, to_km, covered FROM line_stretches
                           WHERE run_id = :run AND line_kind = :kind AND line_id = :line AND service = :service
                             AND operator_code = '*'),
                     total AS (SELECT max(to_km) AS km FROM s)
                SELECT k, COALESCE(sum(GREATEST(0, LEAST(s.to_km, k + 1) - GREATEST(s.from_km, k))) FILTER (WHERE s.covered), 0)
                          / NULLIF(LEAST(k + 1, (SELECT km FROM total)) - k, 0) AS fraction
                FROM generate_series(0, COALESCE(ceil((SELECT km FROM total))::int, 0) - 1) AS k
                LEFT JOIN s ON s.from_km < k + 1 AND s.to_km > k
                GROUP BY k ORDER BY k""")
                .param("run", runId).param("kind", kind.key).param("line", lineId).param("service", service.key())
                .query((rs, i) -> Math.min(1.0, Math.round(rs.getDouble("fraction") * 1e4) / 1e4)).list();
    }

    Optional<Double> longestGapKm(LineKind kind, long lineId, long runId, Service service) {
        return jdbc.sql("""
                SELECT max(length_km) FROM line_stretches
                WHERE run_id = :run AND line_kind = :kind AND line_id = :line AND service = :service AND operator_code = '*'
                  AND NOT covered""")
                .param("run", runId).param("kind", kind.key).param("line", lineId).param("service", service.key())
                .query(Double.class).optional();
    }

    private RowSource rows(String sql, Where w, GapQuery q) {
        Map<String, Object> params = new LinkedHashMap<>(w.params);
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        return sink -> streaming.readOnly(() -> streaming.client().sql(sql).params(params)
                .query(rs -> {
                    sink.accept(new FeatureRow(rs.getObject("id"), rs.getString("geometry"), rs.getString("properties")));
                }));
    }
}
