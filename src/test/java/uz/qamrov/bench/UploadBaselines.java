package uz.qamrov.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The baselines {@link UploadBenchmark} compares an upload with: the same CSV by COPY, and row by row. */
final class UploadBaselines {

    private UploadBaselines() {
    }

    /** The scratch table both baselines load: the CSV's columns, typed, no index, no constraint. */
    static void createScratch(JdbcTemplate jdbc) {
        jdbc.execute("""
                CREATE TABLE bench_scratch (operator text, site_id text, cell_id text, lon float8, lat float8, tower_height_m real,
                  status text, commissioned_on date, decommissioned_on date, technology text, band_mhz int, azimuth_deg real,
                  beamwidth_deg real, tilt_deg real, antenna_height_m real, eirp_dbm real, range_m real)""");
    }

    /** The same CSV by hand: one COPY into a scratch table of the file's columns, committed; then dropped. */
    static double plainCopy(DataSource ds, JdbcTemplate jdbc, Path file) throws Exception {
        createScratch(jdbc);
        long t0 = System.nanoTime();
        try (Connection con = ds.getConnection(); Reader in = Files.newBufferedReader(file)) {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_scratch FROM STDIN WITH (FORMAT csv, HEADER true)", in);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long rows = jdbc.queryForObject("SELECT count(*) FROM bench_scratch", Long.class);
        jdbc.execute("DROP TABLE bench_scratch");
        System.out.printf(Locale.ROOT, "plain COPY: %,d rows in %.1f s%n", rows, s);
        return s;
    }

    /**
     * The same CSV row by row, as the writer did before #14: one prepared INSERT per row into the same scratch table,
     * all in one transaction (no batching: each row is a round trip), committed; then dropped. Against
     * {@link #plainCopy} this is what bulk writing buys on this machine, in the same run.
     */
    static double rowByRow(DataSource ds, JdbcTemplate jdbc, Path file) throws Exception {
        createScratch(jdbc);
        long t0 = System.nanoTime();
        try (Connection con = ds.getConnection(); Reader in = Files.newBufferedReader(file);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            con.setAutoCommit(false);
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO bench_scratch VALUES (?, ?, ?, ?::float8, ?::float8,"
                    + " ?::real, ?, ?::date, ?::date, ?, ?::int, ?::real, ?::real, ?::real, ?::real, ?::real, ?::real)")) {
                for (CSVRecord r : csv) {
                    for (int i = 0; i < 17; i++) {
                        String v = r.get(i);
                        ps.setString(i + 1, v.isEmpty() ? null : v);
                    }
                    ps.executeUpdate();
                }
            }
            con.commit();
            con.setAutoCommit(true);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long rows = jdbc.queryForObject("SELECT count(*) FROM bench_scratch", Long.class);
        jdbc.execute("DROP TABLE bench_scratch");
        System.out.printf(Locale.ROOT, "row-by-row INSERT: %,d rows in %.1f s%n", rows, s);
        return s;
    }

    /**
     * Settlements (an admin layer) through the service as a dry run (read, validate, write a chunk of rows per
     * statement, roll back), against the same rows written as the writer did before: the upsert one statement per row,
     * in one transaction, rolled back. Same run, same database; the markdown rows of docs/benchmarks.md.
     */
    static String settlements(String base, DataSource ds, UploadBenchmarkFiles.Outline outline, Path dir, int n) throws Exception {
        Path file = dir.resolve("settlements.csv");
        java.util.Random r = new java.util.Random(15);
        java.util.List<double[]> points = new java.util.ArrayList<>(n);
        try (java.io.BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("external_id,name_uz_latn,name_uz_cyrl,name_ru,kind,population,lon,lat\n");
            for (int i = 0; i < n; i++) {
                double[] p = outline.draw(r);
                points.add(p);
                w.write(String.format(Locale.ROOT, "BS-%d,Qishloq %d,Қишлоқ %d,Кишлак %d,village,%d,%.6f,%.6f%n", i, i, i, i,
                        100 + i, p[0], p[1]));
            }
        }
        RetainedHeap heap = RetainedHeap.sample();
        UploadBenchmark.Job job = UploadBenchmark.upload(base, "settlements", file, "settlements.csv", true, () -> { });
        heap.close();
        double write = job.phases().getOrDefault("write", 0.0);
        long t0 = System.nanoTime();
        try (Connection con = ds.getConnection()) {
            con.setAutoCommit(false);
            // the statement IngestRepository.upsertSettlement sent once per row before the chunked writes
            try (PreparedStatement ps = con.prepareStatement("""
                    WITH p AS (SELECT ST_GeomFromText(?, 4326) AS pt)
                    INSERT INTO settlements (external_id, name_uz_latn, name_uz_cyrl, name_ru, kind, population, households,
                                             region_code, district_code, geom, source)
                    SELECT ?, ?, ?, ?, 'village', ?, 0,
                           (SELECT r.code FROM regions r WHERE r.geom IS NOT NULL ORDER BY r.geom <-> p.pt LIMIT 1),
                           (SELECT d.code FROM districts d WHERE ST_Intersects(d.geom, p.pt) LIMIT 1), p.pt, 'bench'
                    FROM p
                    ON CONFLICT (external_id) DO UPDATE SET population = EXCLUDED.population
                    RETURNING CASE WHEN xmax = 0 THEN 'inserted' ELSE 'updated' END""")) {
                for (int i = 0; i < n; i++) {
                    double[] p = points.get(i);
                    ps.setString(1, String.format(Locale.ROOT, "POINT(%.6f %.6f)", p[0], p[1]));
                    ps.setString(2, "BS-" + i);
                    ps.setString(3, "Qishloq " + i);
                    ps.setString(4, "Қишлоқ " + i);
                    ps.setString(5, "Кишлак " + i);
                    ps.setInt(6, 100 + i);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                    }
                }
            }
            con.rollback();
            con.setAutoCommit(true);
        }
        double rowByRow = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "settlements: dry run %s, write %.2f s; row by row %.2f s; retained heap %d MB (largest of"
                + " %d full collections)%n", job.status(), write, rowByRow, heap.worstMb(), heap.collections());
        return String.format(Locale.ROOT, "%nSettlements (admin layer), %,d rows inside the outline, same run:%n%n"
                + "| what | time |%n|---|---|%n"
                + "| dry run through the service (%s): POST / validate / write (chunks of 1,000 rows per statement, rolled back) "
                + "| %.2f / %.2f / **%.2f s** |%n"
                + "| the same rows, one upsert statement per row (as before), one transaction, rolled back | **%.2f s** |%n"
                + "| ratio row by row / chunked write | **%.1f×** |%n"
                + "| dry run: heap the job retains at its worst (largest used after a full collection, one every 500 ms,"
                + " %d in all) − used before | %,d MB |%n", n, job.status(), job.postS(),
                job.phases().getOrDefault("validate", 0.0), write, rowByRow, rowByRow / write, heap.collections(),
                heap.worstMb());
    }
}
