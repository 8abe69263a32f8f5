package uz.qamrov.geodata.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import uz.qamrov.geodata.calibration.Terrain;

/**
 * Deterministic generator of the Qamrov national dataset ({@code geodata/}): approximate regions and districts
 * derived from real towns, real plus synthetic settlements, highways and railways through real towns, and a
 * synthetic telecom network (sites, cells, fiber routes and nodes) calibrated to national totals at three dates.
 *
 * <p>Inputs: {@code geodata/facts/*.csv} (hand-entered facts) and {@code geodata/sources/*} (real extracts).
 * Output depends only on the inputs, the seed and the scale: no wall clock, no locale, no hash-order iteration.
 *
 * <p>Run: {@code mvn -q compile exec:java -Dexec.mainClass=uz.qamrov.geodata.generator.GeodataGenerator
 * -Dexec.args="--seed 20251 --scale 1 --out geodata"}.
 */
public final class GeodataGenerator {
    public static final String VERSION = "1.0.0";
    /** The dataset describes the network as known on this date: later commissioning dates are "planned". */
    static final LocalDate SNAPSHOT = LocalDate.of(2025, 9, 30);
    static final LocalDate D23 = LocalDate.of(2023, 12, 31);
    static final LocalDate D24 = LocalDate.of(2024, 12, 31);
    static final LocalDate D25 = LocalDate.of(2025, 7, 1);
    static final LocalDate HISTORY_START = LocalDate.of(2005, 1, 1);
    /** Voronoi cells are built in a plane where one unit of x equals one unit of y on the ground (at 41 N). */
    static final double XSCALE = Math.cos(Math.toRadians(41));
    static final String[] OPS = {"uzmobile", "beeline", "ucell", "mobiuz", "humans"};
    static final double[] OP_SHARE = {0.30, 0.25, 0.25, 0.15, 0.05};
    static final Map<String, String> OP_PREFIX = Map.of("uzmobile", "UZM", "beeline", "BEE", "ucell", "UCL",
            "mobiuz", "MUZ", "humans", "HUM");

    record RegionFact(String code, String gnAdmin1, String smAdmin, String uzLatn, String uzCyrl, String ru,
            String en, long pop, double hh) {
    }

    static final class Settlement {
        String extId;
        String nameUz;
        String nameCyrl;
        String nameRu;
        String nameEn;
        String kind;
        long pop;
        double weight;
        String region;
        String district;
        String source;
        double lon;
        double lat;
        boolean real;
        double radiusM;
        double distRealM;
        boolean fiber;
    }

    record Line(String key, String cls, String nameUz, String nameRu, String nameEn, LineString geom, List<Integer> anchorIdx) {
    }

    static final class Site {
        String op;
        String extId;
        double lon;
        double lat;
        double tower;
        LocalDate comm;
        LocalDate decomm;
        int type; // 0 city, 1 town/village, 2 corridor
        boolean late;
        int lateBucket;
        boolean has4g;
        /** technology layers such as "4G:1800", each on every sector */
        String[] layers;
        int sectors;
        long cityPop;
        double prio;
    }

    static final class Route {
        String op;
        String extId;
        String kind;
        LineString geom;
        double lengthM;
        double prio;
        double cap;
        LocalDate comm;
        LocalDate decomm;
        /** the settlement whose access network this distribution cable is part of (null for backbone/regional) */
        Settlement settlement;
    }

    static final class Node {
        String op;
        String extId;
        String kind;
        int ports;
        double lon;
        double lat;
        double prio;
        LocalDate comm;
        /** the settlement this access node serves (null for splices) */
        Settlement settlement;
    }

    final long seed;
    final double scale;
    final Path facts;
    final Path sources;
    final Path out;
    /** the national DEM, read by the site siting rule; default {@code <facts>/../dem/uz_srtm30plus_1min.asc.gz} */
    Path dem;
    private Terrain terrain;
    final Map<String, Object> stats = new LinkedHashMap<>();
    final Map<String, Long> rowCounts = new LinkedHashMap<>();

    List<RegionFact> regionFacts;
    Geometry outline;
    PreparedGeometry outlinePrep;
    Geometry inner;
    PreparedGeometry innerPrep;
    List<Towns.Town> towns;
    final Map<String, MultiPolygon> regionGeom = new TreeMap<>();
    final Map<String, PreparedGeometry> regionPrep = new TreeMap<>();
    final Map<String, List<String[]>> districtMeta = new TreeMap<>();
    final Map<String, MultiPolygon> districtGeom = new TreeMap<>();
    final Map<String, PreparedGeometry> districtPrep = new TreeMap<>();
    final List<Settlement> settlements = new ArrayList<>();
    final List<Line> highways = new ArrayList<>();
    final List<Line> railways = new ArrayList<>();
    final List<Site> sites = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();

    public GeodataGenerator(long seed, double scale, Path facts, Path sources, Path out) {
        this.seed = seed;
        this.scale = scale;
        this.facts = facts;
        this.sources = sources;
        this.out = out;
        this.dem = facts.toAbsolutePath().getParent().resolve("dem/uz_srtm30plus_1min.asc.gz");
    }

