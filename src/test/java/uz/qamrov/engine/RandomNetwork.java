package uz.qamrov.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.geodesy.LocalMetric;
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

/** Random but reproducible networks in a 0.5° × 0.4° box at (66°E, 40°N), two regions with two districts each. */
public final class RandomNetwork {

    public static final double MIN_LON = 66.0;
    public static final double MIN_LAT = 40.0;
    public static final double W = 0.5;
    public static final double H = 0.4;
    public static final String[] OPERATORS = {"beeline", "ucell", "mobiuz"};
    static final LocalDate[] DATES = {null, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 3, 1),
            LocalDate.of(2027, 1, 1)};

    private final Random rnd;
    private long nextId = 1;

    public RandomNetwork(long seed) {
        this.rnd = new Random(seed);
    }

    double lon() {
        return MIN_LON + W * rnd.nextDouble();
    }

    double lat() {
        return MIN_LAT + H * rnd.nextDouble();
    }

    public Validity validity() {
        LocalDate from = DATES[rnd.nextInt(DATES.length)];
        LocalDate to = DATES[rnd.nextInt(DATES.length)];
        if (to != null && from != null && !to.isAfter(from)) {
            return new Validity(from, null);
        }
        return new Validity(from, to);
    }

    public static List<AdminArea> areas() {
        double mid = MIN_LON + W / 2;
        return List.of(Fixtures.region("R1", box(MIN_LON, MIN_LAT, mid, MIN_LAT + H)),
                Fixtures.region("R2", box(mid, MIN_LAT, MIN_LON + W, MIN_LAT + H)),
                Fixtures.district("R1a", "R1", box(MIN_LON, MIN_LAT, mid, MIN_LAT + H / 2)),
                Fixtures.district("R1b", "R1", box(MIN_LON, MIN_LAT + H / 2, mid, MIN_LAT + H)),
                Fixtures.district("R2a", "R2", box(mid, MIN_LAT, MIN_LON + W, MIN_LAT + H / 2)),
                Fixtures.district("R2b", "R2", box(mid, MIN_LAT + H / 2, MIN_LON + W, MIN_LAT + H)));
    }

    static String box(double x0, double y0, double x1, double y1) {
        return "POLYGON((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1 + ", " + x0
                + " " + y0 + "))";
    }

    public List<Settlement> settlements(int n, double polygonShare) {
        List<Settlement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lon = lon();
            double lat = lat();
            String region = lon < MIN_LON + W / 2 ? "R1" : "R2";
            String district = region + (lat < MIN_LAT + H / 2 ? "a" : "b");
            org.locationtech.jts.geom.Polygon boundary = null;
            if (rnd.nextDouble() < polygonShare) {
                int k = 5 + rnd.nextInt(6);
                double r = 300 + 1500 * rnd.nextDouble();
                Coordinate[] cs = new Coordinate[k + 1];
                for (int j = 0; j < k; j++) {
                    double[] p = LocalMetric.destination(lon, lat, 360.0 * j / k, r * (0.7 + 0.3 * rnd.nextDouble()));
                    cs[j] = new Coordinate(p[0], p[1]);
                }
                cs[k] = cs[0];
                boundary = Fixtures.GF.createPolygon(cs);
            }
            out.add(new Settlement(nextId++, lon, lat, 50 + rnd.nextInt(20_000), 10 + rnd.nextInt(4_000), region, district,
                    boundary));
        }
        return out;
    }

    public Cell cell(long siteId, double lon, double lat) {
        Technology t = Technology.values()[rnd.nextInt(4)];
        Double az = rnd.nextInt(4) == 0 ? null : 360 * rnd.nextDouble();
        // 30–330° sectors (non-convex wedges included) or omni; the brute-force reference draws geodesic edges
        double bw = rnd.nextInt(5) == 0 ? 360 : 30 + 300 * rnd.nextDouble();
        boolean explicit = rnd.nextInt(3) > 0;
        int band = new int[] {800, 900, 1800, 2100, 2600, 3500}[rnd.nextInt(6)];
        return new Cell(nextId++, siteId, OPERATORS[rnd.nextInt(OPERATORS.length)], t, band, az, bw, 20 + 30 * rnd.nextDouble(),
                null, explicit ? 1_000 + 9_000 * rnd.nextDouble() : null, lon, lat, validity());
    }

    /** Sites with 1–3 cells each. */
    public void sitesAndCells(int nSites, List<Site> sites, List<Cell> cells) {
        for (int i = 0; i < nSites; i++) {
            double lon = lon();
            double lat = lat();
            Site s = new Site(nextId++, OPERATORS[rnd.nextInt(OPERATORS.length)], lon, lat, validity());
            sites.add(s);
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++) {
                cells.add(cell(s.id(), lon, lat));
            }
        }
    }

    LineString randomLine(int vertices, double maxStepM) {
        Coordinate[] cs = new Coordinate[vertices];
        cs[0] = new Coordinate(lon(), lat());
        double heading = 360 * rnd.nextDouble();
        for (int i = 1; i < vertices; i++) {
            heading += 60 * (rnd.nextDouble() - 0.5);
            double[] p = LocalMetric.destination(cs[i - 1].x, cs[i - 1].y, heading, 200 + (maxStepM - 200) * rnd.nextDouble());
            cs[i] = new Coordinate(p[0], p[1]);
        }
        return Fixtures.GF.createLineString(cs);
    }

    public List<TransportLine> lines(int n) {
        List<TransportLine> out = new ArrayList<>();
        String[] classes = {"international", "state", "other"};
        for (int i = 0; i < n; i++) {
            boolean rail = i % 4 == 3;
            out.add(new TransportLine(nextId++, rail ? LineKind.RAILWAY : LineKind.HIGHWAY,
                    rail ? (i % 8 == 3 ? "tashkent_samarkand_bukhara" : "other_rail") : "M" + i,
                    rail ? "rail" : classes[rnd.nextInt(3)], randomLine(5 + rnd.nextInt(15), 4_000)));
        }
        return out;
    }

    public List<FiberRoute> fiberRoutes(int n) {
        List<FiberRoute> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FiberRoute(nextId++, "uztelecom", randomLine(3 + rnd.nextInt(10), 3_000), validity()));
        }
        return out;
    }

    public List<FiberNode> fiberNodes(int n) {
        List<FiberNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FiberNode(nextId++, i % 2 == 0 ? "uztelecom" : "turon", lon(), lat(), rnd.nextInt(500), validity()));
        }
        return out;
    }

    public Random random() {
        return rnd;
    }

    /** Rolling hills (320–680 m) over the random network's area and 0.3° around it, 0.004° cells. */
    public static uz.qamrov.engine.terrain.Dem hills(long seed) {
        double cell = 0.004;
        double west = MIN_LON - 0.3;
        double north = MIN_LAT + H + 0.3;
        int cols = (int) Math.ceil((W + 0.6) / cell);
        int rows = (int) Math.ceil((H + 0.6) / cell);
        java.util.Random rnd = new java.util.Random(seed);
        double[] phase = {rnd.nextDouble() * 6.3, rnd.nextDouble() * 6.3, rnd.nextDouble() * 6.3};
        float[] z = new float[cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = c * cell * 85.0; // km, roughly
                double y = r * cell * 111.0;
                z[r * cols + c] = (float) (500 + 120 * Math.sin(x / 4.0 + phase[0]) * Math.cos(y / 7.0 + phase[1])
                        + 60 * Math.sin((x + y) / 2.3 + phase[2]));
            }
        }
        return new uz.qamrov.engine.terrain.Dem(west, north, cell, cols, rows, z, -32768);
    }
}
