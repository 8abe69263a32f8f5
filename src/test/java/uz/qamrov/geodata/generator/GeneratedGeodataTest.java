package uz.qamrov.geodata.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Invariants of the committed national dataset in {@code geodata/} (Surefire runs from the repository root),
 * checked with computations independent of the generator, plus a determinism check of the generator itself.
 */
class GeneratedGeodataTest {
    static final Path DIR = Path.of("geodata");
    static final Geodesic G = Geodesic.WGS84;
    static final GeometryFactory GF = new GeometryFactory();
    static final LocalDate D23 = LocalDate.of(2023, 12, 31);
    static final LocalDate D24 = LocalDate.of(2024, 12, 31);
    static final LocalDate D25 = LocalDate.of(2025, 7, 1);
    static final Set<String> CODES = Set.of("UZ-AN", "UZ-BU", "UZ-FA", "UZ-JI", "UZ-NG", "UZ-NW", "UZ-QA", "UZ-QR",
            "UZ-SA", "UZ-SI", "UZ-SU", "UZ-TK", "UZ-TO", "UZ-XO");

    static Map<String, MultiPolygon> regions = new TreeMap<>();
    static Map<String, MultiPolygon> districts = new TreeMap<>();
    static Map<String, String> districtRegion = new HashMap<>();
    static List<CSVRecord> settlements;
    static List<LineString> highwayLines = new ArrayList<>();