    public static void main(String[] args) throws Exception {
        long seed = 20251;
        double scale = 1;
        Path out = Path.of("geodata");
        Path facts = Path.of("geodata/facts");
        Path sources = Path.of("geodata/sources");
        Path dem = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--facts" -> facts = Path.of(args[++i]);
                case "--sources" -> sources = Path.of(args[++i]);
                case "--dem" -> dem = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --seed N --scale X --out DIR [--facts DIR --sources DIR --dem FILE])");
            }
        }
        GeodataGenerator g = new GeodataGenerator(seed, scale, facts, sources, out);
        if (dem != null) {
            g.dem = dem;
        }
        g.run();
        g.stats.forEach((k, v) -> System.out.println(k + " = " + v));
    }

    SplittableRandom rnd(String stream) {
        // one independent, reproducible stream per layer, so changing one layer does not shift the others
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < stream.length(); i++) {
            h = (h ^ stream.charAt(i)) * 0x100000001B3L;
        }
        return new SplittableRandom(h);
    }

    public void run() throws IOException {
        Files.createDirectories(out);
        loadFacts();
        terrain = Terrain.read(dem);
        regions = new RegionSynthesizer(this);
        regions.buildRegions();
        regions.buildDistricts();
        new TransportLineBuilder(this).buildLines();
        new SettlementSynthesizer(this).buildSettlements();
        buildSites();
        buildFiber();
        new GeodataWriter(this).writeAll();
    }

    // ---------------------------------------------------------------- facts, outline, towns

    List<CSVRecord> readCsv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return Towns.readFormat().parse(r).getRecords();
        }
    }

    private void loadFacts() throws IOException {
        regionFacts = new ArrayList<>();
        for (CSVRecord r : readCsv(facts.resolve("regions.csv"))) {
            regionFacts.add(new RegionFact(r.get("code"), r.get("geonames_admin1"), r.get("simplemaps_admin"),
                    r.get("name_uz_latn"), r.get("name_uz_cyrl"), r.get("name_ru"), r.get("name_en"),
                    Long.parseLong(r.get("population_2025_01_01")), Double.parseDouble(r.get("household_size"))));
        }
        try {
            Geometry g = new WKTReader(Geo.GF).read(Files.readString(sources.resolve("country-ne10m.wkt")).trim());
            outline = GeometryPrecisionReducer.reduce(g, Geo.PM);
        } catch (ParseException e) {
            throw new IOException(e);
        }
        outlinePrep = PreparedGeometryFactory.prepare(outline);
        Map<String, String> gn = new TreeMap<>();
        Map<String, String> sm = new TreeMap<>();
        for (RegionFact f : regionFacts) {
            // Tashkent city is carved out geometrically later; its towns start as Tashkent region
            gn.put(f.gnAdmin1, f.code.equals("UZ-TK") ? "UZ-TO" : f.code);
            if (!f.smAdmin.isEmpty()) {
                sm.put(Names.key(f.smAdmin), f.code);
            }
        }
        List<Towns.Town> all = Towns.load(sources, gn, sm);
        towns = new ArrayList<>();
        int dropped = 0;
        for (Towns.Town t : all) {
            if (!outlinePrep.contains(Geo.point(t.lon, t.lat))) {
                dropped++;
                continue;
            }
            towns.add(t);
        }
        for (Towns.Town t : towns) {
            if (t.region == null) {
                Towns.Town n = towns.stream().filter(o -> o.region != null)
                        .min(Comparator.comparingDouble(o -> Geo.approxM(t.lon, t.lat, o.lon, o.lat))).orElseThrow();
                t.region = n.region;
            }
        }
        stats.put("towns.merged", all.size());
        stats.put("towns.outside_outline_dropped", dropped);
    }

    RegionFact fact(String code) {
        return regionFacts.stream().filter(f -> f.code.equals(code)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- regions and districts

    private RegionSynthesizer regions;

    String regionOf(double lon, double lat) {
        return regions.regionOf(lon, lat);
    }

    String districtOf(String region, double lon, double lat) {
        return regions.districtOf(region, lon, lat);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    // ---------------------------------------------------------------- settlements

    private void buildSites() {
        new SiteSynthesizer(this).buildSites(rnd("sites"), rnd("cells"));
    }

    private void buildFiber() {
        new FiberSynthesizer(this).buildFiber(rnd("fiber"));
    }

    // accessors for the synthesizers
    double scale() {
        return scale;
    }

    List<Settlement> settlements() {
        return settlements;
    }

    List<Line> highways() {
        return highways;
    }

    List<Line> railways() {
        return railways;
    }

    List<Site> sites() {
        return sites;
    }

    List<Route> routes() {
        return routes;
    }

    List<Node> nodes() {
        return nodes;
    }

    Terrain terrain() {
        return terrain;
    }

    List<Towns.Town> towns() {
        return towns;
    }

    Geometry outline() {
        return outline;
    }

    PreparedGeometry outlinePrep() {
        return outlinePrep;
    }

    static String[] ops() {
        return OPS;
    }

    static double[] opShare() {
        return OP_SHARE;
    }

    static String opPrefix(String op) {
        return OP_PREFIX.get(op);
    }

    static LineString simplify(LineString ls, double tolDeg) {
        return (LineString) DouglasPeuckerSimplifier.simplify(ls, tolDeg);
    }

    // ---------------------------------------------------------------- output

    Map<String, Long> rowCounts() {
        return rowCounts;
    }
}
