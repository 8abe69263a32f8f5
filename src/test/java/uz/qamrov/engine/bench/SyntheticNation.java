package uz.qamrov.engine.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadioSettings;

/**
 * A synthetic country of Uzbekistan's size for the engine benchmarks: 14 regions × 14 districts over 58–72°E ×
 * 38–45°N, 12,000 settlements in 300 clusters (10% with a boundary), {@code siteCount} sites near settlements with 2–4
 * cells, 60 highways and 20 railways of 100 km, ~313k km of fiber, 5,000 access nodes. Seeded: the same seed and size
 * give the same country.
 */
record SyntheticNation(List<AdminArea> areas, List<Settlement> settlements, List<Site> sites, List<Cell> cells,
        List<TransportLine> lines, List<FiberRoute> fiber, List<FiberNode> nodes) {

    static final double LON0 = 58;
    static final double LAT0 = 38;
    static final double W = 14;
    static final double H = 7;

    static SyntheticNation generate(long seed, int siteCount) {
        return generate(seed, siteCount, 60);
    }

    /** @param highways how many 100 km highways (60 by default; more make a planning instance of ≥ 100k candidates) */
    static SyntheticNation generate(long seed, int siteCount, int highways) {
        Random rnd = new Random(seed);
        List<AdminArea> areas = new ArrayList<>();
        int rx = 7;
        int ry = 2;
        for (int i = 0; i < rx; i++) {
            for (int j = 0; j < ry; j++) {
                String r = "R" + i + "_" + j;
                double x0 = LON0 + W * i / rx;
                double y0 = LAT0 + H * j / ry;
                areas.add(Fixtures.region(r, box(x0, y0, x0 + W / rx, y0 + H / ry)));
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 7; b++) {
                        double dx = W / rx / 2;
                        double dy = H / ry / 7;
                        areas.add(Fixtures.district(r + "_" + a + b, r, box(x0 + a * dx, y0 + b * dy, x0 + (a + 1) * dx,
                                y0 + (b + 1) * dy)));
                    }
                }
            }
        }
        // settlements in clusters (oases), 10% with a boundary polygon
        List<Settlement> settlements = new ArrayList<>();
        double[][] centres = new double[300][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new double[] {LON0 + W * rnd.nextDouble(), LAT0 + H * rnd.nextDouble()};
        }
        for (int i = 0; i < 12_000; i++) {
            double[] c = centres[rnd.nextInt(centres.length)];
            double lon = clamp(c[0] + rnd.nextGaussian() * 0.25, LON0, LON0 + W);
            double lat = clamp(c[1] + rnd.nextGaussian() * 0.2, LAT0, LAT0 + H);
            int pop = (int) Math.min(2_500_000, 300 * Math.exp(rnd.nextGaussian() * 1.3));
            org.locationtech.jts.geom.Polygon boundary = null;
            if (rnd.nextInt(10) == 0) {
                double r = 300 + Math.sqrt(pop) * 5;
                Coordinate[] cs = new Coordinate[9];
                for (int k = 0; k < 8; k++) {
                    double[] p = LocalMetric.destination(lon, lat, 45.0 * k, r * (0.7 + 0.3 * rnd.nextDouble()));
                    cs[k] = new Coordinate(p[0], p[1]);
                }
                cs[8] = cs[0];
                boundary = Fixtures.GF.createPolygon(cs);
            }
            // region and district codes of the boxes above, so that plans can be scoped to a region
            int ri = Math.min(rx - 1, (int) ((lon - LON0) / (W / rx)));
            int rj = Math.min(ry - 1, (int) ((lat - LAT0) / (H / ry)));
            double fx = (lon - LON0 - ri * W / rx) / (W / rx / 2);
            double fy = (lat - LAT0 - rj * H / ry) / (H / ry / 7);
            String region = "R" + ri + "_" + rj;
            String district = region + "_" + Math.min(1, (int) fx) + Math.min(6, (int) fy);
            settlements.add(new Settlement(i + 1, lon, lat, pop, pop / 5, region, district, boundary));
        }
        // sites near settlements (weighted by population), 2–4 cells each
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        String[] ops = {"beeline", "ucell", "mobiuz", "uztelecom"};
        long cellId = 1;
        Technology[] techs = Technology.values();
        int[][] bands = {{900, 1800}, {2100, 900}, {800, 1800, 2600}, {3500}};
        for (int i = 0; i < siteCount; i++) {
            Settlement s = settlements.get(rnd.nextInt(settlements.size()));
            double[] p = LocalMetric.destination(s.lon(), s.lat(), 360 * rnd.nextDouble(), 3_000 * rnd.nextDouble());
            String op = ops[rnd.nextInt(ops.length)];
            Validity v = rnd.nextInt(10) == 0 ? Validity.from(LocalDate.of(2026, 1, 1)) : Validity.ALWAYS;
            sites.add(new Site(i + 1, op, p[0], p[1], v));
            int k = 2 + rnd.nextInt(3);
            double h = 20 + 30 * rnd.nextDouble();
            for (int j = 0; j < k; j++) {
                Technology t = techs[Math.min(3, rnd.nextInt(5))];
                int[] b = bands[t.ordinal()];
                cells.add(new Cell(cellId++, i + 1, op, t, b[rnd.nextInt(b.length)], 120.0 * (j % 3) + 10, 65, h, null, null,
                        p[0], p[1], v));
            }
        }
        List<TransportLine> lines = new ArrayList<>();
        for (int i = 0; i < highways; i++) {
            lines.add(new TransportLine(i + 1, LineKind.HIGHWAY, "M" + i, i % 2 == 0 ? "international" : "state",
                    line(rnd, 100_000, 500)));
        }
        for (int i = 0; i < 20; i++) {
            lines.add(new TransportLine(1000 + i, LineKind.RAILWAY, i == 0 ? "tashkent_samarkand_bukhara" : "r" + i, "rail",
                    line(rnd, 100_000, 500)));
        }
        List<FiberRoute> fiber = new ArrayList<>();
        for (int i = 0; i < 10_430; i++) {
            fiber.add(new FiberRoute(i + 1, ops[rnd.nextInt(ops.length)], line(rnd, 30_000, 300), Validity.ALWAYS));
        }
        List<FiberNode> nodes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Settlement s = settlements.get(rnd.nextInt(settlements.size()));
            nodes.add(new FiberNode(i + 1, "uztelecom", s.lon(), s.lat(), 256, Validity.ALWAYS));
        }
        return new SyntheticNation(areas, settlements, sites, cells, lines, fiber, nodes);
    }

    /**
     * The model with hard sector wedges, no terrain ({@code RadioSettings.WEDGES}: the service's default until session
     * 22, {@code qamrov.terrain.sector-wedges=true} since); the benchmarks' radial and terrain modes build their own.
     */
    CoverageModel build() {
        return new CoverageModelBuilder().settings(CoverageSettings.DEFAULTS.withRadio(RadioSettings.WEDGES))
                .adminAreas(areas).settlements(settlements).sites(sites).cells(cells).lines(lines).fiberRoutes(fiber)
                .fiberNodes(nodes).build();
    }

    static LineString line(Random rnd, double lengthM, double stepM) {
        int n = (int) (lengthM / stepM) + 1;
        Coordinate[] cs = new Coordinate[n];
        cs[0] = new Coordinate(LON0 + W * rnd.nextDouble(), LAT0 + H * rnd.nextDouble());
        double heading = 360 * rnd.nextDouble();
        for (int i = 1; i < n; i++) {
            heading += 10 * rnd.nextGaussian();
            double[] p = LocalMetric.destination(cs[i - 1].x, cs[i - 1].y, heading, stepM);
            cs[i] = new Coordinate(clamp(p[0], LON0, LON0 + W), clamp(p[1], LAT0, LAT0 + H));
        }
        return Fixtures.GF.createLineString(cs);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static String box(double x0, double y0, double x1, double y1) {
        return "POLYGON((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1 + ", " + x0
                + " " + y0 + "))";
    }
}
