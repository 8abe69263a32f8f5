package uz.qamrov.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uz.qamrov.planner.ingest.IngestProperties;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.OperatorDirectory;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;
import uz.qamrov.planner.ingest.UploadFormat;
import uz.qamrov.planner.ingest.validate.DuplicatePolicy;
import uz.qamrov.planner.ingest.validate.RowValidator;
import uz.qamrov.planner.ingest.validate.ValidationContext;

/**
 * Row validation of N base-station rows (one site per row, Qamrov CSV columns, 1% bad rows), in memory, no
 * database: the validator as it is, against the same validation followed by the old rejected-row closure
 * ({@code List.contains} per row, quadratic) as the baseline, in the same run. Run with
 * {@code scripts/bench-validation.sh [sizes…]}; the baseline is skipped above 40,000 rows (it takes minutes).
 */
public final class ValidationBenchmark {

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(10_000, 20_000, 40_000, 100_000, 500_000));
        }
        IngestProperties props = new IngestProperties(50, 500_000, 20, 1024, 10, ZoneId.of("Asia/Tashkent"), 2, 30, 1000);
        OperatorDirectory ops = new OperatorDirectory(Map.of("ucell", "ucell"), Map.of());
        ValidationContext ctx = new ValidationContext(Layer.BASE_STATIONS, UploadFormat.CSV, ops, "ucell", LocalDate.of(2026, 12, 1),
                props, false, DuplicatePolicy.REJECT);
        RowValidator.validate(ctx, rows(20_000)); // warm-up
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("| rows | validation now: wall (s) | CPU (s) | rows/CPU-s | with the old closure: wall (s) | CPU (s) | CPU ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            List<SourceFeature> features = rows(n);
            System.gc();
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            RowValidator.Outcome o = RowValidator.validate(ctx, features);
            double now = (System.nanoTime() - t0) / 1e9;
            double nowCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            String old = "skipped | skipped";
            String ratio = "";
            if (n <= 40_000) {
                long t1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                RowValidator.Outcome again = RowValidator.validate(ctx, features);
                oldClosure(again);
                double before = (System.nanoTime() - t1) / 1e9;
                double beforeCpu = (cpu.getCurrentThreadCpuTime() - c1) / 1e9;
                old = String.format(Locale.ROOT, "%.2f | %.2f", before, beforeCpu);
                ratio = String.format(Locale.ROOT, "%.0f×", beforeCpu / nowCpu);
            }
            System.out.printf(Locale.ROOT, "| %,d | %.2f | %.2f | %,.0f | %s | %s |  (%d valid sites, %d rejected rows)%n", n, now,
                    nowCpu, n / nowCpu, old, ratio, o.result().rows().size(), o.result().rejectedRows().size());
        }
    }

    /** The closure as it was: for each candidate row, List.contains over the valid ones. */
    private static void oldClosure(RowValidator.Outcome o) {
        List<Rows.ImportRow> candidates = new ArrayList<>(o.result().rows());
        List<Rows.ImportRow> valid = candidates.stream().toList();
        java.util.Set<Integer> rejected = new java.util.TreeSet<>(o.result().rejectedRows());
        candidates.stream().filter(r -> !valid.contains(r)).forEach(r -> rejected.addAll(r.rows()));
    }

    static List<SourceFeature> rows(int n) {
        List<SourceFeature> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Map<String, String> a = new HashMap<>();
            a.put("site_id", "S-" + i);
            a.put("cell_id", "1");
            a.put("lon", String.format(Locale.ROOT, "%.6f", 56 + (i % 1700) * 0.01));
            a.put("lat", String.format(Locale.ROOT, "%.6f", 37.2 + (i / 1700 % 800) * 0.01));
            a.put("tower_height_m", "30");
            a.put("status", "active");
            a.put("commissioned_on", "2021-04-01");
            a.put("technology", "4G");
            a.put("band_mhz", "1800");
            a.put("azimuth_deg", String.valueOf(i % 360));
            a.put("beamwidth_deg", "65");
            a.put("tilt_deg", i % 100 == 0 ? "NaN" : "3");
            a.put("antenna_height_m", "28");
            a.put("eirp_dbm", "60");
            out.add(new SourceFeature(i, a, null, null));
        }
        return out;
    }
}
