package uz.qamrov.geodata.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.geodata.generator.GeodataGenerator.Line;
import uz.qamrov.geodata.generator.GeodataGenerator.Node;
import uz.qamrov.geodata.generator.GeodataGenerator.Route;
import uz.qamrov.geodata.generator.GeodataGenerator.Settlement;
import uz.qamrov.geodata.generator.GeodataGenerator.Site;
/**
 * The synthetic base stations: placed by population and along transport corridors, dated so that the active count
 * matches the national figures at three dates, and their cells (technology by commissioning year). Every position
 * passes {@link SiteSiting} (valleys and passes, not ridge lines).
 * {@link uz.qamrov.geodata.calibration.HistoryCalibrator} then re-dates them against the engine.
 */
final class SiteSynthesizer {
    private final GeodataGenerator g;
    private final double scale;
    private SiteSiting siting;

    SiteSynthesizer(GeodataGenerator g) {
        this.g = g;
        this.scale = g.scale();
    }

    static LocalDate between(LocalDate a, LocalDate b, double f) {
        long days = ChronoUnit.DAYS.between(a, b);
        return a.plusDays(Math.min(days, Math.max(0, (long) Math.floor(f * (days + 1)))));
    }

    static String pickOp(SplittableRandom r) {
        double u = r.nextDouble();
        double[] s = GeodataGenerator.opShare();
        for (int i = 0; i < s.length; i++) {
            u -= s[i];
            if (u < 0) {
                return GeodataGenerator.ops()[i];
            }
        }
        return GeodataGenerator.ops()[0];
    }

    static boolean activeOn(LocalDate comm, LocalDate decomm, LocalDate d) {
        return !comm.isAfter(d) && (decomm == null || decomm.isAfter(d));
    }

    // ------------------------------------------------------------------------------------------ sites

