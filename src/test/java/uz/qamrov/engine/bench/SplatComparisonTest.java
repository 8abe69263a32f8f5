package uz.qamrov.engine.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.PathLossModel;
import uz.qamrov.engine.footprint.PathLossModels;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.footprint.RadioLink;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadialFootprintModel;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Bullington;
import uz.qamrov.engine.terrain.Deygout;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * Our radio model against SPLAT! (Longley–Rice) point by point, on the .ano files {@code scripts/bench-splat.sh}
 * writes. Per SPLAT! point (3″ grid, 100 m – 20 km from the site): our path loss = Okumura–Hata (open area, 900 MHz,
 * 30 m / 1.5 m) + the Bullington excess over the DEM profile sampled as the footprint walk samples it (every half DEM
 * cell, at least 8 samples); "covered" = loss ≤ the 2G link budget's allowed loss, for both engines (no antenna
 * pattern: SPLAT!'s .ano carries none). Also whether our star-shaped footprint (omni, 2° tilt) contains the point,
 * and our footprint time per site (thread CPU) against SPLAT!'s (user + system CPU of the process).
 * {@code -Dqamrov.splat.dir=WORKDIR} ({@code -Dqamrov.splat.stepDiv=K}: our profile sampled every 1/K DEM cell,
 * default 2 as the footprint walk); writes WORKDIR/comparison.md. Timing, not an assertion.
 */
@EnabledIfSystemProperty(named = "qamrov.splat.dir", matches = ".+")
class SplatComparisonTest {

    static final int BAND = 900;
    static final double MAST_M = 30;

