package uz.qamrov.geodata.generator;

import uz.qamrov.geodata.generator.GeodataGenerator.Line;
import uz.qamrov.geodata.generator.GeodataGenerator.Settlement;
import uz.qamrov.geodata.generator.GeodataGenerator.RegionFact;
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

/** Approximate regions (Voronoi of real towns, clipped to the outline) and synthetic districts. */
final class RegionSynthesizer {
    private final GeodataGenerator g;

    RegionSynthesizer(GeodataGenerator g) {
        this.g = g;
    }

    static MultiPolygon multi(Geometry g) {
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

    /** Voronoi cells (in the isotropic plane) for the given g.sites, returned in lon/lat, in site order. */
    static List<Geometry> voronoi(List<Coordinate> sitesLonLat) {
        List<Coordinate> scaled = new ArrayList<>();
        for (Coordinate c : sitesLonLat) {
            scaled.add(new Coordinate(c.x * GeodataGenerator.XSCALE, c.y));
        }
        List<Geometry> cells = new ArrayList<>();
        if (scaled.size() == 1) {
            cells.add(Geo.GF.toGeometry(new Envelope(50, 80, 30, 50)));
            return cells;
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(scaled);
        vb.setClipEnvelope(new Envelope(50 * GeodataGenerator.XSCALE, 80 * GeodataGenerator.XSCALE, 30, 50));
        org.locationtech.jts.geom.GeometryFactory plain = new org.locationtech.jts.geom.GeometryFactory();
        GeometryCollection diagram = (GeometryCollection) vb.getDiagram(plain);
        Map<String, Geometry> bySite = new TreeMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Coordinate s = (Coordinate) cell.getUserData();
            bySite.put(s.x + "," + s.y, cell);
        }
        AffineTransformation back = AffineTransformation.scaleInstance(1 / GeodataGenerator.XSCALE, 1);
        for (Coordinate s : scaled) {
            Geometry cell = bySite.get(s.x + "," + s.y);
            cells.add(back.transform(cell));
        }
        return cells;
    }

    void buildRegions() {
        // unique g.sites: one per merged town (merged g.towns are > 1 km apart)
        List<Coordinate> pts = new ArrayList<>();
        for (Towns.Town t : g.towns) {
            pts.add(new Coordinate(t.lon, t.lat));
        }
        List<String> labels = new ArrayList<>();
        g.towns.forEach(t -> labels.add(t.region));
        // hand-placed anchors in uninhabited parts of large regions (desert, mountains), so that the Voronoi
        // partition does not hand them to the neighbour with the nearer town
        try {
            for (CSVRecord a : g.readCsv(g.facts.resolve("region_anchors.csv"))) {
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
        Towns.Town tash = g.towns.stream().filter(t -> t.keys.contains("tashkent")).max(Comparator.comparingInt(t -> t.pop)).orElseThrow();
        // Tashkent city: a slightly irregular disk of ~10.3 km radius (~335 km2) around the city centre
        SplittableRandom r = g.rnd("tashkent-city");
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
        tk = OverlayNG.overlay(tk, g.outline, OverlayNG.INTERSECTION, Geo.PM);
        for (Map.Entry<String, List<Geometry>> e : byRegion.entrySet()) {
            Geometry u = OverlayNGRobust.union(e.getValue());
            Geometry clipped = OverlayNG.overlay(u, g.outline, OverlayNG.INTERSECTION, Geo.PM);
            clipped = OverlayNG.overlay(clipped, tk, OverlayNG.DIFFERENCE, Geo.PM);
            g.regionGeom.put(e.getKey(), multi(clipped));
        }
        g.regionGeom.put("UZ-TK", multi(tk));
        for (RegionFact f : g.regionFacts) {
            if (!g.regionGeom.containsKey(f.code())) {
                throw new IllegalStateException("no polygon for " + f.code());
            }
        }
        g.regionGeom.forEach((k, v) -> g.regionPrep.put(k, PreparedGeometryFactory.prepare(v)));
        // g.towns take the region whose polygon contains them (Tashkent city g.towns, clipping at the border)
        List<Towns.Town> kept = new ArrayList<>();
        int moved = 0;
        for (Towns.Town t : g.towns) {
            String found = g.regionOf(t.lon, t.lat);
            if (found == null) {
                continue;
            }
            if (!found.equals(t.region)) {
                moved++;
                t.region = found;
            }
            kept.add(t);
        }
        g.stats.put("towns.region_changed_by_polygon", moved);
        g.stats.put("towns.kept", kept.size());
        g.towns = kept;
    }

    String regionOf(double lon, double lat) {
        var p = Geo.point(lon, lat);
        for (Map.Entry<String, PreparedGeometry> e : g.regionPrep.entrySet()) {
            if (e.getValue().contains(p)) {
                return e.getKey();
            }
        }
        return null;
    }

    void buildDistricts() {
        int total = 0;
        for (RegionFact f : g.regionFacts) {
            List<Towns.Town> cand = new ArrayList<>();
            for (Towns.Town t : g.towns) {
                if (t.region.equals(f.code()) && (t.seat || t.pop >= 30_000)) {
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
            if (f.code().equals("UZ-TK") || seeds.isEmpty()) {
                seeds = seeds.isEmpty() ? List.of(g.towns.stream().filter(t -> t.region.equals(f.code()))
                        .max(Comparator.comparingInt(t -> t.pop)).orElseThrow()) : seeds.subList(0, 1);
            }
            MultiPolygon region = g.regionGeom.get(f.code());
            List<Coordinate> pts = new ArrayList<>();
            for (Towns.Town s : seeds) {
                pts.add(new Coordinate(s.lon, s.lat));
            }
            List<Geometry> cells = voronoi(pts);
            List<String[]> meta = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                Towns.Town s = seeds.get(i);
                String code = String.format(Locale.ROOT, "%s-%02d", f.code(), i + 1);
                Geometry cell = seeds.size() == 1 ? region : OverlayNG.overlay(cells.get(i), region, OverlayNG.INTERSECTION, Geo.PM);
                MultiPolygon mp = multi(cell);
                if (mp.isEmpty()) {
                    continue;
                }
                boolean city = f.code().equals("UZ-TK");
                String uz = city ? "Toshkent shahri" : s.nameUz + " tumani";
                String cy = city ? "Тошкент шаҳри" : Names.toCyrillic(s.nameUz) + " тумани";
                String ru = city ? "город Ташкент" : "район " + Names.toRussian(s.nameUz);
                String en = city ? "Tashkent City" : s.nameEn + " District";
                meta.add(new String[] {code, f.code(), uz, cy, ru, en});
                g.districtGeom.put(code, mp);
                g.districtPrep.put(code, PreparedGeometryFactory.prepare(mp));
                total++;
            }
            g.districtMeta.put(f.code(), meta);
        }
        g.stats.put("districts", total);
    }

    String districtOf(String region, double lon, double lat) {
        var p = Geo.point(lon, lat);
        for (String[] m : g.districtMeta.get(region)) {
            if (g.districtPrep.get(m[0]).contains(p)) {
                return m[0];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- g.highways and g.railways
}
