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
            "name_en", "kind", "population", "households", "region", "district", "service", "covered", "operators",
            "nearest_site_m", "nearest_fiber_m", "source", "synthetic", "lon", "lat");

    private static final String SETTLEMENT_PROPERTIES = """
            json_build_object('id', s.id, 'external_id', s.external_id, 'name_uz_latn', s.name_uz_latn,
              'name_uz_cyrl', s.name_uz_cyrl, 'name_ru', s.name_ru, 'name_en', s.name_en, 'kind', s.kind,
              'population', s.population, 'households', s.households, 'region', s.region_code, 'district', s.district_code,
              'service', sc.service, 'covered', sc.covered, 'operators', sc.operators,
              'nearest_site_m', round(sc.nearest_site_m::numeric, 1), 'nearest_fiber_m', round(sc.nearest_fiber_m::numeric, 1),
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
        return w;
    }

    private static final String SETTLEMENT_FROM = " FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id";

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
                ? List.of("id", "ref", "road_class", "name", "service", "from_km", "to_km", "length_km", "region",
                        "longest_gap_km", "line_gap_km")
                : List.of("id", "line_key", "line_name", "service", "from_km", "to_km", "length_km", "region",
                        "longest_gap_km", "line_gap_km");
    }

    private static Where stretchWhere(LineKind kind, GapQuery q) {
        Where w = new Where().and("ls.run_id = :run", "run", q.runId()).and("ls.line_kind = :kind", "kind", kind.key)
                .and("ls.service = :service", "service", q.service().key()).and("NOT ls.covered", null, null)
                // '*' = not covered by any operator; an operator code = stretches that operator does not cover
                .and("ls.operator_code = :operator", "operator", q.operator() == null ? "*" : q.operator());
        if (q.region() != null) {
            w.and("ls.region_code = :region", "region", q.region());
        }
        if (q.district() != null) {
            w.and("EXISTS (SELECT 1 FROM districts d WHERE d.code = :district AND ST_Intersects(d.geom, ls.geom))",
                    "district", q.district());
        }
        if (q.ref() != null) {
            w.and(kind.refColumn + " = :ref", "ref", q.ref());
        }
        return w;
    }

    private static String stretchFrom(LineKind kind) {
        return " FROM line_stretches ls JOIN " + kind.table + " l ON l.id = ls.line_id";
    }

    long countStretches(LineKind kind, GapQuery q) {
        Where w = stretchWhere(kind, q);
        return jdbc.sql("SELECT count(*)" + stretchFrom(kind) + w.sql).params(w.params).query(Long.class).single();
    }

    RowSource stretches(LineKind kind, GapQuery q) {
        Where w = stretchWhere(kind, q);
        String lineProperties = kind == LineKind.HIGHWAY
                ? "'ref', l.ref, 'road_class', l.road_class, 'name', l.name_uz_latn"
                : "'line_key', l.line_key, 'line_name', l.line_name";
        Sort sort = q.sort().column().equals("line_ref") ? new Sort(kind.refColumn, q.sort().descending()) : q.sort();
        // the longest and total gap of each whole line (all regions), for "which road is worst" at a glance:
        // one aggregate over the run's gaps, joined by line (a per-row subquery would rescan them for every row)
        String sql = """
                WITH line_gaps AS (
                  SELECT line_id, max(length_km) AS longest_gap_km, sum(length_km) AS line_gap_km FROM line_stretches
                  WHERE run_id = :run AND line_kind = :kind AND service = :service AND operator_code = :operator AND NOT covered
                  GROUP BY line_id)
                SELECT ls.id, ST_AsGeoJSON(ls.geom, 6) AS geometry,
                  json_build_object('id', ls.id, %s, 'service', ls.service,
                  'from_km', round(ls.from_km::numeric, 3), 'to_km', round(ls.to_km::numeric, 3),
                  'length_km', round(ls.length_km::numeric, 3), 'region', ls.region_code,
                  'longest_gap_km', round(g.longest_gap_km::numeric, 3), 'line_gap_km', round(g.line_gap_km::numeric, 3))::text AS properties
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
