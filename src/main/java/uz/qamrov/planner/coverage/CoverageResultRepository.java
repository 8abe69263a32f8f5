package uz.qamrov.planner.coverage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.io.WKTWriter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.SettlementCoverage;

/**
 * All SQL that stores and finds coverage results. Bulk rows go in by COPY (tens of thousands per run); every
 * run's rows hang off {@code coverage_runs} and are deleted with it.
 */
@Repository
class CoverageResultRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CoverageResultRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Optional<Long> succeededRun(LocalDate asOf) {
        return jdbc.sql("SELECT id FROM coverage_runs WHERE as_of = :d AND status = 'succeeded' ORDER BY id DESC LIMIT 1")
                .param("d", asOf).query(Long.class).optional();
    }

    List<CoverageController.RunView> recentRuns(int limit) {
        return jdbc.sql("""
                SELECT id, kind, as_of::text, status, duration_ms, started_at::text, finished_at::text
                FROM coverage_runs ORDER BY id DESC LIMIT :n""").param("n", limit)
                .query((rs, i) -> new CoverageController.RunView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    long startRun(String kind, LocalDate asOf) {
        return jdbc.sql("INSERT INTO coverage_runs (kind, as_of, status) VALUES (:k, :d, 'running') RETURNING id")
                .param("k", kind).param("d", asOf).query(Long.class).single();
    }

    void finishRun(long runId, long durationMs, String statsJson) {
        jdbc.sql("""
                UPDATE coverage_runs SET status = 'succeeded', finished_at = now(), duration_ms = :ms, stats = CAST(:stats AS jsonb)
                WHERE id = :id""").param("ms", durationMs).param("stats", statsJson).param("id", runId).update();
    }

    void failRun(long runId, String message) {
        jdbc.sql("UPDATE coverage_runs SET status = 'failed', finished_at = now(), stats = jsonb_build_object('error', CAST(:m AS text)) WHERE id = :id")
                .param("m", message).param("id", runId).update();
    }

    /** Stored results describe the network as it was; after a change they are dropped and recomputed on demand. */
    int deleteAllRuns() {
        return jdbc.sql("DELETE FROM coverage_runs").update();
    }

    void storeSettlements(long runId, List<SettlementCoverage> rows, Map<Long, double[]> nearestSiteAndFiberM) {
        StringBuilder csv = new StringBuilder(rows.size() * 48);
        for (SettlementCoverage s : rows) {
            double[] nearest = nearestSiteAndFiberM.get(s.settlementId());
            csv.append(runId).append(',').append(s.settlementId()).append(',').append(s.service().key()).append(',')
                    .append(s.covered()).append(",\"{").append(String.join(",", s.operators())).append("}\",")
                    .append(number(nearest == null ? Double.NaN : nearest[0])).append(',')
                    .append(number(nearest == null ? Double.NaN : nearest[1])).append('\n');
        }
        copy("COPY settlement_coverage (run_id, settlement_id, service, covered, operators, nearest_site_m, nearest_fiber_m)"
                + " FROM STDIN WITH (FORMAT csv)", csv);
    }

    void storeStretches(long runId, List<LineStretch> stretches, String operator) {
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(1e6)); // 6 decimals ≈ 0.1 m
        StringBuilder csv = new StringBuilder(stretches.size() * 200);
        for (LineStretch s : stretches) {
            csv.append(runId).append(',').append(s.lineKind().name().toLowerCase()).append(',').append(s.lineId()).append(',')
                    .append(s.service().key()).append(',').append(s.covered()).append(',').append(s.fromKm()).append(',')
                    .append(s.toKm()).append(',').append(s.lengthKm()).append(',')
                    .append(s.regionCode() == null ? "" : s.regionCode()).append(",\"SRID=4326;")
                    .append(wkt.write(s.geometry())).append("\",").append(operator).append('\n');
        }
        copy("COPY line_stretches (run_id, line_kind, line_id, service, covered, from_km, to_km, length_km, region_code, geom, operator_code)"
                + " FROM STDIN WITH (FORMAT csv)", csv);
    }

    void storeIndicators(long runId, List<IndicatorValue> values) {
        StringBuilder csv = new StringBuilder(values.size() * 64);
        for (IndicatorValue v : values) {
            csv.append(runId).append(',').append(v.key()).append(',').append(v.scopeType().key()).append(',')
                    .append(v.scopeCode()).append(',').append(number(v.value())).append(',').append(number(v.numerator()))
                    .append(',').append(number(v.denominator())).append('\n');
        }
        copy("COPY indicator_values (run_id, indicator_key, scope_type, scope_code, value, numerator, denominator)"
                + " FROM STDIN WITH (FORMAT csv)", csv);
    }

    boolean hasPolygons(long runId) {
        return jdbc.sql("SELECT stats -> 'polygons' IS NOT NULL FROM coverage_runs WHERE id = :id").param("id", runId)
                .query(Boolean.class).optional().orElse(false);
    }

    void markPolygons(long runId, int count) {
        jdbc.sql("UPDATE coverage_runs SET stats = stats || jsonb_build_object('polygons', CAST(:n AS int)) WHERE id = :id")
                .param("n", count).param("id", runId).update();
    }

    void storePolygon(long runId, String technology, String operator, String regionCode, double areaKm2, byte[] wkb) {
        jdbc.sql("""
                INSERT INTO coverage_polygons (run_id, technology, operator_code, region_code, area_km2, geom)
                VALUES (:run, :tech, :op, :region, :area, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(:wkb, 4326)), 3)))""")
                .param("run", runId).param("tech", technology).param("op", operator).param("region", regionCode)
                .param("area", areaKm2).param("wkb", wkb).update();
    }

    private void copy(String sql, CharSequence csv) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("storing coverage results failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }
}
