package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import uz.qamrov.planner.ingest.IngestRepository.Versioned;

/**
 * The set-based write path of the versioned network layers: validated rows go by {@code COPY} into a temporary
 * staging table, then a handful of statements classify them against the current versions (insert / unchanged /
 * same-day rewrite / new version), record the diff, close versions, insert new ones with their cells and, for
 * {@code snapshot=full}, decommission the rest — all inside the caller's transaction. The SQL does per table what
 * {@link ImportWriter} used to do one row at a time (about 5 statements per site); the versioning rules are the same.
 * Table and column names come only from {@link Versioned} and the constants here; every value is bound or copied.
 */
@Repository
class StagingRepository {

    /** Rows per COPY: progress is reported between chunks. */
    static final int CHUNK = 5000;

    /** The data columns of each versioned table, in COPY order (after {@code ord}, before {@code content_hash}). */
    static String columns(Versioned t) {
        return switch (t) {
            case BASE_STATIONS -> "operator_code, external_id, geom, tower_height_m, status, commissioned_on, decommissioned_on,"
                    + " first_observed_on, last_observed_on";
            case FIBER_ROUTES -> "operator_code, external_id, geom, status, route_kind, commissioned_on, decommissioned_on, capacity_gbps";
            case FIBER_NODES -> "operator_code, external_id, geom, kind, broadband_ports, status, commissioned_on, decommissioned_on";
        };
    }

    static final String CELL_COLUMNS = "external_id, technology, band_mhz, azimuth_deg, beamwidth_deg, tilt_deg, antenna_height_m, "
            + "eirp_dbm, range_m, observed_range_m";

    /** What the staged rows did, by action. */
    record Counts(int inserted, int updated, int unchanged, int decommissioned, Set<Long> changedIds) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StagingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void createStage(Versioned t) {
        jdbc.sql("CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT 0::int AS ord, " + columns(t)
                + ", content_hash, NULL::bigint AS cur_id, NULL::date AS cur_from, NULL::text AS cur_hash,"
                + " NULL::bigint AS new_id, NULL::text AS action FROM " + t.table + " WITH NO DATA").update();
        if (t == Versioned.BASE_STATIONS) {
            jdbc.sql("CREATE TEMP TABLE stage_cells ON COMMIT DROP AS SELECT 0::int AS ord, " + CELL_COLUMNS
                    + " FROM cells WITH NO DATA").update();
        }
    }