    static List<CSVRecord> read(String name, String... header) throws IOException {
        Path p = DIR.resolve(name);
        InputStream in = Files.newInputStream(p);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(List.of(header), parser.getHeaderNames(), name + " header");
            List<CSVRecord> rows = parser.getRecords();
            for (CSVRecord rec : rows) {
                assertEquals(header.length, rec.size(), name + " row " + rec.getRecordNumber());
            }
            return rows;
        }
    }

    static Geometry wkt(String s) {
        try {
            Geometry g = new WKTReader(GF).read(s);
            assertTrue(g.isValid(), "invalid geometry " + s.substring(0, Math.min(80, s.length())));
            assertInRange(g.getEnvelopeInternal());
            return g;
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        }
    }

    static void assertInRange(Envelope e) {
        assertTrue(e.getMinX() >= 55 && e.getMaxX() <= 74 && e.getMinY() >= 36 && e.getMaxY() <= 47, "out of range " + e);
    }

    static double geodesicM(Geometry line) {
        Coordinate[] c = line.getCoordinates();
        double s = 0;
        for (int i = 1; i < c.length; i++) {
            s += G.Inverse(c[i - 1].y, c[i - 1].x, c[i].y, c[i].x, GeodesicMask.DISTANCE).s12;
        }
        return s;
    }

    static double areaKm2(Geometry mp) {
        double a = 0;
        for (int i = 0; i < mp.getNumGeometries(); i++) {
            Polygon p = (Polygon) mp.getGeometryN(i);
            a += Math.abs(ringArea(p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                a -= Math.abs(ringArea(p.getInteriorRingN(h).getCoordinates()));
            }
        }
        return a / 1e6;
    }

    static double ringArea(Coordinate[] cs) {
        PolygonArea pa = new PolygonArea(G, false);
        for (int i = 0; i < cs.length - 1; i++) {
            pa.AddPoint(cs[i].y, cs[i].x);
        }
        return pa.Compute(false, true).area;
    }

    static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    static boolean activeOn(CSVRecord r, LocalDate d) {
        LocalDate c = date(r.get("commissioned_on"));
        LocalDate x = date(r.get("decommissioned_on"));
        return c != null && !c.isAfter(d) && (x == null || x.isAfter(d));
    }

    @BeforeAll
    static void load() throws IOException {
        for (CSVRecord r : read("regions.csv.gz", "code", "name_uz_latn", "name_uz_cyrl", "name_ru", "name_en",
                "population", "approximate", "source", "wkt")) {
            Geometry g = wkt(r.get("wkt"));
            assertTrue(g instanceof MultiPolygon, r.get("code"));
            regions.put(r.get("code"), (MultiPolygon) g);
        }
        for (CSVRecord r : read("districts.csv.gz", "code", "region_code", "name_uz_latn", "name_uz_cyrl", "name_ru",
                "name_en", "population", "approximate", "source", "wkt")) {
            Geometry g = wkt(r.get("wkt"));
            assertTrue(g instanceof MultiPolygon, r.get("code"));
            districts.put(r.get("code"), (MultiPolygon) g);
            districtRegion.put(r.get("code"), r.get("region_code"));
        }
        settlements = read("settlements.csv.gz", "external_id", "name_uz_latn", "name_uz_cyrl", "name_ru", "name_en",
                "kind", "population", "households", "region_code", "district_code", "source", "lon", "lat");
        for (CSVRecord r : read("highways.csv.gz", "ref", "road_class", "name_uz_latn", "name_ru", "name_en", "source", "wkt")) {
            highwayLines.add((LineString) wkt(r.get("wkt")));
        }
    }

    @Test
    void regionsAreTheFourteenAndTileTheCountry() throws Exception {
        assertEquals(CODES, regions.keySet());
        List<String> codes = new ArrayList<>(regions.keySet());
        double overlap = 0;
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                MultiPolygon a = regions.get(codes.get(i));
                MultiPolygon b = regions.get(codes.get(j));
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    overlap += a.intersection(b).getArea();
                }
            }
        }
        Geometry union = UnaryUnionOp.union(new ArrayList<Geometry>(regions.values()));
        Geometry outline = new WKTReader(GF).read(Files.readString(DIR.resolve("sources/country-ne10m.wkt")).trim());
        double ua = areaKm2(union);
        double oa = areaKm2(outline);
        assertTrue(overlap < 1e-6, "regions overlap: " + overlap + " deg2");
        assertTrue(Math.abs(ua - oa) / oa < 0.01, "union " + ua + " km2 vs outline " + oa);
        double tk = areaKm2(regions.get("UZ-TK"));
        assertTrue(tk > 200 && tk < 600, "Tashkent city area " + tk);
        assertTrue(regions.get("UZ-TO").intersection(regions.get("UZ-TK")).getArea() < 1e-9);
    }

    @Test
    void districtsTileTheirRegion() {
        assertTrue(districts.size() >= 150 && districts.size() <= 220, "districts " + districts.size());
        Map<String, List<String>> byRegion = new TreeMap<>();
        districtRegion.forEach((d, r) -> byRegion.computeIfAbsent(r, k -> new ArrayList<>()).add(d));
        assertEquals(CODES, byRegion.keySet());
        for (Map.Entry<String, List<String>> e : byRegion.entrySet()) {
            double sum = 0;
            double overlap = 0;
            List<String> ds = e.getValue();
            for (int i = 0; i < ds.size(); i++) {
                MultiPolygon a = districts.get(ds.get(i));
                sum += a.getArea();
                for (int j = i + 1; j < ds.size(); j++) {
                    MultiPolygon b = districts.get(ds.get(j));
                    if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                        overlap += a.intersection(b).getArea();
                    }
                }
            }
            double ra = regions.get(e.getKey()).getArea();
            assertTrue(overlap < 1e-7, e.getKey() + " district overlap " + overlap);
            assertTrue(Math.abs(sum - ra) / ra < 1e-4, e.getKey() + " districts " + sum + " vs region " + ra);
        }
    }

    @Test
    void settlementsAreInsideTheirPolygonsAndSumToTheFacts() throws IOException {
        assertTrue(settlements.size() >= 11_000 && settlements.size() <= 13_000, "settlements " + settlements.size());
        Map<String, PreparedGeometry> rp = new HashMap<>();
        regions.forEach((k, v) -> rp.put(k, PreparedGeometryFactory.prepare(v)));
        Map<String, PreparedGeometry> dp = new HashMap<>();
        districts.forEach((k, v) -> dp.put(k, PreparedGeometryFactory.prepare(v)));
        Map<String, Long> popByRegion = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        for (CSVRecord s : settlements) {
            assertTrue(ids.add(s.get("external_id")), "duplicate " + s.get("external_id"));
            Point p = GF.createPoint(new Coordinate(Double.parseDouble(s.get("lon")), Double.parseDouble(s.get("lat"))));
            assertInRange(p.getEnvelopeInternal());
            String reg = s.get("region_code");
            String dis = s.get("district_code");
            assertTrue(rp.get(reg).covers(p), s.get("external_id") + " not in " + reg);
            assertTrue(dp.get(dis).covers(p), s.get("external_id") + " not in " + dis);
            assertEquals(reg, districtRegion.get(dis));
            assertTrue(Set.of("city", "urban_settlement", "village").contains(s.get("kind")));
            boolean synth = s.get("source").equals("synthetic");
            assertEquals(synth, s.get("external_id").startsWith("syn:"), s.get("external_id"));
            assertTrue(synth || Set.of("geonames", "simplemaps", "geonames+simplemaps").contains(s.get("source")));
            long pop = Long.parseLong(s.get("population"));
            long hh = Long.parseLong(s.get("households"));
            assertTrue(pop == 0 || (hh >= pop / 5.6 && hh <= pop / 4.4 + 1), "households " + s.get("external_id"));
            popByRegion.merge(reg, pop, Long::sum);
        }
        Map<String, Long> facts = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(DIR.resolve("facts/regions.csv"));
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : parser) {
                facts.put(rec.get("code"), Long.parseLong(rec.get("population_2025_01_01")));
            }
        }
        assertEquals(facts, popByRegion);
        long total = facts.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(total > 37_000_000 && total < 38_000_000, "national population " + total);
    }

    @Test
    void syntheticSettlementsAreNearARealTownOrAHighway() {
        List<double[]> real = new ArrayList<>();
        for (CSVRecord s : settlements) {
            if (!s.get("source").equals("synthetic")) {
                real.add(new double[] {Double.parseDouble(s.get("lon")), Double.parseDouble(s.get("lat"))});
            }
        }
        STRtree roads = new STRtree();
        for (LineString l : highwayLines) {
            Coordinate[] c = l.getCoordinates();
            for (int i = 1; i < c.length; i++) {
                LineString seg = GF.createLineString(new Coordinate[] {c[i - 1], c[i]});
                roads.insert(seg.getEnvelopeInternal(), seg);
            }
        }
        int bad = 0;
        for (CSVRecord s : settlements) {
            if (!s.get("source").equals("synthetic")) {
                continue;
            }
            double lon = Double.parseDouble(s.get("lon"));
            double lat = Double.parseDouble(s.get("lat"));
            boolean ok = false;
            for (double[] t : real) {
                if (Math.abs(t[0] - lon) < 0.6 && Math.abs(t[1] - lat) < 0.4
                        && G.Inverse(lat, lon, t[1], t[0], GeodesicMask.DISTANCE).s12 <= 40_000) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                Point p = GF.createPoint(new Coordinate(lon, lat));
                for (Object o : roads.query(new Envelope(lon - 0.25, lon + 0.25, lat - 0.2, lat + 0.2))) {
                    Coordinate near = DistanceOp.nearestPoints((Geometry) o, p)[0];
                    if (G.Inverse(lat, lon, near.y, near.x, GeodesicMask.DISTANCE).s12 <= 15_000) {
                        ok = true;
                        break;
                    }
                }
            }
            if (!ok) {
                bad++;
            }
        }
        assertEquals(0, bad, "synthetic settlements far from towns and highways");
    }

    @Test
    void siteCountsMatchTheNationalFigures() throws IOException {
        Set<String> ops = new HashSet<>();
        for (CSVRecord r : read("operators.csv", "code", "name", "legal_name", "mcc_mnc", "mobile", "fixed")) {
            ops.add(r.get("code"));
        }
        List<CSVRecord> sites = read("base_stations.csv.gz", "operator_code", "external_id", "lon", "lat",
                "tower_height_m", "status", "commissioned_on", "decommissioned_on", "source");
        Set<String> keys = new HashSet<>();
        long planned = 0;
        for (CSVRecord s : sites) {
            assertTrue(ops.contains(s.get("operator_code")));
            assertTrue(keys.add(s.get("operator_code") + "/" + s.get("external_id")));
            assertTrue(Set.of("active", "planned", "decommissioned").contains(s.get("status")));
            assertEquals("synthetic", s.get("source"));
            assertInRange(new Envelope(new Coordinate(Double.parseDouble(s.get("lon")), Double.parseDouble(s.get("lat")))));
            if (s.get("status").equals("planned")) {
                planned++;
                assertTrue(date(s.get("commissioned_on")).getYear() >= 2026);
            }
        }
        assertTrue(planned >= 100, "planned sites " + planned);
        long c23 = sites.stream().filter(s -> activeOn(s, D23)).count();
        long c24 = sites.stream().filter(s -> activeOn(s, D24)).count();
        long c25 = sites.stream().filter(s -> activeOn(s, D25)).count();
        assertTrue(Math.abs(c23 - 60_600) <= 60_600 * 0.015, "sites 2023: " + c23);
        assertTrue(Math.abs(c24 - 77_300) <= 77_300 * 0.015, "sites 2024: " + c24);
        assertTrue(c25 >= 87_000, "sites mid-2025: " + c25);
        assertTrue(sites.stream().map(s -> date(s.get("commissioned_on"))).anyMatch(d -> d.getYear() <= 2006));
        List<CSVRecord> cells = read("cells.csv.gz", "operator_code", "site_external_id", "external_id", "technology",
                "band_mhz", "azimuth_deg", "beamwidth_deg", "tilt_deg", "antenna_height_m", "eirp_dbm", "range_m");
        assertTrue(cells.size() > 200_000 && cells.size() < 320_000, "cells " + cells.size());
        Map<String, Set<Integer>> bands = Map.of("2G", Set.of(900, 1800), "3G", Set.of(2100), "4G", Set.of(800, 1800, 2600),
                "5G", Set.of(3500));
        long withRange = 0;
        for (CSVRecord c : cells) {
            assertTrue(keys.contains(c.get("operator_code") + "/" + c.get("site_external_id")), c.get("external_id"));
            assertTrue(bands.get(c.get("technology")).contains(Integer.parseInt(c.get("band_mhz"))));
            double h = Double.parseDouble(c.get("antenna_height_m"));
            assertTrue(h >= 20 && h <= 60);
            double eirp = Double.parseDouble(c.get("eirp_dbm"));
            assertTrue(eirp >= 55 && eirp <= 65);
            if (!c.get("range_m").isEmpty()) {
                withRange++;
                double r = Double.parseDouble(c.get("range_m"));
                assertTrue(r >= 1_000 && r <= 30_000);
            }
            if (c.get("azimuth_deg").isEmpty()) {
                assertEquals(360, Double.parseDouble(c.get("beamwidth_deg")));
            }
        }
        assertTrue(withRange > cells.size() * 0.03 && withRange < cells.size() * 0.07, "cells with range " + withRange);
    }

    @Test
    void fiberLengthsMatchTheNationalFigures() throws IOException {
        List<CSVRecord> routes = read("fiber_routes.csv.gz", "operator_code", "external_id", "route_kind", "status",
                "commissioned_on", "decommissioned_on", "capacity_gbps", "source", "wkt");
        double k23 = 0;
        double k24 = 0;
        double k25 = 0;
        for (CSVRecord r : routes) {
            assertTrue(Set.of("backbone", "regional", "distribution").contains(r.get("route_kind")));
            Geometry g = wkt(r.get("wkt"));
            double km = geodesicM(g) / 1000;
            k23 += activeOn(r, D23) ? km : 0;
            k24 += activeOn(r, D24) ? km : 0;
            k25 += activeOn(r, D25) ? km : 0;
        }
        assertTrue(Math.abs(k23 - 236_000) <= 236_000 * 0.02, "fiber 2023: " + k23);
        assertTrue(Math.abs(k24 - 293_100) <= 293_100 * 0.02, "fiber 2024: " + k24);
        assertTrue(k25 >= 313_000, "fiber mid-2025: " + k25);
        List<CSVRecord> nodes = read("fiber_nodes.csv.gz", "operator_code", "external_id", "kind", "broadband_ports",
                "status", "commissioned_on", "decommissioned_on", "source", "lon", "lat");
        for (CSVRecord n : nodes) {
            assertTrue(Set.of("exchange", "olt", "cabinet", "splice").contains(n.get("kind")));
            assertInRange(new Envelope(new Coordinate(Double.parseDouble(n.get("lon")), Double.parseDouble(n.get("lat")))));
        }
        long ports25 = nodes.stream().filter(n -> activeOn(n, D25)).mapToLong(n -> Long.parseLong(n.get("broadband_ports"))).sum();
        long ports23 = nodes.stream().filter(n -> activeOn(n, D23)).mapToLong(n -> Long.parseLong(n.get("broadband_ports"))).sum();
        assertTrue(ports25 > 4_500_000 && ports25 < 5_500_000, "ports " + ports25);
        assertTrue(ports23 < ports25);
    }

    @Test
    void railwaysAndTargets() throws IOException {
        Map<String, Double> km = new TreeMap<>();
        for (CSVRecord r : read("railways.csv.gz", "line_key", "line_name", "name_uz_latn", "name_ru", "source", "wkt")) {
            km.put(r.get("line_key"), geodesicM(wkt(r.get("wkt"))) / 1000);
        }
        Double tsb = km.get("tashkent_samarkand_bukhara");
        assertNotNull(tsb);
        // the roadmap's denominators (item I.7), measured here with GeographicLib, independently of the generator
        assertEquals(605, tsb, 605 * 0.01, "Tashkent–Samarkand–Bukhara " + tsb + " km");
        double hw = highwayLines.stream().mapToDouble(GeneratedGeodataTest::geodesicM).sum() / 1000;
        assertEquals(5_108, hw, 5_108 * 0.01, "international + state highways " + hw + " km");
        List<CSVRecord> targets = read("targets.csv", "indicator_key", "scope", "kind", "target_value", "unit", "direction",
                "deadline", "title", "title_uz", "title_ru", "wording_uz", "source_document", "source_item",
                "subject_lines", "notes");
        assertEquals(11, targets.size());
        for (CSVRecord t : targets) {
            assertEquals("UZ", t.get("scope"));
            assertTrue(Set.of("%", "count", "km").contains(t.get("unit")));
            assertTrue(Set.of("at_least", "at_most").contains(t.get("direction")));
            // the roadmap's deadlines: sub-steps by 30 Apr 2023, results during 2023, item 4.3 by 30 Dec 2023
            assertEquals(2023, LocalDate.parse(t.get("deadline")).getYear(), t.get("indicator_key"));
            assertTrue(t.get("source_document").contains("Yoʻl xaritasi"), t.get("source_document"));
            assertTrue(t.get("source_item").startsWith("I."), t.get("source_item"));
            assertFalse(t.get("title_uz").isBlank() || t.get("title_ru").isBlank() || t.get("wording_uz").isBlank());
            assertFalse(t.get("notes").contains("assumed") || t.get("source_document").contains("brief"));
            if (t.get("kind").equals("target")) {
                Double.parseDouble(t.get("target_value"));
            } else {
                assertEquals("gap_list", t.get("kind"));
                assertTrue(t.get("target_value").isEmpty());
            }
        }
    }

    @Test
    void generatorIsDeterministic(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new GeodataGenerator(7, 0.05, DIR.resolve("facts"), DIR.resolve("sources"), a).run();
        new GeodataGenerator(7, 0.05, DIR.resolve("facts"), DIR.resolve("sources"), b).run();
        List<String> files;
        try (var s = Files.list(a)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.contains("manifest.json") && files.contains("settlements.csv.gz"));
        for (String f : files) {
            assertEquals(sha(a.resolve(f)), sha(b.resolve(f)), f);
        }
        assertFalse(Files.readString(a.resolve("manifest.json")).isEmpty());
    }

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

}
