package uz.qamrov.engine.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.EnvironmentSettings;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadialFootprintModel;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;

/**
 * Terrain footprints with the bounded interpolation of radials ({@code RadialRefinement}) against walking every
 * radial, on the shipped national dataset ({@code geodata/}: every cell of an active site, 259,888 cells at most)
 * over the shipped national DEM. Not an assertion: prints the distribution of the relative area difference per cell,
 * the reach differences per radial, the settlements whose covered answer changes (a settlement point inside any
 * footprint; and inside any 3G-or-later footprint, i.e. mobile internet; dates ignored) and the thread CPU of both.
 * Run with {@code nice -n 19 mvn -o test -Dtest=TerrainRefinementComparisonTest -Dqamrov.bench=true}
 * ({@code -Dqamrov.bench.tolerances=250,500} the reach tolerances to try, {@code -Dqamrov.bench.every=1} every k-th
 * site only).
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class TerrainRefinementComparisonTest {

    @Test
    void refinedAgainstEveryRadial() throws IOException {
        Dem dem = NationalRecomputeBenchmarkTest.readDem();
        List<Settlement> settlements = settlements();
        List<Cell> cells = cells(Integer.getInteger("qamrov.bench.every", 1));
        EnvironmentClassifier classifier = new EnvironmentClassifier(settlements, EnvironmentSettings.DEFAULTS);
        EnvironmentClass[] env = new EnvironmentClass[cells.size()];
        IntStream.range(0, cells.size()).parallel().forEach(i -> env[i] = classifier.classify(cells.get(i).lon(),
                cells.get(i).lat()));
        System.out.printf("%d cells of active sites, %d settlements; load %s%n", cells.size(), settlements.size(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        RadialFootprint[] full = footprints(cells, env, dem, RadioSettings.DEFAULTS.withTerrainRefinement(
                RadioSettings.EVERY_RADIAL, 0), "every radial");
        boolean[][] fullCovered = covered(settlements, cells, full);
        for (String t : System.getProperty("qamrov.bench.tolerances", "250").split(",")) {
            double tol = Double.parseDouble(t);
            RadialFootprint[] refined = footprints(cells, env, dem, RadioSettings.DEFAULTS.withTerrainRefinement(0, tol),
                    "refined, gap = DEM cell, tolerance " + tol + " m");
            compare(cells, full, refined);
            boolean[][] refinedCovered = covered(settlements, cells, refined);
            for (int k = 0; k < 2; k++) {
                int changed = 0;
                StringBuilder list = new StringBuilder();
                for (int s = 0; s < settlements.size(); s++) {
                    if (fullCovered[k][s] != refinedCovered[k][s]) {
                        changed++;
                        Settlement st = settlements.get(s);
                        list.append(String.format("%n    settlement %d (%.5f, %.5f) pop %d: every radial %s, refined %s",
                                st.id(), st.lon(), st.lat(), st.population(), fullCovered[k][s] ? "covered" : "uncovered",
                                refinedCovered[k][s] ? "covered" : "uncovered"));
                    }
                }
                System.out.printf("  settlements whose answer changes (%s): %d%s%n", k == 0 ? "any cell" : "3G or later",
                        changed, list);
            }
        }
    }

    private static RadialFootprint[] footprints(List<Cell> cells, EnvironmentClass[] env, Dem dem,
            RadioSettings settings, String label) {
        RadialFootprintModel model = new RadialFootprintModel(null, LinkBudget.DEFAULTS, settings, dem);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpuNs = new AtomicLong();
        RadialFootprint[] out = new RadialFootprint[cells.size()];
        // chunks of 1,000 cells: each chunk's thread CPU is its own thread's
        IntStream.range(0, (cells.size() + 999) / 1000).parallel().forEach(c -> {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = c * 1000; i < Math.min(cells.size(), c * 1000 + 1000); i++) {
                out[i] = model.build(cells.get(i), env[i]).footprint();
            }
            cpuNs.addAndGet(mx.getCurrentThreadCpuTime() - t0);
        });
        System.out.printf("%s: %.1f s thread CPU, %.3f ms per cell%n", label, cpuNs.get() / 1e9,
                cpuNs.get() / 1e6 / cells.size());
        return out;
    }

    private static void compare(List<Cell> cells, RadialFootprint[] full, RadialFootprint[] refined) {
        double[] rel = new double[cells.size()];
        int radials = 0;
        int differ = 0;
        List<Double> reach = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            double a = 0;
            double b = 0;
            for (int r = 0; r < full[i].radials(); r++) {
                double f = full[i].rangeM(r);
                double g = refined[i].rangeM(r);
                a += f * f;
                b += g * g;
                radials++;
                if (f != g) {
                    differ++;
                    reach.add(Math.abs(f - g));
                }
            }
            rel[i] = Math.abs(b - a) / a;
        }
        Arrays.sort(rel);
        double[] rd = reach.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  relative area difference per cell: max %.4f, p99.9 %.4f, p99 %.4f, p90 %.5f, median %.6f;"
                + " cells with any difference %d of %d%n", rel[rel.length - 1], q(rel, 0.999), q(rel, 0.99), q(rel, 0.9),
                q(rel, 0.5), Arrays.stream(rel).filter(x -> x > 0).count(), rel.length);
        System.out.printf("  radials whose reach differs: %d of %d; |Δreach| of those: max %.0f m, p99 %.0f m, median %.0f m%n",
                differ, radials, rd.length == 0 ? 0 : rd[rd.length - 1], q(rd, 0.99), q(rd, 0.5));
    }

    private static double q(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** [0][s]: inside any footprint; [1][s]: inside any 3G-or-later footprint. */
    private static boolean[][] covered(List<Settlement> settlements, List<Cell> cells, RadialFootprint[] fps) {
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int s = 0; s < settlements.size(); s++) {
            grid.computeIfAbsent(key(settlements.get(s).lon(), settlements.get(s).lat()), k -> new ArrayList<>()).add(s);
        }
        boolean[][] out = new boolean[2][settlements.size()];
        for (int i = 0; i < cells.size(); i++) {
            RadialFootprint f = fps[i];
            double padLat = f.maxRangeM() / 110_000 + 0.01;
            double padLon = padLat / Math.cos(Math.toRadians(f.lat()));
            for (long gx = (long) Math.floor((f.lon() - padLon) * 10); gx <= (long) Math.floor((f.lon() + padLon) * 10); gx++) {
                for (long gy = (long) Math.floor((f.lat() - padLat) * 10); gy <= (long) Math.floor((f.lat() + padLat) * 10); gy++) {
                    for (int s : grid.getOrDefault(gx * 100_000 + gy, List.of())) {
                        Settlement st = settlements.get(s);
                        if ((!out[0][s] || !out[1][s] && cells.get(i).technology() != Technology.G2)
                                && f.contains(st.lon(), st.lat())) {
                            out[0][s] = true;
                            out[1][s] |= cells.get(i).technology() != Technology.G2;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static long key(double lon, double lat) {
        return (long) Math.floor(lon * 10) * 100_000 + (long) Math.floor(lat * 10);
    }

    private static Iterable<CSVRecord> csv(String file) throws IOException {
        Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(Path.of("geodata", file))),
                StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
    }

    private static List<Settlement> settlements() throws IOException {
        List<Settlement> out = new ArrayList<>();
        long id = 0;
        for (CSVRecord r : csv("settlements.csv.gz")) {
            out.add(new Settlement(++id, Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")),
                    Integer.parseInt(r.get("population")), 0, r.get("region_code"), r.get("district_code"), null));
        }
        return out;
    }

    private static List<Cell> cells(int every) throws IOException {
        Map<String, double[]> sites = new HashMap<>();
        int n = 0;
        for (CSVRecord r : csv("base_stations.csv.gz")) {
            if (r.get("status").equals("active") && n++ % every == 0) {
                sites.put(r.get("operator_code") + "/" + r.get("external_id"), new double[] {
                        Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")), sites.size() + 1});
            }
        }
        List<Cell> out = new ArrayList<>();
        for (CSVRecord r : csv("cells.csv.gz")) {
            double[] site = sites.get(r.get("operator_code") + "/" + r.get("site_external_id"));
            if (site == null) {
                continue;
            }
            String az = r.get("azimuth_deg");
            out.add(new Cell(out.size() + 1, (long) site[2], r.get("operator_code"), Technology.fromLabel(r.get("technology")),
                    Integer.parseInt(r.get("band_mhz")), az.isEmpty() ? null : Double.valueOf(az),
                    az.isEmpty() ? 360 : Double.parseDouble(r.get("beamwidth_deg")), Double.parseDouble(r.get("antenna_height_m")),
                    value(r.get("eirp_dbm")), value(r.get("range_m")), site[0], site[1], Validity.ALWAYS,
                    value(r.get("tilt_deg")), null, null));
        }
        return out;
    }

    private static Double value(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
    }
}