    @Test
    void compare() throws Exception {
        Path work = Path.of(System.getProperty("qamrov.splat.dir"));
        Dem dem;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz")))) {
            dem = EsriAsciiGridReader.read(in);
        }
        Map<String, double[]> splatTimes = new HashMap<>();
        for (String line : Files.readAllLines(work.resolve("splat-times.txt"))) {
            String[] f = line.trim().split("\\s+");
            splatTimes.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        PathLossModel hata = PathLossModels.forBand(BAND);
        RadioLink link = new RadioLink(BAND, MAST_M, LinkBudget.DEFAULTS.mobileHeightM(), EnvironmentClass.RURAL);
        double allowed = LinkBudget.DEFAULTS.allowedPathLossDb(Technology.G2, null);
        double lambda = 299.792458 / BAND;
        double stepM = dem.cellSizeM() / Double.parseDouble(System.getProperty("qamrov.splat.stepDiv", "2"));
        RadialFootprintModel model = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, dem);
        StringBuilder agreement = new StringBuilder();
        StringBuilder timing = new StringBuilder();
        StringBuilder radial = new StringBuilder("| site | radial points | agreement (loss) | agreement (footprint) |"
                + " Deygout: agreement (loss) | agreement, SPLAT!'s LoS / obstructed points |\n|---|---|---|---|---|---|\n");
        RadialPoints allRadial = new RadialPoints();
        agreement.append(String.format(Locale.ROOT, "allowed path loss %.1f dB (2G, rural, 900 MHz, 30 m / 1.5 m)%n%n", allowed));
        agreement.append("| site | lon, lat | points | covered: ours / SPLAT! | agreement (loss) | agreement (footprint) |"
                + " median ours − SPLAT! (dB) | median, LoS / obstructed points (dB) | Deygout: agreement (loss) |"
                + " Deygout: median, LoS / obstructed (dB) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        timing.append("| site | SPLAT! CPU (s) | SPLAT! wall (s) | ours, footprint with terrain, CPU (ms) | ratio SPLAT!/ours |\n"
                + "|---|---|---|---|---|\n");
        long allPoints = 0;
        long allAgree = 0;
        long allAgreeFp = 0;
        long allAgreeD = 0;
        List<Double> allDiffD = new ArrayList<>();
        List<Double> allDiff = new ArrayList<>();
        double sumSplat = 0;
        double sumOurs = 0;
        for (String line : Files.readAllLines(work.resolve("sites.txt"))) {
            String[] f = line.trim().split("\\s+");
            String name = f[0];
            double lon = Double.parseDouble(f[1]);
            double lat = Double.parseDouble(f[2]);
            Cell cell = new Cell(1, 1, "op", Technology.G2, BAND, null, 360, MAST_M, null, null, lon, lat, Validity.ALWAYS);
            RadialFootprint fp = model.build(cell, EnvironmentClass.RURAL).footprint();
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < 7; rep++) {
                long c0 = cpu();
                model.build(cell, EnvironmentClass.RURAL);
                best = Math.min(best, cpu() - c0);
            }
            LocalMetric metric = LocalMetric.at(lon, lat);
            double ground = dem.elevationM(lon, lat);
            double hts = ground + MAST_M;
            long points = 0;
            long agree = 0;
            long agreeFp = 0;
            long agreeD = 0;
            List<Double> diffLosD = new ArrayList<>();
            List<Double> diffObsD = new ArrayList<>();
            long coveredOurs = 0;
            long coveredSplat = 0;
            List<Double> diff = new ArrayList<>();
            List<Double> diffLos = new ArrayList<>();
            List<Double> diffObs = new ArrayList<>();
            double[] di = new double[4096];
            double[] hi = new double[4096];
            // per 3″ cell (the last SPLAT! point in it): SPLAT!'s loss, ours, Deygout's, our footprint's answer, SPLAT!'s mark
            Map<Long, double[]> byPixel = new HashMap<>();
            try (BufferedReader r = Files.newBufferedReader(work.resolve("sites").resolve(name + ".ano"))) {
                String s;
                while ((s = r.readLine()) != null) {
                    String[] p = s.split(",");
                    if (p.length < 5) {
                        continue;
                    }
                    double pLat = Double.parseDouble(p[0].trim());
                    double west = Double.parseDouble(p[1].trim());
                    double pLon = west > 180 ? 360 - west : -west;
                    String last = p[4].trim();
                    boolean obstructed = last.endsWith("*");
                    double splat = Double.parseDouble(last.replace("*", "").trim());
                    double[] xy = metric.toLocal(pLon, pLat);
                    double dM = Math.hypot(xy[0], xy[1]);
                    if (dM < 100 || dM > 20_000) {
                        continue;
                    }
                    double hRx = dem.elevationM(pLon, pLat);
                    double step = Math.min(stepM, Math.max(dM / 8, 1));
                    int n = (int) Math.ceil(dM / step);
                    int k = 0;
                    for (int j = 1; j < n; j++) {
                        double[] ll = metric.toLonLat(xy[0] * j * step / dM, xy[1] * j * step / dM);
                        di[k] = j * step / 1000;
                        hi[k++] = dem.elevationM(ll[0], ll[1]);
                    }
                    double dKm = dM / 1000;
                    double ours = hata.pathLossDb(dKm, link)
                            + Bullington.excessLossDb(di, hi, k, dKm, ground, hts, hRx, hRx + link.mobileHeightM(), lambda);
                    // the same point with a Deygout (≤ 3 edges) excess instead of Bullington's single edge
                    double oursD = hata.pathLossDb(dKm, link)
                            + Deygout.excessLossDb(di, hi, k, dKm, ground, hts, hRx, hRx + link.mobileHeightM(), lambda);
                    agreeD += (oursD <= allowed) == (splat <= allowed) ? 1 : 0;
                    (obstructed ? diffObsD : diffLosD).add(oursD - splat);
                    allDiffD.add(oursD - splat);
                    boolean cOurs = ours <= allowed;
                    boolean cSplat = splat <= allowed;
                    boolean cFp = fp.contains(pLon, pLat);
                    byPixel.put(pixel(pLon, pLat), new double[] {splat, ours, oursD, cFp ? 1 : 0, obstructed ? 1 : 0});
                    points++;
                    agree += cOurs == cSplat ? 1 : 0;
                    agreeFp += cFp == cSplat ? 1 : 0;
                    coveredOurs += cOurs ? 1 : 0;
                    coveredSplat += cSplat ? 1 : 0;
                    diff.add(ours - splat);
                    (obstructed ? diffObs : diffLos).add(ours - splat);
                }
            }
            RadialPoints rp = radialPoints(metric, byPixel, allowed);
            radial.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% / %.1f%% |%n", name, rp.points,
                    100.0 * rp.agree / rp.points, 100.0 * rp.agreeFp / rp.points, 100.0 * rp.agreeD / rp.points,
                    100.0 * rp.agreeLos / rp.los, 100.0 * (rp.agree - rp.agreeLos) / (rp.points - rp.los)));
            allRadial.add(rp);
            double[] t = splatTimes.get(name);
            double oursMs = best / 1e6;
            agreement.append(String.format(Locale.ROOT, "| %s | %.2f, %.2f | %d | %.1f%% / %.1f%% | %.1f%% | %.1f%% | %+.1f | %s / %s | %.1f%% | %s / %s |%n",
                    name, lon, lat, points, 100.0 * coveredOurs / points, 100.0 * coveredSplat / points,
                    100.0 * agree / points, 100.0 * agreeFp / points, median(diff), fmt(median(diffLos)), fmt(median(diffObs)),
                    100.0 * agreeD / points, fmt(median(diffLosD)), fmt(median(diffObsD))));
            timing.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.0f× |%n", name, t[0], t[1], oursMs,
                    t[0] * 1000 / oursMs));
            allPoints += points;
            allAgree += agree;
            allAgreeFp += agreeFp;
            allAgreeD += agreeD;
            allDiff.addAll(diff);
            sumSplat += t[0];
            sumOurs += oursMs;
        }
        agreement.append(String.format(Locale.ROOT, "| **all** | | %d | | **%.1f%%** | %.1f%% | **%+.1f** | | **%.1f%%** | %+.1f |%n",
                allPoints, 100.0 * allAgree / allPoints, 100.0 * allAgreeFp / allPoints, median(allDiff),
                100.0 * allAgreeD / allPoints, median(allDiffD)));
        timing.append(String.format(Locale.ROOT, "| **all** | %.2f | | %.2f | **%.0f×** |%n", sumSplat, sumOurs,
                sumSplat * 1000 / sumOurs));
        radial.append(String.format(Locale.ROOT, "| **all** | %d | **%.1f%%** | %.1f%% | %.1f%% | %.1f%% / %.1f%% |%n",
                allRadial.points, 100.0 * allRadial.agree / allRadial.points, 100.0 * allRadial.agreeFp / allRadial.points,
                100.0 * allRadial.agreeD / allRadial.points, 100.0 * allRadial.agreeLos / allRadial.los,
                100.0 * (allRadial.agree - allRadial.agreeLos) / (allRadial.points - allRadial.los)));
        String out = agreement + "\nPer radial point: 360 radials 1° apart, a point every " + RADIAL_STEP_M + " m from "
                + RADIAL_START_M + " m to 20 km, each answered by the SPLAT! point in the same 3″ cell (the same answers as"
                + " above, counted as often as the radials meet them):\n\n" + radial + "\n" + timing;
        Files.writeString(work.resolve("comparison.md"), out);
        System.out.println(out);
    }

    static final int RADIAL_STEP_M = 90;
    static final int RADIAL_START_M = 100;

    /** Counts over radial points; {@code los}: points SPLAT! marks as line of sight. */
    static final class RadialPoints {
        long points;
        long agree;
        long agreeFp;
        long agreeD;
        long los;
        long agreeLos;

        void add(RadialPoints o) {
            points += o.points;
            agree += o.agree;
            agreeFp += o.agreeFp;
            agreeD += o.agreeD;
            los += o.los;
            agreeLos += o.agreeLos;
        }
    }

    /**
     * The measure, "per radial point": the points a footprint walk meets (360 radials, equal steps along each),
     * each answered by the SPLAT! point in the same 3″ cell. Near the site several radial points fall in one cell, far
     * out radials pass between cells: so the near, mostly line-of-sight points weigh more than in the count per SPLAT!
     * point (about one per 3″ cell: by area), where the far ring dominates.
     */
    static RadialPoints radialPoints(LocalMetric metric, Map<Long, double[]> byPixel, double allowed) {
        RadialPoints r = new RadialPoints();
        for (int deg = 0; deg < 360; deg++) {
            double sin = Math.sin(Math.toRadians(deg));
            double cos = Math.cos(Math.toRadians(deg));
            for (int d = RADIAL_START_M; d <= 20_000; d += RADIAL_STEP_M) {
                double[] ll = metric.toLonLat(d * sin, d * cos);
                double[] v = byPixel.get(pixel(ll[0], ll[1]));
                if (v == null) {
                    continue; // outside SPLAT!'s 20 km or its first 100 m
                }
                boolean cSplat = v[0] <= allowed;
                boolean same = (v[1] <= allowed) == cSplat;
                r.points++;
                r.agree += same ? 1 : 0;
                r.agreeFp += (v[3] == 1) == cSplat ? 1 : 0;
                r.agreeD += (v[2] <= allowed) == cSplat ? 1 : 0;
                if (v[4] == 0) {
                    r.los++;
                    r.agreeLos += same ? 1 : 0;
                }
            }
        }
        return r;
    }

    /**
     * The 3″ cell of a position: SPLAT!'s .ano points lie along its own paths from the site, not on a grid, about one
     * per cell; a radial point is answered by the one in its cell (at most ~90 m away).
     */
    static long pixel(double lon, double lat) {
        return Math.round(lat * 1200) * 1_000_000L + Math.round(lon * 1200);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f", v);
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
