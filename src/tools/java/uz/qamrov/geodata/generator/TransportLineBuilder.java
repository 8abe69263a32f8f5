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

/** Highways and railways from the route facts: ordered towns and waypoints, densified geodesically. */
final class TransportLineBuilder {
    private final GeodataGenerator g;

    TransportLineBuilder(GeodataGenerator g) {
        this.g = g;
    }

    Coordinate resolve(String token) {
        token = token.trim();
        if (token.startsWith("@")) {
            String[] xy = token.substring(1).trim().split("\\s+");
            Coordinate c = new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
            if (!g.outlinePrep.contains(Geo.GF.createPoint(c))) {
                System.err.println("warning: waypoint outside outline, pulled inside: " + token);
            }
            return Geo.keepInside(c, g.inner, g.innerPrep);
        }
        String region = null;
        if (token.contains("|")) {
            region = token.substring(token.indexOf('|') + 1);
            token = token.substring(0, token.indexOf('|'));
        }
        String k = Names.key(token);
        String rf = region;
        Towns.Town t = g.towns.stream().filter(x -> x.keys.contains(k) && (rf == null || x.region.equals(rf)))
                .max(Comparator.comparingInt((Towns.Town x) -> x.pop).thenComparing(x -> x.extId))
                .orElseThrow(() -> new IllegalStateException("route town not found: " + rf + " " + k));
        return new Coordinate(t.lon, t.lat);
    }

    void buildLines() throws IOException {
        SplittableRandom r = g.rnd("lines");
        // lines are kept ~1 km inside the g.outline so that 2 km chords between vertices stay in the country
        g.inner = GeometryPrecisionReducer.reduce(g.outline.buffer(-0.01), Geo.PM);
        g.innerPrep = PreparedGeometryFactory.prepare(g.inner);
        for (CSVRecord rec : g.readCsv(g.facts.resolve("highways.csv"))) {
            g.highways.add(line(rec.get("ref"), rec.get("road_class"), rec.get("name_uz_latn"), rec.get("name_ru"),
                    rec.get("name_en"), rec.get("route"), 1_800, 900, 30_000, r));
        }
        for (CSVRecord rec : g.readCsv(g.facts.resolve("railways.csv"))) {
            g.railways.add(line(rec.get("line_key"), rec.get("line_name"), rec.get("name_uz_latn"), rec.get("name_ru"),
                    null, rec.get("stations"), 1_800, 1_200, 15_000, r));
        }
        double intl = 0;
        double state = 0;
        double outside = 0;
        Geometry outlineTol = g.outline.buffer(1e-6);
        for (Line l : g.highways) {
            double len = Geo.lengthM(l.geom()) / 1000;
            if (l.cls().equals("international")) {
                intl += len;
            } else {
                state += len;
            }
            Geometry diff = OverlayNGRobust.overlay(l.geom(), outlineTol, OverlayNG.DIFFERENCE);
            outside += diff.isEmpty() ? 0 : Geo.lengthM(diff) / 1000;
            g.stats.put("highway." + l.key() + ".km", GeodataGenerator.round1(len));
        }
        g.stats.put("highways.international.km", GeodataGenerator.round1(intl));
        g.stats.put("highways.state.km", GeodataGenerator.round1(state));
        g.stats.put("highways.total.km", GeodataGenerator.round1(intl + state));
        g.stats.put("highways.outside_outline.km", GeodataGenerator.round1(outside));
        double rail = 0;
        for (Line l : g.railways) {
            double len = Geo.lengthM(l.geom()) / 1000;
            rail += len;
            g.stats.put("railway." + l.key() + ".km", GeodataGenerator.round1(len));
        }
        g.stats.put("railways.total.km", GeodataGenerator.round1(rail));
    }

    Line line(String key, String cls, String uz, String ru, String en, String route, double step, double wiggle,
            double period, SplittableRandom r) {
        List<Coordinate> anchors = new ArrayList<>();
        for (String tok : route.split(";")) {
            anchors.add(resolve(tok));
        }
        LineString ls = Geo.densify(anchors, step, wiggle, period, r, g.inner, g.innerPrep);
        // anchor positions in the densified line (anchors are kept exactly)
        List<Integer> idx = new ArrayList<>();
        Coordinate[] cs = ls.getCoordinates();
        int from = 0;
        for (Coordinate a : anchors) {
            Coordinate ra = Geo.keepInside(a, g.inner, g.innerPrep);
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
}
