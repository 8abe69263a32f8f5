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

/** Real towns plus synthetic settlements clustered where people live; populations sum to the facts. */
final class SettlementSynthesizer {
    private final GeodataGenerator g;

    SettlementSynthesizer(GeodataGenerator g) {
        this.g = g;
    }

    void buildSettlements() {
        SplittableRandom r = g.rnd("settlements");
        // real g.towns
        for (Towns.Town t : g.towns) {
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
            g.settlements.add(s);
        }
        int realCount = g.settlements.size();
        int target = (int) Math.round(12_000 * g.scale);
        int synth = Math.max(0, target - realCount);
        // highway vertices per region, as anchors for roadside villages
        Map<String, List<Coordinate>> roadside = new TreeMap<>();
        for (Line l : g.highways) {
            for (Coordinate c : l.geom().getCoordinates()) {
                String reg = g.regionOf(c.x, c.y);
                if (reg != null) {
                    roadside.computeIfAbsent(reg, k -> new ArrayList<>()).add(c);
                }
            }
        }
        double ruralTotal = 0;
        Map<String, Double> rural = new TreeMap<>();
        for (RegionFact f : g.regionFacts) {
            if (f.code().equals("UZ-TK")) {
                continue;
            }
            double realPop = g.settlements.stream().filter(s -> s.region.equals(f.code())).mapToDouble(s -> s.weight).sum();
            double rp = Math.max(f.pop() * 0.3, f.pop() - realPop);
            rural.put(f.code(), rp);
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
        List<Towns.Town> allTowns = g.towns;
        for (String code : codes) {
            List<Towns.Town> rt = allTowns.stream().filter(t -> t.region.equals(code)).toList();
            double[] cum = new double[rt.size()];
            double acc = 0;
            for (int i = 0; i < rt.size(); i++) {
                acc += Math.sqrt(Math.max(3_000, rt.get(i).pop));
                cum[i] = acc;
            }
            List<Coordinate> road = roadside.getOrDefault(code, List.of());
            PreparedGeometry reg = g.regionPrep.get(code);
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
                g.settlements.add(s);
            }
        }
        // populations: exact per region, largest-remainder rounding
        for (RegionFact f : g.regionFacts) {
            List<Settlement> in = g.settlements.stream().filter(s -> s.region.equals(f.code())).toList();
            double realW = in.stream().filter(s -> s.real).mapToDouble(s -> s.weight).sum();
            double synthW = in.stream().filter(s -> !s.real).mapToDouble(s -> s.weight).sum();
            boolean anySynth = synthW > 0;
            double realTarget = anySynth ? Math.min(realW, 0.7 * f.pop()) : f.pop();
            double synthTarget = f.pop() - realTarget;
            double[] want = new double[in.size()];
            for (int i = 0; i < in.size(); i++) {
                Settlement s = in.get(i);
                want[i] = s.real ? s.weight / realW * realTarget : s.weight / synthW * synthTarget;
            }
            long[] got = largestRemainder(want, f.pop());
            for (int i = 0; i < in.size(); i++) {
                Settlement s = in.get(i);
                s.pop = got[i];
                if (!s.real) {
                    s.kind = s.pop >= 7_000 ? "urban_settlement" : "village";
                }
                s.radiusM = s.real ? 600 + 600 * Math.sqrt(s.pop / 10_000.0) : 300 + 400 * Math.sqrt(s.pop / 5_000.0);
                if (f.code().equals("UZ-TK")) {
                    s.radiusM = Math.min(s.radiusM, 9_000);
                }
            }
        }
        // district of every settlement: the polygon that contains its point
        for (Settlement s : g.settlements) {
            s.district = g.districtOf(s.region, s.lon, s.lat);
            if (s.district == null) {
                throw new IllegalStateException("no district for " + s.extId);
            }
        }
        PointGrid realGrid = new PointGrid(0.25);
        for (Settlement s : g.settlements) {
            if (s.real) {
                realGrid.add(s.lon, s.lat, 0);
            }
        }
        for (Settlement s : g.settlements) {
            double[] n = realGrid.nearest(s.lon, s.lat, 400_000);
            s.distRealM = n == null ? 1e9 : n[3];
        }
        g.stats.put("settlements.real", realCount);
        g.stats.put("settlements.synthetic", g.settlements.size() - realCount);
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

    // ---------------------------------------------------------------- g.sites and cells (see SiteSynthesizer, FiberSynthesizer)
}