    /** COPYs the spooled rows into {@code stage} (and {@code stage_cells}) chunk by chunk, progress after each. */
    void copyStage(Versioned t, StageSpool spool, IntConsumer afterChunk) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            String stageSql = "COPY stage (ord, " + columns(t) + ", content_hash) FROM STDIN WITH (FORMAT csv)";
            String cellSql = "COPY stage_cells (ord, " + CELL_COLUMNS + ") FROM STDIN WITH (FORMAT csv)";
            spool.chunks((csv, rows) -> {
                copyIn(copy, stageSql, csv);
                afterChunk.accept(rows);
            }, (csv, rows) -> copyIn(copy, cellSql, csv));
        } catch (SQLException e) {
            throw new IllegalStateException("staging the rows failed: " + e.getMessage(), e);
        }
    }

    private static void copyIn(org.postgresql.copy.CopyManager copy, String sql, byte[] csv) {
        try {
            copy.copyIn(sql, new java.io.ByteArrayInputStream(csv));
        } catch (SQLException e) {
            throw new IllegalStateException("staging the rows failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Matches staged rows to current versions and decides what each one does; ids for new rows are drawn here. */
    void classify(Versioned t, LocalDate today) {
        jdbc.sql("ANALYZE stage").update();
        String dup = jdbc.sql("SELECT operator_code || '/' || external_id FROM stage GROUP BY operator_code, external_id"
                + " HAVING count(*) > 1 LIMIT 1").query(String.class).optional().orElse(null);
        if (dup != null) {
            throw new IllegalStateException("the validated rows hold " + dup + " twice");
        }
        jdbc.sql("UPDATE stage s SET cur_id = c.id, cur_from = c.valid_from, cur_hash = c.content_hash FROM " + t.table
                + " c WHERE c.operator_code = s.operator_code AND c.external_id = s.external_id AND c.valid_to = 'infinity'").update();
        jdbc.sql("""
                UPDATE stage SET action = CASE WHEN cur_id IS NULL THEN 'insert'
                                               WHEN cur_hash IS NOT DISTINCT FROM content_hash THEN 'unchanged'
                                               WHEN cur_from = :today THEN 'same_day' ELSE 'new_version' END""")
                .param("today", today).update();
        jdbc.sql("UPDATE stage SET new_id = nextval(pg_get_serial_sequence('" + t.table + "', 'id'))"
                + " WHERE action IN ('insert', 'new_version')").update();
    }

    /** A point that moved more than this (geodesic metres) is "moved" in an import's diff, else "reparametrised". */
    static final double MOVED_M = 50;

    /**
     * Stores what each staged row changes ({@code import_job_diffs}: added, moved, reparametrised, removed, with the
     * changed fields, the distance moved and the lengths) in the database, for job {@code job}; rows in file order
     * from {@code seq} 1. Set-based, so no diff is ever held in the service's heap (a national fiber upload's
     * geometries are hundreds of megabytes). Before {@link #apply}: the current rows are still the old ones.
     *
     * @return the number of diff rows stored
     */
    int storeDiff(Versioned t, java.util.UUID job, String layer) {
        List<String> compared = List.of(columns(t).split(", ")).stream().skip(3).toList();
        StringBuilder fields = new StringBuilder("ARRAY[CASE WHEN c.id IS NOT NULL AND ST_AsBinary(c.geom) IS DISTINCT FROM ST_AsBinary(s.geom) THEN 'geom' END");
        for (String col : compared) {
            fields.append(", CASE WHEN c.id IS NOT NULL AND c.").append(col).append(" IS DISTINCT FROM s.").append(col)
                    .append(" THEN '").append(col).append("' END");
        }
        if (t == Versioned.BASE_STATIONS) {
            String row = "ROW(x.external_id, x.technology, x.band_mhz, x.azimuth_deg, x.beamwidth_deg, x.tilt_deg,"
                    + " x.antenna_height_m, x.eirp_dbm, x.range_m, x.observed_range_m)::text";
            fields.append(", CASE WHEN c.id IS NOT NULL AND (SELECT array_agg(").append(row)
                    .append(" ORDER BY x.external_id) FROM cells x WHERE x.base_station_id = c.id) IS DISTINCT FROM (SELECT array_agg(")
                    .append(row).append(" ORDER BY x.external_id) FROM stage_cells x WHERE x.ord = s.ord) THEN 'cells' END");
        }
        fields.append("]");
        boolean points = t != Versioned.FIBER_ROUTES;
        String moved = points ? "CASE WHEN c.id IS NOT NULL THEN ST_Distance(c.geom::geography, s.geom::geography) END" : "NULL::float8";
        String length = points ? "NULL::float8" : "ST_Length(s.geom::geography) / 1000";
        String oldLength = points ? "NULL::float8" : "ST_Length(c.geom::geography) / 1000";
        // the change, as one rule: no current row = added; a row decommissioned by this file = removed; otherwise moved
        // when the point moved more than MOVED_M, else reparametrised (same place, other values)
        return jdbc.sql("INSERT INTO import_job_diffs (job_id, seq, layer, operator_code, external_id, change, moved_m,"
                + " fields, length_km, old_length_km, geom)"
                + " SELECT :job, row_number() OVER (ORDER BY d.ord), :layer, d.operator_code, d.external_id,"
                + " CASE WHEN d.old_status IS NULL THEN 'added'"
                + " WHEN d.new_status = 'decommissioned' AND d.old_status <> 'decommissioned' THEN 'removed'"
                + " WHEN d.moved_m > :movedM THEN 'moved' ELSE 'reparametrised' END,"
                + " d.moved_m, d.fields, d.length_km, d.old_length_km, d.geom FROM ("
                + "SELECT s.ord, s.operator_code, s.external_id, s.status AS new_status, c.status AS old_status, " + moved
                + " AS moved_m, array_remove(" + fields + ", NULL) AS fields, " + length + " AS length_km, " + oldLength
                + " AS old_length_km, s.geom FROM stage s LEFT JOIN " + t.table + " c ON c.id = s.cur_id"
                + " WHERE s.action <> 'unchanged') d")
                .param("job", job).param("layer", layer).param("movedM", MOVED_M).update();
    }

    /**
     * {@code snapshot=full}: stores the current rows of these operators the file does not hold as "removed" diff rows
     * of job {@code job}, numbered after the {@code before} rows already stored. Before {@link #apply}.
     *
     * @return how many rows the file leaves out (they are decommissioned by {@link #decommissionMissing})
     */
    int storeMissingFromStage(Versioned t, Set<String> operators, java.util.UUID job, String layer, int before) {
        String length = t == Versioned.FIBER_ROUTES ? "ST_Length(c.geom::geography) / 1000" : "NULL::float8";
        return jdbc.sql("INSERT INTO import_job_diffs (job_id, seq, layer, operator_code, external_id, change, moved_m,"
                + " fields, length_km, old_length_km, geom)"
                + " SELECT :job, :before + row_number() OVER (ORDER BY c.operator_code, c.external_id), :layer,"
                + " c.operator_code, c.external_id, 'removed', NULL, ARRAY['status'], NULL, " + length + ", c.geom FROM "
                + t.table + " c WHERE c.valid_to = 'infinity' AND c.operator_code = ANY(CAST(:ops AS text[]))"
                + " AND c.status <> 'decommissioned'"
                + " AND NOT EXISTS (SELECT 1 FROM stage s WHERE s.operator_code = c.operator_code AND s.external_id = c.external_id)")
                .param("job", job).param("layer", layer).param("before", before)
                .param("ops", operators.toArray(String[]::new)).update();
    }

    /** Writes the classified rows: closes, rewrites and inserts versions (and cells). */
    Counts apply(Versioned t, LocalDate today, String source) {
        String cols = columns(t);
        String set = List.of(cols.split(", ")).stream().skip(2).map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        jdbc.sql("UPDATE " + t.table + " b SET valid_to = :today FROM stage s WHERE b.id = s.cur_id AND s.action = 'new_version'")
                .param("today", today).update();
        jdbc.sql("UPDATE " + t.table + " b SET " + set + ", source = :source, content_hash = s.content_hash"
                + " FROM stage s WHERE b.id = s.cur_id AND s.action = 'same_day'").param("source", source).update();
        // a first-seen row counts from its commissioning date; without one, from today (the one as-of rule, V011), so
        // a file without dates never rewrites history; a new version of a known row starts today
        jdbc.sql("INSERT INTO " + t.table + " (id, " + cols + ", valid_from, source, content_hash) SELECT new_id, " + cols
                + ", CASE WHEN action = 'insert' AND commissioned_on IS NOT NULL THEN '-infinity'::date ELSE CAST(:today AS date) END,"
                + " :source, content_hash FROM stage WHERE action IN ('insert', 'new_version') ORDER BY ord")
                .param("today", today).param("source", source).update();
        if (t == Versioned.BASE_STATIONS) {
            jdbc.sql("DELETE FROM cells c USING stage s WHERE c.base_station_id = s.cur_id AND s.action = 'same_day'").update();
            jdbc.sql("INSERT INTO cells (base_station_id, " + CELL_COLUMNS + ") SELECT coalesce(s.new_id, s.cur_id), "
                    + prefixed("c", CELL_COLUMNS) + " FROM stage_cells c JOIN stage s USING (ord)"
                    + " WHERE s.action IN ('insert', 'new_version', 'same_day')").update();
        }
        Map<String, Integer> byAction = new HashMap<>();
        jdbc.sql("SELECT action, count(*) FROM stage GROUP BY action")
                .query((rs, i) -> byAction.put(rs.getString(1), rs.getInt(2))).list();
        Set<Long> changed = new java.util.HashSet<>(jdbc.sql("""
                SELECT cur_id FROM stage WHERE action IN ('new_version', 'same_day')
                UNION ALL SELECT new_id FROM stage WHERE new_id IS NOT NULL""").query(Long.class).list());
        return new Counts(byAction.getOrDefault("insert", 0),
                byAction.getOrDefault("new_version", 0) + byAction.getOrDefault("same_day", 0),
                byAction.getOrDefault("unchanged", 0), 0, changed);
    }

    /**
     * {@code snapshot=full}: current rows of these operators that the file does not hold are decommissioned today,
     * versioned the same way (a version that started today is changed in place).
     *
     * @return the ids of the rows touched (old and new versions)
     */
    Set<Long> decommissionMissing(Versioned t, Set<String> operators, LocalDate today, String source) {
        jdbc.sql("CREATE TEMP TABLE decom ON COMMIT DROP AS SELECT c.id AS old_id, c.valid_from = :today AS same_day,"
                + " CASE WHEN c.valid_from = :today THEN NULL ELSE nextval(pg_get_serial_sequence('" + t.table + "', 'id')) END AS new_id"
                + " FROM " + t.table + " c WHERE c.valid_to = 'infinity' AND c.operator_code = ANY(CAST(:ops AS text[]))"
                + " AND c.status <> 'decommissioned'"
                + " AND NOT EXISTS (SELECT 1 FROM stage s WHERE s.operator_code = c.operator_code AND s.external_id = c.external_id)")
                .param("today", today).param("ops", operators.toArray(String[]::new)).update();
        jdbc.sql("UPDATE " + t.table + " b SET status = 'decommissioned', decommissioned_on = greatest(CAST(:d AS date), b.commissioned_on),"
                + " source = :source, content_hash = NULL FROM decom d WHERE b.id = d.old_id AND d.same_day")
                .param("d", today).param("source", source).update();
        jdbc.sql("UPDATE " + t.table + " b SET valid_to = :d FROM decom d WHERE b.id = d.old_id AND NOT d.same_day")
                .param("d", today).update();
        jdbc.sql("INSERT INTO " + t.table + " (id, " + t.keptColumns + ", status, decommissioned_on, valid_from, source)"
                + " SELECT d.new_id, " + prefixed("b", t.keptColumns) + ", 'decommissioned', greatest(CAST(:d AS date), b.commissioned_on),"
                + " CAST(:d AS date), :source FROM decom d JOIN " + t.table + " b ON b.id = d.old_id WHERE NOT d.same_day")
                .param("d", today).param("source", source).update();
        if (t == Versioned.BASE_STATIONS) {
            jdbc.sql("INSERT INTO cells (base_station_id, " + CELL_COLUMNS + ") SELECT d.new_id, " + prefixed("c", CELL_COLUMNS)
                    + " FROM decom d JOIN cells c ON c.base_station_id = d.old_id WHERE NOT d.same_day").update();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT old_id FROM decom UNION ALL SELECT new_id FROM decom WHERE new_id IS NOT NULL")
                .query(Long.class).list());
    }

    static String prefixed(String alias, String columns) {
        return List.of(columns.split(", ")).stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }
}
