package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.planner.system.StreamingQueries;
import uz.qamrov.planner.web.FeatureRow;
import uz.qamrov.planner.web.RowSource;

/**
 * The stored parts of a job report that can be long: every row error (with the rejected row as read) and every diff
 * row. Written by COPY in their own transaction after the import's (so rejected files and dry runs keep them);
 * read in pages or streamed through a cursor for downloads.
 */
@Repository
class JobReportRepository {

    /** Values longer than this are cut in the stored copy of a rejected row (a megabyte-long id is still reported). */
    static final int MAX_VALUE_CHARS = 10_000;
    /** A rejected row's geometry is kept whole up to this many characters of WKT, simplified beyond. */
    static final int MAX_GEOMETRY_CHARS = 1_000_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final StreamingQueries streaming;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    JobReportRepository(JdbcClient jdbc, DataSource dataSource, StreamingQueries streaming, TransactionTemplate tx,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = streaming;
        this.tx = tx;
        this.json = json;
    }

    void saveErrors(UUID job, List<RowError> errors, List<SourceFeature> read) {
        saveErrors(job, errors, read, 0);
    }

    /**
     * Stores row errors with the rows they are about (a job stores each chunk's errors as it goes).
     *
     * @param seqBefore how many errors of the job are stored already: this call numbers on from there
     * @return the job's error count after this call
     */
    int saveErrors(UUID job, List<RowError> errors, List<SourceFeature> read, int seqBefore) {
        return save(job, ERROR, errors, read, seqBefore);
    }

    /**
     * Stores rows a later duplicate replaced ({@code duplicates=keep-latest}) the way errors are stored, as kind
     * {@value #SUPERSEDED}: every one can be paged and downloaded, not only the first ones the report lists.
     *
     * @return the last sequence number used
     */
    int saveSuperseded(UUID job, List<RowError> superseded, List<SourceFeature> read, int seqBefore) {
        return save(job, SUPERSEDED, superseded, read, seqBefore);
    }

    /** A row's error (it was rejected). */
    static final String ERROR = "error";
    /** A row a later duplicate replaced (it was not imported, and nothing is wrong with it). */
    static final String SUPERSEDED = "superseded";

    private int save(UUID job, String kind, List<RowError> errors, List<SourceFeature> read, int seqBefore) {
        Map<Integer, SourceFeature> features = new java.util.HashMap<>();
        read.forEach(f -> features.put(f.number(), f));
        List<List<Object>> rows = new ArrayList<>(errors.size());
        int seq = seqBefore;
        for (RowError e : errors) {
            SourceFeature f = features.get(e.row());
            rows.add(java.util.Arrays.asList(job, kind, ++seq, e.row(), text(e.field()), text(e.value()),
                    text(e.message()), text(e.location()), f == null ? null : attrsJson(f),
                    f == null ? null : geometryWkt(f)));
        }
        copy("import_job_errors (job_id, kind, seq, row_number, field, value, message, location, attrs, geom_wkt)", rows);
        return seq;
    }

