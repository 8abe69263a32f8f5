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

}
