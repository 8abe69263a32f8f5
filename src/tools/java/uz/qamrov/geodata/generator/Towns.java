package uz.qamrov.geodata.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the real towns (GeoNames cities500 and SimpleMaps extracts) and merges them: records closer than 1 km,
 * or closer than 8 km with the same name key (or the same first five letters), are one town. A merged town keeps
 * the GeoNames id and coordinates (best feature code first), the largest population and the SimpleMaps Uzbek
 * Latin spelling when there is one.
 */
final class Towns {
    record Raw(String src, String id, String name, String ascii, double lon, double lat, int pop, String region,
            int rank, boolean seat) {
    }

    /** A merged real town. {@code region} is the source's admin-1, before the polygon check. */
    static final class Town {
        String extId;
        String nameUz;
        String nameEn;
        double lon;
        double lat;
        int pop;
        boolean popKnown;
        String region;
        String source;
        boolean seat;
        boolean capital;
        List<String> keys = new ArrayList<>();
    }

    private Towns() {
    }

    static CSVFormat readFormat() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    }

    static List<Town> load(Path sources, Map<String, String> gnAdmin1ToIso, Map<String, String> smAdminToIso) throws IOException {
        List<Raw> raws = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(sources.resolve("towns-geonames.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : readFormat().parse(r)) {
                String fc = rec.get("feature_code");
                int rank = switch (fc) {
                    case "PPLC" -> 0;
                    case "PPLA" -> 1;
                    case "PPLA2" -> 2;
                    default -> 3;
                };
                raws.add(new Raw("gn", rec.get("geonameid"), rec.get("name"), rec.get("asciiname"),
                        Double.parseDouble(rec.get("longitude")), Double.parseDouble(rec.get("latitude")),
                        parseInt(rec.get("population")), gnAdmin1ToIso.get(rec.get("admin1_code")), rank, rank <= 2));
            }
        }
        try (Reader r = Files.newBufferedReader(sources.resolve("towns-simplemaps.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : readFormat().parse(r)) {
                String cap = rec.get("capital");
                int rank = switch (cap) {
                    case "primary" -> 0;
                    case "admin" -> 1;
                    case "minor" -> 2;
                    default -> 3;
                };
                raws.add(new Raw("sm", rec.get("id"), rec.get("city"), rec.get("city_ascii"),
                        Double.parseDouble(rec.get("lng")), Double.parseDouble(rec.get("lat")),
                        parseInt(rec.get("population")), smAdminToIso.get(Names.key(rec.get("admin_name"))), rank, rank <= 2));
            }
        }
        int n = raws.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Raw a = raws.get(i);
                Raw b = raws.get(j);
                if (Geo.approxM(a.lon, a.lat, b.lon, b.lat) > 12_000) {
                    continue;
                }
                double d = Geo.distM(a.lon, a.lat, b.lon, b.lat);
                String ka = Names.key(a.name);
                String kb = Names.key(b.name);
                String ea = Names.key(a.ascii);
                String eb = Names.key(b.ascii);
                boolean similar = ka.equals(kb) || ea.equals(eb) || prefix(ka, kb, 5) || prefix(ea, eb, 5);
                if (d < 1_000 || (similar && d < 8_000)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Raw>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(raws.get(i));
        }
        List<Town> towns = new ArrayList<>();
        for (List<Raw> g : groups.values()) {
            g.sort(Comparator.comparing((Raw x) -> x.src.equals("gn") ? 0 : 1).thenComparingInt(x -> x.rank)
                    .thenComparingLong(x -> Long.parseLong(x.id)));
            Raw best = g.get(0);
            Town t = new Town();
            t.extId = best.src + ":" + best.id;
            t.lon = best.lon;
            t.lat = best.lat;
            boolean hasGn = g.stream().anyMatch(x -> x.src.equals("gn"));
            boolean hasSm = g.stream().anyMatch(x -> x.src.equals("sm"));
            t.source = hasGn && hasSm ? "geonames+simplemaps" : hasGn ? "geonames" : "simplemaps";
            Raw sm = g.stream().filter(x -> x.src.equals("sm")).min(Comparator.comparingInt((Raw x) -> x.rank)
                    .thenComparingInt(x -> -x.pop)).orElse(null);
            t.nameUz = Names.cleanUz(sm != null ? sm.name : best.name);
            t.nameEn = Names.cleanUz(best.ascii).replace("\u02BB", "").replace("\u02BC", "");
            if (!best.src.equals("gn") && sm != null) {
                t.nameEn = Names.cleanUz(sm.ascii).replace("\u02BB", "").replace("\u02BC", "");
            }
            t.pop = g.stream().mapToInt(Raw::pop).max().orElse(0);
            t.popKnown = t.pop > 0;
            t.region = g.stream().filter(x -> x.region != null).map(Raw::region).findFirst().orElse(null);
            t.seat = g.stream().anyMatch(Raw::seat);
            t.capital = g.stream().anyMatch(x -> x.rank <= 1);
            for (Raw x : g) {
                add(t.keys, Names.key(x.name));
                add(t.keys, Names.key(x.ascii));
                add(t.keys, Names.key(Names.cleanUz(x.name)));
            }
            towns.add(t);
        }
        towns.sort(Comparator.comparing(t -> t.extId));
        return towns;
    }

    private static void add(List<String> l, String k) {
        if (!k.isEmpty() && !l.contains(k)) {
            l.add(k);
        }
    }

    private static boolean prefix(String a, String b, int len) {
        return a.length() >= len && b.length() >= len && a.regionMatches(0, b, 0, len);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static int parseInt(String s) {
        try {
            return s == null || s.isBlank() ? 0 : (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