    private void copy(String target, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            Connection con = DataSourceUtils.getConnection(dataSource);
            try {
                var copy = con.unwrap(PGConnection.class).getCopyAPI();
                for (int from = 0; from < rows.size(); from += StagingRepository.CHUNK) {
                    StringBuilder csv = new StringBuilder();
                    try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
                        for (List<Object> r : rows.subList(from, Math.min(rows.size(), from + StagingRepository.CHUNK))) {
                            p.printRecord(r);
                        }
                    }
                    copy.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing the job report failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** PostgreSQL text holds no NUL; what the file had is shown as U+FFFD instead of failing the report. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "…" : s;
        return t.indexOf('\0') >= 0 ? t.replace('\0', '\uFFFD') : t;
    }

    private String attrsJson(SourceFeature f) {
        Map<String, String> clean = new LinkedHashMap<>();
        f.attrs().forEach((k, v) -> clean.put(text(k), text(v)));
        try {
            return json.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The row's geometry, or for a CSV row its lon/lat when both are plain numbers on the globe. As WKT, whole: cut like a text value it would no longer parse, and one such row made the
     * job's whole error download fail (a real fibre map's MultiLineStrings run to tens of thousands of characters).
     * Beyond {@value #MAX_GEOMETRY_CHARS} characters it is simplified until it fits (a download shows where the row
     * lies; the row's own file has its exact geometry).
     */
    static String geometryWkt(SourceFeature f) {
        if (f.geometry() != null) {
            org.locationtech.jts.geom.Geometry g = f.geometry();
            String wkt = g.toText();
            for (double tolerance = 1e-5; wkt.length() > MAX_GEOMETRY_CHARS && tolerance < 10; tolerance *= 4) {
                wkt = org.locationtech.jts.simplify.DouglasPeuckerSimplifier.simplify(g, tolerance).toText();
            }
            return wkt.length() > MAX_GEOMETRY_CHARS ? g.getEnvelope().toText() : wkt;
        }
        try {
            double lon = Double.parseDouble(f.attrs().getOrDefault("lon", ""));
            double lat = Double.parseDouble(f.attrs().getOrDefault("lat", ""));
            return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? "POINT (" + lon + " " + lat + ")" : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    long countErrors(UUID job, String kind) {
        return jdbc.sql("SELECT count(*) FROM import_job_errors WHERE job_id = :job AND kind = :kind").param("job", job)
                .param("kind", kind).query(Long.class).single();
    }

    static final List<String> ERROR_COLUMNS = List.of("row", "field", "value", "message", "location");

    /**
     * A page of errors as features: properties = the error ({@code row field value message location}) and
     * {@code source}, the rejected row as read; geometry = the row's own, when it had one.
     */
    RowSource errors(UUID job, String kind, long offset, int limit) {
        String sql = """
                -- before 2026-12-04 a long WKT was cut like a text value (it ends with …): it no longer parses
                SELECT seq AS id,
                       CASE WHEN geom_wkt IS NOT NULL AND right(geom_wkt, 1) <> '…' THEN ST_AsGeoJSON(ST_GeomFromText(geom_wkt, 4326), 6) END AS geometry,
                       json_build_object('row', row_number, 'field', field, 'value', value, 'message', message,
                                         'location', location, 'source', attrs)::text AS properties
                FROM import_job_errors WHERE job_id = :job AND kind = :kind ORDER BY seq LIMIT :limit OFFSET :offset""";
        return sink -> streaming.readOnly(() -> streaming.client().sql(sql).param("job", job).param("kind", kind)
                .param("limit", limit)
                .param("offset", offset)
                .query(rs -> {
                    sink.accept(new FeatureRow(rs.getObject("id"), rs.getString("geometry"), rs.getString("properties")));
                }));
    }

    /** The attribute names of the rejected rows, in first-seen order (CSV columns after the error columns). */
    List<String> errorAttributeNames(UUID job, String kind) {
        return jdbc.sql("""
                SELECT k FROM (SELECT k, min(seq) AS first FROM import_job_errors, jsonb_object_keys(attrs) AS k
                               WHERE job_id = :job AND kind = :kind AND attrs IS NOT NULL GROUP BY k) t ORDER BY first, k""")
                .param("job", job).param("kind", kind).query(String.class).list();
    }

    long countDiff(UUID job) {
        return jdbc.sql("SELECT count(*) FROM import_job_diffs WHERE job_id = :job").param("job", job).query(Long.class).single();
    }

    static final List<String> DIFF_COLUMNS = List.of("operator", "external_id", "change", "moved_m", "fields", "length_km",
            "old_length_km", "lon", "lat");

    RowSource diff(UUID job, long offset, int limit) {
        String sql = """
                SELECT seq AS id, ST_AsGeoJSON(geom, 6) AS geometry,
                       json_build_object('operator', operator_code, 'external_id', external_id, 'change', change,
                                         'moved_m', round(moved_m::numeric, 1), 'fields', fields,
                                         'length_km', round(length_km::numeric, 3), 'old_length_km', round(old_length_km::numeric, 3),
                                         'lon', CASE WHEN GeometryType(geom) = 'POINT' THEN round(ST_X(geom)::numeric, 6) END,
                                         'lat', CASE WHEN GeometryType(geom) = 'POINT' THEN round(ST_Y(geom)::numeric, 6) END)::text
                           AS properties
                FROM import_job_diffs WHERE job_id = :job ORDER BY seq LIMIT :limit OFFSET :offset""";
        return sink -> streaming.readOnly(() -> streaming.client().sql(sql).param("job", job).param("limit", limit)
                .param("offset", offset)
                .query(rs -> {
                    sink.accept(new FeatureRow(rs.getObject("id"), rs.getString("geometry"), rs.getString("properties")));
                }));
    }

    /** Per operator: how many rows were added, moved, re-parametrised, removed; fiber km added and removed. */
    record OperatorDiff(String operator, String layer, int added, int moved, int reparametrised, int removed,
            double fiberKmAdded, double fiberKmRemoved) {
    }

    List<OperatorDiff> diffSummary(UUID job) {
        // a re-routed fiber route adds its new length and removes its old one; an added route adds, a removed one removes
        return jdbc.sql("""
                SELECT operator_code, layer,
                       count(*) FILTER (WHERE change = 'added'), count(*) FILTER (WHERE change = 'moved'),
                       count(*) FILTER (WHERE change = 'reparametrised'), count(*) FILTER (WHERE change = 'removed'),
                       coalesce(sum(CASE WHEN change = 'added' THEN length_km
                                         WHEN change <> 'removed' AND 'geom' = ANY(fields) THEN length_km END), 0),
                       coalesce(sum(CASE WHEN change = 'removed' THEN old_length_km
                                         WHEN change <> 'added' AND 'geom' = ANY(fields) THEN old_length_km END), 0)
                FROM import_job_diffs WHERE job_id = :job GROUP BY operator_code, layer ORDER BY operator_code, layer""")
                .param("job", job)
                .query((rs, i) -> new OperatorDiff(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), Math.round(rs.getDouble(7) * 1000) / 1000.0, Math.round(rs.getDouble(8) * 1000) / 1000.0))
                .list();
    }

    /** One line of the job list. */
    record JobLine(UUID id, String layer, String format, String fileName, String status, boolean dryRun, String submittedBy,
            String operatorCode, Integer rowsTotal, String lane, java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime startedAt, java.time.OffsetDateTime finishedAt) {
    }

    /** Jobs, newest first; {@code status} null = all. */
    List<JobLine> jobs(String status, long offset, int limit) {
        return jdbc.sql("""
                SELECT id, layer, format, file_name, status, dry_run, submitted_by, operator_code, rows_total, lane,
                       created_at, started_at, finished_at
                FROM import_jobs WHERE (CAST(:status AS text) IS NULL OR status = :status)
                ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("status", status).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new JobLine(rs.getObject("id", UUID.class), rs.getString("layer"), rs.getString("format"),
                        rs.getString("file_name"), rs.getString("status"), rs.getBoolean("dry_run"), rs.getString("submitted_by"),
                        rs.getString("operator_code"), (Integer) rs.getObject("rows_total"), rs.getString("lane"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("started_at", java.time.OffsetDateTime.class),
                        rs.getObject("finished_at", java.time.OffsetDateTime.class)))
                .list();
    }

    long countJobs(String status) {
        return jdbc.sql("SELECT count(*) FROM import_jobs WHERE (CAST(:status AS text) IS NULL OR status = :status)")
                .param("status", status).query(Long.class).single();
    }
}