    void buildSites(SplittableRandom r, SplittableRandom cr) {
        int n23 = (int) Math.round(60_600 * scale);
        int n24 = (int) Math.round(77_300 * scale);
        int n25 = (int) Math.round(87_400 * scale);
        int h2 = (int) Math.round(300 * scale);
        // planned sites (2027 – mid-2028, after today's date) are what closes the remaining gaps in the "with planned
        // sites" view; about a third of them sit in the late highway zones
        int planned = (int) Math.round(1500 * scale);
        int decom = (int) Math.round(1_200 * scale);
        List<Site> sites = g.sites();
        PointGrid settlementPoints = new PointGrid(0.05);
        for (Settlement s : g.settlements()) {
            settlementPoints.add(s.lon, s.lat, 0);
        }
        siting = new SiteSiting(g.terrain(), settlementPoints);
        SplittableRandom sr = g.rnd("siting");
        // corridor sites along highways and railways, per operator every 7..13 km
        double[] corridorP = {0.9, 0.8, 0.8, 0.6, 0.15};
        List<Line> lines = new ArrayList<>(g.highways());
        lines.addAll(g.railways());
        for (Line l : lines) {
            Coordinate[] cs = l.geom().getCoordinates();
            for (int o = 0; o < GeodataGenerator.ops().length; o++) {
                if (r.nextDouble() >= corridorP[o]) {
                    continue;
                }
                double next = r.nextDouble() * 10_000 / scale;
                double acc = 0;
                for (int i = 1; i < cs.length; i++) {
                    double d = Geo.distM(cs[i - 1], cs[i]);
                    while (acc + d >= next) {
                        double f = (next - acc) / d;
                        double lon = cs[i - 1].x + f * (cs[i].x - cs[i - 1].x);
                        double lat = cs[i - 1].y + f * (cs[i].y - cs[i - 1].y);
                        Coordinate c = Geo.keepInside(Geo.destination(lon, lat, r.nextDouble() * 360, 100 + r.nextDouble() * 500),
                                g.outline(), g.outlinePrep());
                        // off a ridge: down to the valley beside the road (up to 3 km from it)
                        c = siting.place(c, () -> Geo.keepInside(Geo.destination(lon, lat, sr.nextDouble() * 360,
                                100 + sr.nextDouble() * 2_900), g.outline(), g.outlinePrep()));
                        Site s = new Site();
                        s.op = GeodataGenerator.ops()[o];
                        s.lon = c.x;
                        s.lat = c.y;
                        s.type = 2;
                        sites.add(s);
                        next += (7_000 + r.nextDouble() * 6_000) / scale;
                    }
                    acc += d;
                }
            }
        }
        int corridor = sites.size();
        int settlementSites = n25 + h2 + planned - corridor;
        if (settlementSites < 0) {
            throw new IllegalStateException("scale too small for the corridor sites: " + scale);
        }
        List<Settlement> st = g.settlements();
        double totalPop = st.stream().mapToDouble(s -> s.pop).sum();
        placeBySettlement(r, sr, st, settlementSites, totalPop, sites);
        List<Site> decomSites = new ArrayList<>();
        placeBySettlement(r, sr, st, decom, totalPop, decomSites);
        g.stats.put("sites.siting.ridge_candidates_moved", siting.relocated());
        g.stats.put("sites.siting.no_lower_redraw", siting.keptHigh());
        // late zones: the 22% of international highway length farthest from real towns
        PointGrid towns = new PointGrid(0.25);
        for (Settlement s : st) {
            if (s.real) {
                towns.add(s.lon, s.lat, 0);
            }
        }
        List<double[]> verts = new ArrayList<>();
        double intlLen = 0;
        int chunkBase = 0;
        for (Line l : g.highways()) {
            if (!l.cls().equals("international")) {
                continue;
            }
            Coordinate[] cs = l.geom().getCoordinates();
            double along = 0;
            for (int i = 1; i < cs.length; i++) {
                double d = Geo.distM(cs[i - 1], cs[i]);
                double[] nt = towns.nearest(cs[i].x, cs[i].y, 500_000);
                along += d;
                verts.add(new double[] {cs[i].x, cs[i].y, nt == null ? 1e9 : nt[3], d, chunkBase + Math.floor(along / 40_000)});
                intlLen += d;
            }
            chunkBase += 1000;
        }
        // late zones, by 40 km chunk of highway: 45% get 4G in 2024, 30% in H1 2025, a quarter only planned
        verts.sort(Comparator.comparingDouble((double[] v) -> -v[2]));
        PointGrid late = new PointGrid(0.1);
        double acc = 0;
        Map<Integer, Integer> chunkBucket = new HashMap<>();
        for (double[] v : verts) {
            if (acc > 0.22 * intlLen) {
                break;
            }
            int chunk = (int) v[4];
            if (!chunkBucket.containsKey(chunk)) {
                double u = r.nextDouble();
                chunkBucket.put(chunk, u < 0.45 ? 0 : u < 0.75 ? 1 : 2);
            }
            late.add(v[0], v[1], chunkBucket.get(chunk));
            acc += v[3];
        }
        for (Site s : sites) {
            double[] lv = s.type != 0 && s.cityPop < 20_000 ? late.nearest(s.lon, s.lat, 8_000) : null;
            s.late = lv != null;
            s.lateBucket = lv == null ? -1 : (int) lv[2];
            s.prio = r.nextDouble() * (s.type == 0 ? 0.75 : s.type == 1 ? 1.0 : 1.1);
        }
        List<Site> lateSites = sites.stream().filter(s -> s.late).toList();
        List<Site> normal = new ArrayList<>(sites.stream().filter(s -> !s.late).toList());
        normal.sort(Comparator.comparingDouble(s -> s.prio));
        int lateN = lateSites.size();
        int late24 = 0;
        int late25 = 0;
        int latePlanned = 0;
        for (Site s : lateSites) {
            int b = s.lateBucket == 2 && latePlanned >= planned * 0.8 ? 1 : s.lateBucket;
            if (b == 0) {
                late24++;
                s.comm = between(LocalDate.of(2024, 1, 1), GeodataGenerator.D24, r.nextDouble());
            } else if (b == 1) {
                late25++;
                s.comm = between(LocalDate.of(2025, 1, 1), GeodataGenerator.D25, r.nextDouble());
            } else {
                latePlanned++;
                s.comm = between(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30), r.nextDouble());
            }
        }
        int b24 = n24 - n23 - late24;
        int b25 = n25 - n24 - late25;
        int bPlanned = planned - latePlanned;
        if (b24 < 0 || b25 < 0 || normal.size() != n23 + b24 + b25 + h2 + bPlanned) {
            throw new IllegalStateException("site buckets do not add up: " + normal.size() + " " + b24 + " " + b25);
        }
        long preDays = ChronoUnit.DAYS.between(GeodataGenerator.HISTORY_START, GeodataGenerator.D23);
        for (int k = 0; k < normal.size(); k++) {
            Site s = normal.get(k);
            if (k < n23) {
                s.comm = GeodataGenerator.HISTORY_START.plusDays(Math.round(Math.sqrt((k + 0.5) / n23) * preDays));
            } else if (k < n23 + b24) {
                s.comm = between(LocalDate.of(2024, 1, 1), GeodataGenerator.D24, r.nextDouble());
            } else if (k < n23 + b24 + b25) {
                s.comm = between(LocalDate.of(2025, 1, 1), GeodataGenerator.D25, r.nextDouble());
            } else if (k < n23 + b24 + b25 + h2) {
                s.comm = between(LocalDate.of(2025, 7, 2), GeodataGenerator.SNAPSHOT, r.nextDouble());
            } else {
                s.comm = between(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30), r.nextDouble());
            }
        }
        for (Site s : decomSites) {
            s.comm = between(GeodataGenerator.HISTORY_START, LocalDate.of(2012, 12, 31), r.nextDouble());
            LocalDate d = s.comm.plusDays(365L * 3 + r.nextInt(365 * 7));
            s.decomm = d.isAfter(LocalDate.of(2022, 12, 31)) ? LocalDate.of(2022, 12, 31).minusDays(r.nextInt(700)) : d;
            if (!s.decomm.isAfter(s.comm)) {
                s.decomm = s.comm.plusDays(400);
            }
        }
        sites.addAll(decomSites);
        Map<String, Integer> seq = new HashMap<>();
        for (Site s : sites) {
            int n = seq.merge(s.op, 1, Integer::sum);
            s.extId = String.format(Locale.ROOT, "%s-%06d", GeodataGenerator.opPrefix(s.op), n);
            s.tower = Math.round(s.type == 0 ? 20 + r.nextDouble() * 20 : s.type == 1 ? 30 + r.nextDouble() * 25
                    : 40 + r.nextDouble() * 25);
            chooseLayers(s, cr);
        }
        for (LocalDate d : new LocalDate[] {GeodataGenerator.D23, GeodataGenerator.D24, GeodataGenerator.D25}) {
            long c = sites.stream().filter(s -> activeOn(s.comm, s.decomm, d)).count();
            g.stats.put("sites.active." + d, c);
            g.stats.put("highways.international.no4g_within_5km.pct." + d, gapPct(d, 5_000));
            g.stats.put("highways.international.no4g_within_8km.pct." + d, gapPct(d, 8_000));
        }
        g.stats.put("sites.planned", sites.stream().filter(s -> s.comm.isAfter(GeodataGenerator.SNAPSHOT)).count());
        g.stats.put("sites.decommissioned", decomSites.size());
        g.stats.put("sites.corridor", corridor);
        g.stats.put("sites.late_zone", lateN);
        for (String op : GeodataGenerator.ops()) {
            g.stats.put("sites.share." + op, GeodataGenerator.round1(100.0 * seq.getOrDefault(op, 0) / sites.size()));
        }
    }

    private void placeBySettlement(SplittableRandom r, SplittableRandom sr, List<Settlement> st, int count, double totalPop,
            List<Site> into) {
        double u = r.nextDouble();
        double cum = 0;
        for (Settlement s : st) {
            double e = s.pop * (double) count / totalPop;
            int n = (int) (Math.floor(cum + e + u) - Math.floor(cum + u));
            cum += e;
            for (int i = 0; i < n; i++) {
                Coordinate c = Geo.keepInside(Geo.randomInDisk(s.lon, s.lat, s.radiusM, r), g.outline(), g.outlinePrep());
                c = siting.place(c, () -> Geo.keepInside(Geo.randomInDisk(s.lon, s.lat, s.radiusM, sr), g.outline(),
                        g.outlinePrep()));
                Site site = new Site();
                site.op = pickOp(r);
                site.lon = c.x;
                site.lat = c.y;
                site.type = s.pop >= 50_000 ? 0 : 1;
                site.cityPop = s.pop;
                into.add(site);
            }
        }
    }

    private void chooseLayers(Site s, SplittableRandom r) {
        int y = s.comm.getYear();
        int sectors = s.type == 0 ? 3 : r.nextDouble() < (s.type == 2 ? 0.7 : 0.6) ? 3 : 1;
        List<String> layers = new ArrayList<>();
        // LTE came to Uzbekistan's networks from 2014; a site's cells carry its commissioning date (upgrades are not
        // modelled), so an older site keeps 2G/3G: that is what makes 4G coverage grow with the new sites
        double p4 = y < 2014 ? 0 : y < 2017 ? 0.35 : y < 2019 ? 0.7 : 0.95;
        if (s.late || r.nextDouble() < p4) {
            int band = s.type == 0 ? (r.nextDouble() < 0.6 ? 1800 : 2600)
                    : r.nextDouble() < (s.type == 2 ? 0.6 : 0.4) ? 800 : 1800;
            layers.add("4G:" + band);
        } else if (r.nextDouble() < 0.55) {
            layers.add("3G:2100");
        } else {
            layers.add(r.nextDouble() < 0.6 ? "2G:900" : "2G:1800");
        }
        double second = s.type == 0 ? 0.12 : sectors == 1 ? 0.7 : 0.08;
        if (r.nextDouble() < second) {
            String l2 = sectors == 1 ? "2G:900" : r.nextDouble() < 0.5 ? "3G:2100" : "2G:1800";
            if (!layers.contains(l2)) {
                layers.add(l2);
            }
        }
        if (s.type == 0 && s.cityPop >= 250_000 && y >= 2021 && r.nextDouble() < 0.45) {
            layers.add("5G:3500");
            sectors = 3;
        }
        s.has4g = layers.stream().anyMatch(l -> l.startsWith("4G") || l.startsWith("5G"));
        s.layers = layers.toArray(new String[0]);
        s.sectors = sectors;
    }

    private double gapPct(LocalDate d, double radiusM) {
        PointGrid grid = new PointGrid(0.1);
        for (Site s : g.sites()) {
            if (s.has4g && activeOn(s.comm, s.decomm, d)) {
                grid.add(s.lon, s.lat, 0);
            }
        }
        double total = 0;
        double gap = 0;
        for (Line l : g.highways()) {
            if (!l.cls().equals("international")) {
                continue;
            }
            Coordinate[] cs = l.geom().getCoordinates();
            boolean prev = grid.nearest(cs[0].x, cs[0].y, radiusM) != null;
            for (int i = 1; i < cs.length; i++) {
                boolean cur = grid.nearest(cs[i].x, cs[i].y, radiusM) != null;
                double len = Geo.distM(cs[i - 1], cs[i]);
                total += len;
                if (!prev || !cur) {
                    gap += (!prev && !cur) ? len : len / 2;
                }
                prev = cur;
            }
        }
        return GeodataGenerator.round1(100 * gap / total);
    }

    long writeCells(Path file, SplittableRandom r) throws IOException {
        long n = 0;
        Map<String, Integer> techCount = new java.util.TreeMap<>();
        try (CsvGz w = new CsvGz(file, "operator_code", "site_external_id", "external_id", "technology", "band_mhz",
                "azimuth_deg", "beamwidth_deg", "tilt_deg", "antenna_height_m", "eirp_dbm", "range_m")) {
            for (Site s : g.sites()) {
                String[] layers = s.layers;
                int sectors = s.sectors;
                double rot = r.nextDouble() * 120;
                for (String layer : layers) {
                    String tech = layer.substring(0, 2);
                    int band = Integer.parseInt(layer.substring(3));
                    int sec = tech.equals("5G") ? 3 : sectors;
                    for (int k = 0; k < sec; k++) {
                        Double az = sec == 1 ? null : (double) Math.floorMod(Math.round(rot + k * 120 + (r.nextDouble() - 0.5) * 30), 360);
                        double bw = sec == 1 ? 360 : 65;
                        double tilt = Math.round((s.type == 0 ? 4 + r.nextDouble() * 4 : 2 + r.nextDouble() * 4) * 10) / 10.0;
                        double ah = Math.max(20, Math.min(60, s.tower - 1 - Math.floor(r.nextDouble() * 5)));
                        double eirp = Math.round((55 + r.nextDouble() * 10) * 10) / 10.0;
                        Double range = null;
                        if (r.nextDouble() < 0.05) {
                            double base = s.type == 0 ? 1_000 + r.nextDouble() * 3_000 : 3_000 + r.nextDouble() * 27_000;
                            range = (double) Math.round(band >= 2600 ? Math.max(1_000, base * 0.5) : base);
                        }
                        String id = String.format(Locale.ROOT, "%s-%s%d-%d", s.extId, tech, band, k + 1);
                        w.row(s.op, s.extId, id, tech, band, az, bw, tilt, ah, eirp, range);
                        techCount.merge(tech, 1, Integer::sum);
                        n++;
                    }
                }
            }
        }
        techCount.forEach((k, v) -> g.stats.put("cells." + k, v));
        return n;
    }
}
