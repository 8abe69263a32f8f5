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
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.PlaceSignal;
import uz.qamrov.engine.measure.SettlementCoverage;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.engine.signal.GapReason;

/**
 * All SQL that stores and finds coverage results. Bulk rows go in by COPY (tens of thousands per run); every
 * run's rows hang off {@code coverage_runs} and are deleted with it: by foreign key, except the settlement rows,
 * which {@link #deleteOlderRuns} deletes itself (V066).
 */
@Repository
class CoverageResultRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CoverageResultRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * A run is stale when a later generation may have changed the answer for its date (effective_from <= as_of), or
     * when it predates generations (NULL). One definition, used by every reader.
     */
    private static final String STALE = """
            (r.generation IS NULL OR EXISTS (SELECT 1 FROM coverage_generations g
                                             WHERE g.id > r.generation AND g.effective_from <= r.as_of))""";

    /** Everything of the run is stored (a gaps-first run gets its covered classes and operators' stretches after it). */
    private static final String CLASSES = "r.stats -> 'partial' IS NULL";

    /** The newest succeeded run of a date, fresh or stale. */
    Optional<RunRef> latestRun(LocalDate asOf) {
        return jdbc.sql("SELECT r.id, r.as_of, r.generation, " + STALE + " AS stale, r.stats -> 'polygons' IS NOT NULL AS polygons,"
                + " " + CLASSES + " AS signal_classes FROM coverage_runs r WHERE r.as_of = :d AND r.status = 'succeeded'"
                + " ORDER BY r.generation DESC NULLS LAST, r.id DESC LIMIT 1")
                .param("d", asOf).query((rs, i) -> new RunRef(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                        rs.getObject("generation") == null ? -1 : rs.getLong("generation"), rs.getBoolean("stale"),
                        rs.getBoolean("polygons"), rs.getBoolean("signal_classes")))
                .optional();
    }

    /**
     * Dates that have a fresh (not stale) stored run with everything stored. A run stored gaps first whose rest was
     * never added (the service stopped first) is not one: the background computes the date again after a start.
     */
    java.util.Set<LocalDate> freshDates() {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT r.as_of FROM coverage_runs r WHERE r.status = 'succeeded' AND NOT "
                + STALE + " AND " + CLASSES).query(LocalDate.class).list());
    }

    /**
     * Records a new model generation; {@code effectiveFrom}: {@link LocalDate#MIN} = every date, null = none;
     * {@code answersDigest}: what its answers are computed from, null when not known yet.
     */
    long newGeneration(String kind, LocalDate effectiveFrom, String engine, String answersDigest) {
        String from = effectiveFrom == null ? null : effectiveFrom.equals(LocalDate.MIN) ? "-infinity" : effectiveFrom.toString();
        return jdbc.sql("""
                INSERT INTO coverage_generations (kind, effective_from, engine, answers_digest)
                VALUES (:k, CAST(:f AS date), :e, :d) RETURNING id""")
                .param("k", kind).param("f", from).param("e", engine).param("d", answersDigest).query(Long.class).single();
    }

    /** The newest generation's answers digest, or null (none, or not known). */
    String newestAnswersDigest() {
        List<String> newest = jdbc.sql("SELECT answers_digest FROM coverage_generations ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> rs.getString(1)).list();
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** Records a generation's answers digest once it is computed (an import's, after the import). */
    void setAnswersDigest(long generation, String answersDigest) {
        jdbc.sql("UPDATE coverage_generations SET answers_digest = :d WHERE id = :id")
                .param("d", answersDigest).param("id", generation).update();
    }

    /** The newest succeeded run of a date whose dissolved polygons are stored (possibly stale). */
    Optional<RunRef> latestRunWithPolygons(LocalDate asOf) {
        return jdbc.sql("SELECT r.id, r.as_of, r.generation, " + STALE + " AS stale, " + CLASSES + " AS signal_classes"
                + " FROM coverage_runs r WHERE r.as_of = :d AND r.status = 'succeeded' AND r.stats -> 'polygons' IS NOT NULL"
                + " ORDER BY r.generation DESC NULLS LAST, r.id DESC LIMIT 1")
                .param("d", asOf).query((rs, i) -> new RunRef(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                        rs.getObject("generation") == null ? -1 : rs.getLong("generation"), rs.getBoolean("stale"), true,
                        rs.getBoolean("signal_classes")))
                .optional();
    }

    /**
     * Runs of the date older than the one just stored: replaced (their rows go with them). While the kept run has no
     * polygons yet, the newest older run that has them stays, and so does the newest older run whose polygons are
     * being built (under a stream of uploads, polygons are always a run or two behind), so coverage maps and exports
     * keep an answer (stale) until the new polygons are stored; storing them calls this again.
     */
    void deleteOlderRuns(LocalDate asOf, long keepRunId) {
        jdbc.sql("""
                WITH keep AS (SELECT id, generation, stats -> 'polygons' IS NOT NULL AS polygons FROM coverage_runs WHERE id = :keep),
                kept_for_polygons AS (
                  (SELECT r.id FROM coverage_runs r, keep k
                   WHERE r.as_of = :d AND r.id <> k.id AND r.status = 'succeeded' AND NOT k.polygons
                     AND r.stats -> 'polygons' IS NOT NULL
                   ORDER BY r.generation DESC NULLS LAST, r.id DESC LIMIT 1)
                  UNION ALL
                  (SELECT r.id FROM coverage_runs r, keep k
                   WHERE r.as_of = :d AND r.id <> k.id AND r.status = 'succeeded' AND NOT k.polygons
                     AND r.stats -> 'polygons_pending' IS NOT NULL
                   ORDER BY r.generation DESC NULLS LAST, r.id DESC LIMIT 1))
                , gone AS (
                  DELETE FROM coverage_runs WHERE as_of = :d AND id <> :keep AND status <> 'running'
                    AND coalesce(generation, -1) <= (SELECT generation FROM keep)
                    AND id NOT IN (SELECT id FROM kept_for_polygons)
                  RETURNING id)
                -- no foreign key deletes these with their run (V066, V071: it cost a check per row of every COPY)
                , stretches AS (DELETE FROM line_stretches WHERE run_id IN (SELECT id FROM gone))
                DELETE FROM settlement_coverage WHERE run_id IN (SELECT id FROM gone)""")
                .param("d", asOf).param("keep", keepRunId).update();
    }

    List<CoverageController.RunView> recentRuns(int limit) {
        return jdbc.sql("""
                SELECT r.id, r.kind, r.as_of::text, r.status, r.duration_ms, r.started_at::text, r.finished_at::text,
                       r.generation, """ + STALE + """
                 AS stale, r.stats ->> 'terrain'
                FROM coverage_runs r ORDER BY r.id DESC LIMIT :n""").param("n", limit)
                .query((rs, i) -> new CoverageController.RunView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8) == null ? null : rs.getLong(8), rs.getBoolean(9), rs.getString(10)))
                .list();
    }

    long startRun(String kind, LocalDate asOf, long generation) {
        return jdbc.sql("INSERT INTO coverage_runs (kind, as_of, status, generation) VALUES (:k, :d, 'running', :g) RETURNING id")
                .param("k", kind).param("d", asOf).param("g", generation).query(Long.class).single();
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

    void storeSettlements(long runId, List<SettlementCoverage> rows, Map<Long, double[]> nearestSiteAndFiberM,
            SignalReport signals) {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (SettlementCoverage s : rows) {
            double[] nearest = nearestSiteAndFiberM.get(s.settlementId());
            csv.append(runId).append(',').append(s.settlementId()).append(',').append(s.service().key()).append(',')
                    .append(s.covered()).append(",\"{").append(String.join(",", s.operators())).append("}\",")
                    .append(number(nearest == null ? Double.NaN : nearest[0])).append(',')
                    .append(number(nearest == null ? Double.NaN : nearest[1]));
            PlaceSignal p = signals == null ? null : signals.settlement(s.settlementId(), s.service()).orElse(null);
            signalColumns(csv, p, nearest == null ? Double.NaN : nearest[0]).append('\n');
        }
        copy("COPY settlement_coverage (run_id, settlement_id, service, covered, operators, nearest_site_m, nearest_fiber_m,"
                + " best_cell_id, best_level_dbm, signal_class, gap_reason, gap_reason_details) FROM STDIN WITH (FORMAT csv)", csv);
    }

    /**
     * {@code ,best_cell_id,best_level_dbm,signal_class,gap_reason,"details"}. A {@code no_site_within_km} whose
     * nearest cell lay beyond the engine's search gets the run's nearest-site distance (any distance).
     */
    private static StringBuilder signalColumns(StringBuilder csv, PlaceSignal p, double nearestSiteM) {
        if (p == null) {
            return csv.append(",,,,,");
        }
        csv.append(',').append(p.bestCellId() == null ? "" : p.bestCellId().toString()).append(',')
                .append(p.bestLevelDbm() == null ? "" : p.bestLevelDbm().toString()).append(',')
                .append(p.signalClass() == null ? "" : p.signalClass().key()).append(',');
        GapReason r = p.reason();
        if (r == null) {
            return csv.append(',');
        }
        Map<String, Object> details = r.details();
        if (r.code() == GapReason.Code.NO_SITE_WITHIN_KM && details.get("nearest_site_m") == null && !Double.isNaN(nearestSiteM)) {
            details = new java.util.LinkedHashMap<>(details);
            details.put("nearest_site_m", Math.round(nearestSiteM * 10) / 10.0);
        }
        return csv.append(r.code().key()).append(",\"").append(json(details).replace("\"", "\"\"")).append('"');
    }

    /** A flat JSON object of numbers, strings (labels and codes: no escaping needed beyond quotes) and nulls. */
    static String json(Map<String, Object> details) {
        StringBuilder b = new StringBuilder("{");
        details.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(k).append("\":");
            if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                b.append("null");
            } else if (v instanceof Number) {
                b.append(v);
            } else {
                b.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return b.append('}').toString();
    }

    /** {@code signals}: one per stretch, same order (the '*' stretches); null for per-operator stretches. */
    void storeStretches(long runId, List<LineStretch> stretches, String operator, List<PlaceSignal> signals) {
        StretchGeometries geometries = new StretchGeometries();
        StringBuilder csv = new StringBuilder(stretches.size() * 320);
        for (int k = 0; k < stretches.size(); k++) {
            LineStretch s = stretches.get(k);
            csv.append(runId).append(',').append(s.lineKind().name().toLowerCase()).append(',').append(s.lineId()).append(',')
                    .append(s.service().key()).append(',').append(s.covered()).append(',').append(s.fromKm()).append(',')
                    .append(s.toKm()).append(',').append(s.lengthKm()).append(',')
                    .append(s.regionCode() == null ? "" : s.regionCode()).append(',');
            geometries.appendHex(csv, s.geometry());
            csv.append(',').append(operator);
            signalColumns(csv, signals == null ? null : signals.get(k), Double.NaN).append('\n');
        }
        copy("COPY line_stretches (run_id, line_kind, line_id, service, covered, from_km, to_km, length_km, region_code, geom,"
                + " operator_code, best_cell_id, best_level_dbm, signal_class, gap_reason, gap_reason_details)"
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

    /**
     * Adds the signal classes of a gaps-first run's covered places (its gaps' rows have their answers already): best
     * cell, level and class of each covered row of the settlements {@code settlementIds} and of each covered '*'
     * stretch ({@code stretches}, in the report's order). Rows keep their ids; the caller holds the transaction and
     * the run's lock.
     */
    void storeCoveredClasses(long runId, java.util.Collection<Long> settlementIds, SignalReport signals,
            List<LineStretch> stretches) {
        jdbc.sql("CREATE TEMP TABLE signal_classes_in (settlement_id bigint, service text, line_kind text, line_id bigint,"
                + " from_km double precision, best_cell_id bigint, best_level_dbm real, signal_class text) ON COMMIT DROP")
                .update();
        StringBuilder csv = new StringBuilder(settlementIds.size() * 64);
        for (long id : settlementIds) {
            for (uz.qamrov.engine.model.Service service : uz.qamrov.engine.model.Service.mobile()) {
                PlaceSignal p = signals.settlement(id, service).orElse(null);
                if (p != null && p.reason() == null) {
                    csv.append(id).append(',').append(service.key()).append(",,,");
                    classColumns(csv, p).append('\n');
                }
            }
        }
        for (int k = 0; k < stretches.size(); k++) {
            LineStretch st = stretches.get(k);
            PlaceSignal p = signals.stretches().get(k);
            if (st.covered() && p != null && p.reason() == null) {
                csv.append(',').append(st.service().key()).append(',').append(st.lineKind().name().toLowerCase())
                        .append(',').append(st.lineId()).append(',').append(st.fromKm());
                classColumns(csv, p).append('\n');
            }
        }
        copy("COPY signal_classes_in (settlement_id, service, line_kind, line_id, from_km, best_cell_id, best_level_dbm,"
                + " signal_class) FROM STDIN WITH (FORMAT csv)", csv);
        jdbc.sql("""
                UPDATE settlement_coverage sc SET best_cell_id = i.best_cell_id, best_level_dbm = i.best_level_dbm,
                  signal_class = i.signal_class
                FROM signal_classes_in i
                WHERE i.settlement_id IS NOT NULL AND sc.run_id = :run AND sc.settlement_id = i.settlement_id
                  AND sc.service = i.service AND sc.covered""").param("run", runId).update();
        jdbc.sql("""
                UPDATE line_stretches ls SET best_cell_id = i.best_cell_id, best_level_dbm = i.best_level_dbm,
                  signal_class = i.signal_class
                FROM signal_classes_in i
                WHERE i.settlement_id IS NULL AND ls.run_id = :run AND ls.operator_code = '*' AND ls.covered
                  AND ls.line_kind = i.line_kind AND ls.line_id = i.line_id AND ls.service = i.service
                  AND ls.from_km = i.from_km""").param("run", runId).update();
    }

    /** The run's rest is stored: it is {@code complete} from now on. */
    void markComplete(long runId) {
        jdbc.sql("UPDATE coverage_runs SET stats = stats - 'partial' WHERE id = :id").param("id", runId).update();
    }

    /** {@code ,best_cell_id,best_level_dbm,signal_class} of a covered place. */
    private static StringBuilder classColumns(StringBuilder csv, PlaceSignal p) {
        return csv.append(',').append(p.bestCellId() == null ? "" : p.bestCellId().toString()).append(',')
                .append(p.bestLevelDbm() == null ? "" : p.bestLevelDbm().toString()).append(',')
                .append(p.signalClass() == null ? "" : p.signalClass().key());
    }

    boolean hasPolygons(long runId) {
        return jdbc.sql("SELECT stats -> 'polygons' IS NOT NULL FROM coverage_runs WHERE id = :id").param("id", runId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Keeps the run from being deleted until the transaction ends; false when it is gone already. */
    boolean lockRun(long runId) {
        return jdbc.sql("SELECT id FROM coverage_runs WHERE id = :id FOR KEY SHARE").param("id", runId).query(Long.class)
                .optional().isPresent();
    }

    void markPolygons(long runId, int count) {
        jdbc.sql("UPDATE coverage_runs SET stats = (stats - 'polygons_pending') || jsonb_build_object('polygons', CAST(:n AS int))"
                + " WHERE id = :id").param("n", count).param("id", runId).update();
    }

    /** The run's polygons are being built: {@link #deleteOlderRuns} keeps it while the newer run has none. */
    void markPolygonsPending(long runId, boolean pending) {
        jdbc.sql(pending ? "UPDATE coverage_runs SET stats = stats || '{\"polygons_pending\": true}' WHERE id = :id"
                : "UPDATE coverage_runs SET stats = stats - 'polygons_pending' WHERE id = :id").param("id", runId).update();
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
