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
    private static final double XSCALE = Math.cos(Math.toRadians(41));
    private static final String[] OPS = {"uzmobile", "beeline", "ucell", "mobiuz", "humans"};
    private static final double[] OP_SHARE = {0.30, 0.25, 0.25, 0.15, 0.05};
    private static final Map<String, String> OP_PREFIX = Map.of("uzmobile", "UZM", "beeline", "BEE", "ucell", "UCL",
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
    }

    private final long seed;
    private final double scale;
    private final Path facts;
    private final Path sources;
    private final Path out;
    final Map<String, Object> stats = new LinkedHashMap<>();
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();

    private List<RegionFact> regionFacts;
    private Geometry outline;
    private PreparedGeometry outlinePrep;
    private Geometry inner;
    private PreparedGeometry innerPrep;
    private List<Towns.Town> towns;
    private final Map<String, MultiPolygon> regionGeom = new TreeMap<>();
    private final Map<String, PreparedGeometry> regionPrep = new TreeMap<>();
    private final Map<String, List<String[]>> districtMeta = new TreeMap<>();
    private final Map<String, MultiPolygon> districtGeom = new TreeMap<>();
    private final Map<String, PreparedGeometry> districtPrep = new TreeMap<>();
    private final List<Settlement> settlements = new ArrayList<>();
    private final List<Line> highways = new ArrayList<>();
    private final List<Line> railways = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();

    public GeodataGenerator(long seed, double scale, Path facts, Path sources, Path out) {
        this.seed = seed;
        this.scale = scale;
        this.facts = facts;
        this.sources = sources;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long seed = 20251;
        double scale = 1;
        Path out = Path.of("geodata");
        Path facts = Path.of("geodata/facts");
        Path sources = Path.of("geodata/sources");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--facts" -> facts = Path.of(args[++i]);
                case "--sources" -> sources = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --seed N --scale X --out DIR [--facts DIR --sources DIR])");
            }
        }
        GeodataGenerator g = new GeodataGenerator(seed, scale, facts, sources, out);
        g.run();
        g.stats.forEach((k, v) -> System.out.println(k + " = " + v));
    }

    private SplittableRandom rnd(String stream) {
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
        buildRegions();
        buildDistricts();
        buildLines();
        buildSettlements();
        buildSites();
        buildFiber();
        writeAll();
    }

    // ---------------------------------------------------------------- facts, outline, towns

    private List<CSVRecord> readCsv(Path p) throws IOException {
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

    private RegionFact fact(String code) {
        return regionFacts.stream().filter(f -> f.code.equals(code)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- regions and districts

    private static MultiPolygon multi(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        for (Object o : PolygonExtracter.getPolygons(g)) {
            Polygon p = (Polygon) o;
            if (!p.isEmpty() && p.getArea() > 0) {
                polys.add(p);
            }
        }
        polys.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
        MultiPolygon mp = Geo.GF.createMultiPolygon(polys.toArray(new Polygon[0]));
        if (!mp.isValid()) {
            Geometry fixed = GeometryPrecisionReducer.reduce(mp.buffer(0), Geo.PM);
            return multi(fixed);
        }
        return mp;
    }

    /** Voronoi cells (in the isotropic plane) for the given sites, returned in lon/lat, in site order. */
    private static List<Geometry> voronoi(List<Coordinate> sitesLonLat) {
        List<Coordinate> scaled = new ArrayList<>();
        for (Coordinate c : sitesLonLat) {
            scaled.add(new Coordinate(c.x * XSCALE, c.y));
        }
        List<Geometry> cells = new ArrayList<>();
        if (scaled.size() == 1) {
            cells.add(Geo.GF.toGeometry(new Envelope(50, 80, 30, 50)));
            return cells;
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(scaled);
        vb.setClipEnvelope(new Envelope(50 * XSCALE, 80 * XSCALE, 30, 50));
        org.locationtech.jts.geom.GeometryFactory plain = new org.locationtech.jts.geom.GeometryFactory();
        GeometryCollection diagram = (GeometryCollection) vb.getDiagram(plain);
        Map<String, Geometry> bySite = new TreeMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Coordinate s = (Coordinate) cell.getUserData();
            bySite.put(s.x + "," + s.y, cell);
        }
        AffineTransformation back = AffineTransformation.scaleInstance(1 / XSCALE, 1);
        for (Coordinate s : scaled) {
            Geometry cell = bySite.get(s.x + "," + s.y);
            cells.add(back.transform(cell));
        }
        return cells;
    }

    private void buildRegions() {
        // unique sites: one per merged town (merged towns are > 1 km apart)
        List<Coordinate> pts = new ArrayList<>();
        for (Towns.Town t : towns) {
            pts.add(new Coordinate(t.lon, t.lat));
        }
        List<String> labels = new ArrayList<>();
        towns.forEach(t -> labels.add(t.region));
        // hand-placed anchors in uninhabited parts of large regions (desert, mountains), so that the Voronoi
        // partition does not hand them to the neighbour with the nearer town
        try {
            for (CSVRecord a : readCsv(facts.resolve("region_anchors.csv"))) {
                pts.add(new Coordinate(Double.parseDouble(a.get("lon")), Double.parseDouble(a.get("lat"))));
                labels.add(a.get("region_code"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Geometry> cells = voronoi(pts);
        Map<String, List<Geometry>> byRegion = new TreeMap<>();
        for (int i = 0; i < pts.size(); i++) {
            byRegion.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(cells.get(i));
        }
        Towns.Town tash = towns.stream().filter(t -> t.keys.contains("tashkent")).max(Comparator.comparingInt(t -> t.pop)).orElseThrow();
        // Tashkent city: a slightly irregular disk of ~10.3 km radius (~335 km2) around the city centre
        SplittableRandom r = rnd("tashkent-city");
        List<Coordinate> ring = new ArrayList<>();
        double p1 = r.nextDouble() * 6.283;
        double p2 = r.nextDouble() * 6.283;
        for (int i = 0; i < 96; i++) {
            double az = i * 360.0 / 96;
            double rad = Math.toRadians(az);
            double rr = 10_300 * (1 + 0.07 * Math.sin(2 * rad + p1) + 0.04 * Math.sin(5 * rad + p2));
            ring.add(Geo.round(Geo.destination(tash.lon, tash.lat, az, rr)));
        }
        ring.add(ring.get(0));
        Geometry tk = Geo.GF.createPolygon(ring.toArray(new Coordinate[0]));
        tk = OverlayNG.overlay(tk, outline, OverlayNG.INTERSECTION, Geo.PM);
        for (Map.Entry<String, List<Geometry>> e : byRegion.entrySet()) {
            Geometry u = OverlayNGRobust.union(e.getValue());
            Geometry g = OverlayNG.overlay(u, outline, OverlayNG.INTERSECTION, Geo.PM);
            g = OverlayNG.overlay(g, tk, OverlayNG.DIFFERENCE, Geo.PM);
            regionGeom.put(e.getKey(), multi(g));
        }
        regionGeom.put("UZ-TK", multi(tk));
        for (RegionFact f : regionFacts) {
            if (!regionGeom.containsKey(f.code)) {
                throw new IllegalStateException("no polygon for " + f.code);
            }
        }
        regionGeom.forEach((k, v) -> regionPrep.put(k, PreparedGeometryFactory.prepare(v)));
        // towns take the region whose polygon contains them (Tashkent city towns, clipping at the border)
        List<Towns.Town> kept = new ArrayList<>();
        int moved = 0;
        for (Towns.Town t : towns) {
            String found = regionOf(t.lon, t.lat);
            if (found == null) {
                continue;
            }
            if (!found.equals(t.region)) {
                moved++;
                t.region = found;
            }
            kept.add(t);
        }
        stats.put("towns.region_changed_by_polygon", moved);
        stats.put("towns.kept", kept.size());
        towns = kept;
    }

    String regionOf(double lon, double lat) {
        var p = Geo.point(lon, lat);
        for (Map.Entry<String, PreparedGeometry> e : regionPrep.entrySet()) {
            if (e.getValue().contains(p)) {
                return e.getKey();
            }
        }
        return null;
    }

    private void buildDistricts() {
        int total = 0;
        for (RegionFact f : regionFacts) {
            List<Towns.Town> cand = new ArrayList<>();
            for (Towns.Town t : towns) {
                if (t.region.equals(f.code) && (t.seat || t.pop >= 30_000)) {
                    cand.add(t);
                }
            }
            cand.sort(Comparator.comparingInt((Towns.Town t) -> -t.pop).thenComparing(t -> t.extId));
            List<Towns.Town> seeds = new ArrayList<>();
            for (Towns.Town t : cand) {
                if (seeds.stream().noneMatch(s -> Geo.distM(s.lon, s.lat, t.lon, t.lat) < 3_000)) {
                    seeds.add(t);
                }
            }
            if (f.code.equals("UZ-TK") || seeds.isEmpty()) {
                seeds = seeds.isEmpty() ? List.of(towns.stream().filter(t -> t.region.equals(f.code))
                        .max(Comparator.comparingInt(t -> t.pop)).orElseThrow()) : seeds.subList(0, 1);
            }
            MultiPolygon region = regionGeom.get(f.code);
            List<Coordinate> pts = new ArrayList<>();
            for (Towns.Town s : seeds) {
                pts.add(new Coordinate(s.lon, s.lat));
            }
            List<Geometry> cells = voronoi(pts);
            List<String[]> meta = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                Towns.Town s = seeds.get(i);
                String code = String.format(Locale.ROOT, "%s-%02d", f.code, i + 1);
                Geometry g = seeds.size() == 1 ? region : OverlayNG.overlay(cells.get(i), region, OverlayNG.INTERSECTION, Geo.PM);
                MultiPolygon mp = multi(g);
                if (mp.isEmpty()) {
                    continue;
                }
                boolean city = f.code.equals("UZ-TK");
                String uz = city ? "Toshkent shahri" : s.nameUz + " tumani";
                String cy = city ? "Тошкент шаҳри" : Names.toCyrillic(s.nameUz) + " тумани";
                String ru = city ? "город Ташкент" : "район " + Names.toRussian(s.nameUz);
                String en = city ? "Tashkent City" : s.nameEn + " District";
                meta.add(new String[] {code, f.code, uz, cy, ru, en});
                districtGeom.put(code, mp);
                districtPrep.put(code, PreparedGeometryFactory.prepare(mp));
                total++;
            }
            districtMeta.put(f.code, meta);
        }
        stats.put("districts", total);
    }

    String districtOf(String region, double lon, double lat) {
        var p = Geo.point(lon, lat);
        for (String[] m : districtMeta.get(region)) {
            if (districtPrep.get(m[0]).contains(p)) {
                return m[0];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- highways and railways

    private Coordinate resolve(String token) {
        token = token.trim();
        if (token.startsWith("@")) {
            String[] xy = token.substring(1).trim().split("\\s+");
            Coordinate c = new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
            if (!outlinePrep.contains(Geo.GF.createPoint(c))) {
                System.err.println("warning: waypoint outside outline, pulled inside: " + token);
            }
            return Geo.keepInside(c, inner, innerPrep);
        }
        String region = null;
        if (token.contains("|")) {
            region = token.substring(token.indexOf('|') + 1);
            token = token.substring(0, token.indexOf('|'));
        }
        String k = Names.key(token);
        String rf = region;
        Towns.Town t = towns.stream().filter(x -> x.keys.contains(k) && (rf == null || x.region.equals(rf)))
                .max(Comparator.comparingInt((Towns.Town x) -> x.pop).thenComparing(x -> x.extId))
                .orElseThrow(() -> new IllegalStateException("route town not found: " + rf + " " + k));
        return new Coordinate(t.lon, t.lat);
    }

    private void buildLines() throws IOException {
        SplittableRandom r = rnd("lines");
        // lines are kept ~1 km inside the outline so that 2 km chords between vertices stay in the country
        inner = GeometryPrecisionReducer.reduce(outline.buffer(-0.01), Geo.PM);
        innerPrep = PreparedGeometryFactory.prepare(inner);
        for (CSVRecord rec : readCsv(facts.resolve("highways.csv"))) {
            highways.add(line(rec.get("ref"), rec.get("road_class"), rec.get("name_uz_latn"), rec.get("name_ru"),
                    rec.get("name_en"), rec.get("route"), 1_800, 900, 30_000, r));
        }
        for (CSVRecord rec : readCsv(facts.resolve("railways.csv"))) {
            railways.add(line(rec.get("line_key"), rec.get("line_name"), rec.get("name_uz_latn"), rec.get("name_ru"),
                    null, rec.get("stations"), 1_800, 1_200, 15_000, r));
        }
        double intl = 0;
        double state = 0;
        double outside = 0;
        Geometry outlineTol = outline.buffer(1e-6);
        for (Line l : highways) {
            double len = Geo.lengthM(l.geom) / 1000;
            if (l.cls.equals("international")) {
                intl += len;
            } else {
                state += len;
            }
            Geometry diff = OverlayNGRobust.overlay(l.geom, outlineTol, OverlayNG.DIFFERENCE);
            outside += diff.isEmpty() ? 0 : Geo.lengthM(diff) / 1000;
            stats.put("highway." + l.key + ".km", round1(len));
        }
        stats.put("highways.international.km", round1(intl));
        stats.put("highways.state.km", round1(state));
        stats.put("highways.total.km", round1(intl + state));
        stats.put("highways.outside_outline.km", round1(outside));
        double rail = 0;
        for (Line l : railways) {
            double len = Geo.lengthM(l.geom) / 1000;
            rail += len;
            stats.put("railway." + l.key + ".km", round1(len));
        }
        stats.put("railways.total.km", round1(rail));
    }

    private Line line(String key, String cls, String uz, String ru, String en, String route, double step, double wiggle,
            double period, SplittableRandom r) {
        List<Coordinate> anchors = new ArrayList<>();
        for (String tok : route.split(";")) {
            anchors.add(resolve(tok));
        }
        LineString ls = Geo.densify(anchors, step, wiggle, period, r, inner, innerPrep);
        // anchor positions in the densified line (anchors are kept exactly)
        List<Integer> idx = new ArrayList<>();
        Coordinate[] cs = ls.getCoordinates();
        int from = 0;
        for (Coordinate a : anchors) {
            Coordinate ra = Geo.keepInside(a, inner, innerPrep);
            for (int i = from; i < cs.length; i++) {
                if (cs[i].equals2D(ra)) {
                    idx.add(i);
                    from = i;
                    break;
                }
            }
        }
        return new Line(key, cls, uz, ru, en, ls, idx);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    // ---------------------------------------------------------------- settlements

    private void buildSettlements() {
        SplittableRandom r = rnd("settlements");
        // real towns
        for (Towns.Town t : towns) {
            Settlement s = new Settlement();
            s.extId = t.extId;
            s.nameUz = t.nameUz;
            s.nameCyrl = Names.toCyrillic(t.nameUz);
            s.nameRu = Names.toRussian(t.nameUz);
            s.nameEn = t.nameEn;
            s.real = true;
            s.source = t.source;
            s.lon = Geo.round6(t.lon);
            s.lat = Geo.round6(t.lat);
            s.region = t.region;
            int pop = t.pop > 0 ? t.pop : t.seat ? 15_000 : 7_000;
            s.weight = pop;
            s.kind = pop >= 30_000 || t.capital ? "city" : pop >= 5_000 || t.seat ? "urban_settlement" : "village";
            settlements.add(s);
        }
        int realCount = settlements.size();
        int target = (int) Math.round(12_000 * scale);
        int synth = Math.max(0, target - realCount);
        // highway vertices per region, as anchors for roadside villages
        Map<String, List<Coordinate>> roadside = new TreeMap<>();
        for (Line l : highways) {
            for (Coordinate c : l.geom.getCoordinates()) {
                String reg = regionOf(c.x, c.y);
                if (reg != null) {
                    roadside.computeIfAbsent(reg, k -> new ArrayList<>()).add(c);
                }
            }
        }
        double ruralTotal = 0;
        Map<String, Double> rural = new TreeMap<>();
        for (RegionFact f : regionFacts) {
            if (f.code.equals("UZ-TK")) {
                continue;
            }
            double realPop = settlements.stream().filter(s -> s.region.equals(f.code)).mapToDouble(s -> s.weight).sum();
            double rp = Math.max(f.pop * 0.3, f.pop - realPop);
            rural.put(f.code, rp);
            ruralTotal += rp;
        }
        Map<String, Integer> synthPerRegion = new TreeMap<>();
        int assigned = 0;
        List<String> codes = new ArrayList<>(rural.keySet());
        for (String c : codes) {
            int n = (int) Math.floor(synth * rural.get(c) / ruralTotal);
            synthPerRegion.put(c, n);
            assigned += n;
        }
        for (int i = 0; assigned < synth; i = (i + 1) % codes.size(), assigned++) {
            synthPerRegion.merge(codes.get(i), 1, Integer::sum);
        }
        List<Towns.Town> allTowns = towns;
        for (String code : codes) {
            List<Towns.Town> rt = allTowns.stream().filter(t -> t.region.equals(code)).toList();
            double[] cum = new double[rt.size()];
            double acc = 0;
            for (int i = 0; i < rt.size(); i++) {
                acc += Math.sqrt(Math.max(3_000, rt.get(i).pop));
                cum[i] = acc;
            }
            List<Coordinate> road = roadside.getOrDefault(code, List.of());
            PreparedGeometry reg = regionPrep.get(code);
            int n = synthPerRegion.get(code);
            String rc = code.substring(3);
            for (int i = 0; i < n; i++) {
                Coordinate c = null;
                for (int attempt = 0; attempt < 500 && c == null; attempt++) {
                    Coordinate cand;
                    if (!road.isEmpty() && r.nextDouble() < 0.22) {
                        Coordinate v = road.get(r.nextInt(road.size()));
                        cand = Geo.destination(v.x, v.y, r.nextDouble() * 360, 300 + r.nextDouble() * 11_500);
                    } else {
                        double u = r.nextDouble() * acc;
                        int k = Arrays.binarySearch(cum, u);
                        k = k < 0 ? -k - 1 : k;
                        Towns.Town t = rt.get(Math.min(k, rt.size() - 1));
                        double d = Math.min(37_500, 1_200 + -Math.log(1 - r.nextDouble()) * 8_000);
                        cand = Geo.destination(t.lon, t.lat, r.nextDouble() * 360, d);
                    }
                    cand = Geo.round(cand);
                    if (reg.contains(Geo.GF.createPoint(cand))) {
                        c = cand;
                    }
                }
                if (c == null) {
                    throw new IllegalStateException("could not place a settlement in " + code);
                }
                Settlement s = new Settlement();
                s.extId = String.format(Locale.ROOT, "syn:%s:%06d", rc, i + 1);
                s.nameUz = Names.syntheticName(r);
                s.nameCyrl = Names.toCyrillic(s.nameUz);
                s.nameRu = Names.toRussian(s.nameUz);
                s.nameEn = s.nameUz.replace("\u02BB", "").replace("\u02BC", "");
                s.real = false;
                s.source = "synthetic";
                s.lon = c.x;
                s.lat = c.y;
                s.region = code;
                double z = r.nextDouble() < 0.07 ? 8.7 : 7.2;
                s.weight = Math.exp(z + 0.8 * gaussian(r));
                settlements.add(s);
            }
        }
        // populations: exact per region, largest-remainder rounding
        for (RegionFact f : regionFacts) {
            List<Settlement> in = settlements.stream().filter(s -> s.region.equals(f.code)).toList();
            double realW = in.stream().filter(s -> s.real).mapToDouble(s -> s.weight).sum();
            double synthW = in.stream().filter(s -> !s.real).mapToDouble(s -> s.weight).sum();
            boolean anySynth = synthW > 0;
            double realTarget = anySynth ? Math.min(realW, 0.7 * f.pop) : f.pop;
            double synthTarget = f.pop - realTarget;
            double[] want = new double[in.size()];
            for (int i = 0; i < in.size(); i++) {
                Settlement s = in.get(i);
                want[i] = s.real ? s.weight / realW * realTarget : s.weight / synthW * synthTarget;
            }
            long[] got = largestRemainder(want, f.pop);
            for (int i = 0; i < in.size(); i++) {
                Settlement s = in.get(i);
                s.pop = got[i];
                if (!s.real) {
                    s.kind = s.pop >= 7_000 ? "urban_settlement" : "village";
                }
                s.radiusM = s.real ? 600 + 600 * Math.sqrt(s.pop / 10_000.0) : 300 + 400 * Math.sqrt(s.pop / 5_000.0);
                if (f.code.equals("UZ-TK")) {
                    s.radiusM = Math.min(s.radiusM, 9_000);
                }
            }
        }
        // district of every settlement: the polygon that contains its point
        for (Settlement s : settlements) {
            s.district = districtOf(s.region, s.lon, s.lat);
            if (s.district == null) {
                throw new IllegalStateException("no district for " + s.extId);
            }
        }
        PointGrid realGrid = new PointGrid(0.25);
        for (Settlement s : settlements) {
            if (s.real) {
                realGrid.add(s.lon, s.lat, 0);
            }
        }
        for (Settlement s : settlements) {
            double[] n = realGrid.nearest(s.lon, s.lat, 400_000);
            s.distRealM = n == null ? 1e9 : n[3];
        }
        stats.put("settlements.real", realCount);
        stats.put("settlements.synthetic", settlements.size() - realCount);
    }

    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static long[] largestRemainder(double[] want, long total) {
        double sum = Arrays.stream(want).sum();
        long[] got = new long[want.length];
        double[] rem = new double[want.length];
        long acc = 0;
        for (int i = 0; i < want.length; i++) {
            double w = want[i] / sum * total;
            got[i] = (long) Math.floor(w);
            rem[i] = w - got[i];
            acc += got[i];
        }
        Integer[] order = new Integer[want.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Double.compare(rem[b], rem[a]) : Integer.compare(a, b));
        for (int i = 0; acc < total; i++, acc++) {
            got[order[i % order.length]]++;
        }
        return got;
    }

    // ---------------------------------------------------------------- sites and cells (see Network.java)

    private void buildSites() {
        new Network(this).buildSites(rnd("sites"), rnd("cells"));
    }

    private void buildFiber() {
        new Network(this).buildFiber(rnd("fiber"));
    }

    // accessors for Network
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

    private void writeAll() throws IOException {
        Files.copy(facts.resolve("operators.csv"), out.resolve("operators.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(facts.resolve("targets.csv"), out.resolve("targets.csv"), StandardCopyOption.REPLACE_EXISTING);
        rowCounts.put("operators.csv", (long) readCsv(out.resolve("operators.csv")).size());
        rowCounts.put("targets.csv", (long) readCsv(out.resolve("targets.csv")).size());

        try (CsvGz w = new CsvGz(out.resolve("regions.csv.gz"), "code", "name_uz_latn", "name_uz_cyrl", "name_ru",
                "name_en", "population", "approximate", "source", "wkt")) {
            for (RegionFact f : regionFacts) {
                w.row(f.code, f.uzLatn, f.uzCyrl, f.ru, f.en, f.pop, true,
                        "derived: Voronoi of GeoNames/SimpleMaps towns, clipped to Natural Earth 10m; population: Statistics Agency 2025-01-01 (approx.)",
                        Wkt.of(regionGeom.get(f.code)));
            }
            rowCounts.put("regions.csv.gz", w.rows());
        }
        Map<String, Long> distPop = new TreeMap<>();
        for (Settlement s : settlements) {
            distPop.merge(s.district, s.pop, Long::sum);
        }
        try (CsvGz w = new CsvGz(out.resolve("districts.csv.gz"), "code", "region_code", "name_uz_latn",
                "name_uz_cyrl", "name_ru", "name_en", "population", "approximate", "source", "wkt")) {
            for (RegionFact f : regionFacts) {
                for (String[] m : districtMeta.get(f.code)) {
                    w.row(m[0], m[1], m[2], m[3], m[4], m[5], distPop.getOrDefault(m[0], 0L), true,
                            "synthetic: Voronoi of real district-seat towns clipped to the region", Wkt.of(districtGeom.get(m[0])));
                }
            }
            rowCounts.put("districts.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(out.resolve("settlements.csv.gz"), "external_id", "name_uz_latn", "name_uz_cyrl",
                "name_ru", "name_en", "kind", "population", "households", "region_code", "district_code", "source",
                "lon", "lat")) {
            for (Settlement s : settlements) {
                double hh = fact(s.region).hh;
                w.row(s.extId, s.nameUz, s.nameCyrl, s.nameRu, s.nameEn, s.kind, s.pop, Math.round(s.pop / hh),
                        s.region, s.district, s.source, s.lon, s.lat);
            }
            rowCounts.put("settlements.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(out.resolve("highways.csv.gz"), "ref", "road_class", "name_uz_latn", "name_ru",
                "name_en", "source", "wkt")) {
            for (Line l : highways) {
                w.row(l.key, l.cls, l.nameUz, l.nameRu, l.nameEn,
                        "approximate: densified through GeoNames/SimpleMaps towns in route order (facts/highways.csv)", Wkt.of(l.geom));
            }
            rowCounts.put("highways.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(out.resolve("railways.csv.gz"), "line_key", "line_name", "name_uz_latn", "name_ru",
                "source", "wkt")) {
            for (Line l : railways) {
                w.row(l.key, l.cls, l.nameUz, l.nameRu,
                        "approximate: densified through station towns in order (facts/railways.csv)", Wkt.of(l.geom));
            }
            rowCounts.put("railways.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(out.resolve("base_stations.csv.gz"), "operator_code", "external_id", "lon", "lat",
                "tower_height_m", "status", "commissioned_on", "decommissioned_on", "source")) {
            for (Site s : sites) {
                w.row(s.op, s.extId, s.lon, s.lat, s.tower, status(s.comm, s.decomm), s.comm, s.decomm, "synthetic");
            }
            rowCounts.put("base_stations.csv.gz", w.rows());
        }
        rowCounts.put("cells.csv.gz", new Network(this).writeCells(out.resolve("cells.csv.gz"), rnd("cells")));
        try (CsvGz w = new CsvGz(out.resolve("fiber_routes.csv.gz"), "operator_code", "external_id", "route_kind",
                "status", "commissioned_on", "decommissioned_on", "capacity_gbps", "source", "wkt")) {
            for (Route r : routes) {
                w.row(r.op, r.extId, r.kind, status(r.comm, r.decomm), r.comm, r.decomm, r.cap, "synthetic", Wkt.of(r.geom));
            }
            rowCounts.put("fiber_routes.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(out.resolve("fiber_nodes.csv.gz"), "operator_code", "external_id", "kind",
                "broadband_ports", "status", "commissioned_on", "decommissioned_on", "source", "lon", "lat")) {
            for (Node n : nodes) {
                w.row(n.op, n.extId, n.kind, n.ports, status(n.comm, null), n.comm, null, "synthetic", n.lon, n.lat);
            }
            rowCounts.put("fiber_nodes.csv.gz", w.rows());
        }
        writeManifest();
    }

    static String status(LocalDate comm, LocalDate decomm) {
        if (decomm != null && !decomm.isAfter(SNAPSHOT)) {
            return "decommissioned";
        }
        return comm.isAfter(SNAPSHOT) ? "planned" : "active";
    }

    private void writeManifest() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"generator\": \"uz.qamrov.geodata.generator.GeodataGenerator\",\n");
        sb.append("  \"version\": \"").append(VERSION).append("\",\n");
        sb.append("  \"seed\": ").append(seed).append(",\n");
        sb.append("  \"scale\": ").append(CsvGz.num(scale)).append(",\n");
        sb.append("  \"snapshot_date\": \"").append(SNAPSHOT).append("\",\n");
        sb.append("  \"files\": {\n");
        int i = 0;
        for (Map.Entry<String, Long> e : rowCounts.entrySet()) {
            sb.append("    \"").append(e.getKey()).append("\": {\"rows\": ").append(e.getValue())
                    .append(", \"sha256\": \"").append(sha256(out.resolve(e.getKey()))).append("\"}");
            sb.append(++i < rowCounts.size() ? ",\n" : "\n");
        }
        sb.append("  },\n  \"stats\": {\n");
        i = 0;
        for (Map.Entry<String, Object> e : stats.entrySet()) {
            Object v = e.getValue();
            String val = v instanceof Double d ? CsvGz.num(d) : v instanceof Number ? v.toString() : "\"" + v + "\"";
            sb.append("    \"").append(e.getKey()).append("\": ").append(val);
            sb.append(++i < stats.size() ? ",\n" : "\n");
        }
        sb.append("  }\n}\n");
        Files.writeString(out.resolve("manifest.json"), sb.toString(), StandardCharsets.UTF_8);
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream gunzip(Path p) throws IOException {
        return new GZIPInputStream(Files.newInputStream(p));
    }

    Map<String, Long> rowCounts() {
        return rowCounts;
    }
}
