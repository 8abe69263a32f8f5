package uz.qamrov.geodata.generator;

import uz.qamrov.geodata.generator.GeodataGenerator.Site;
import uz.qamrov.geodata.generator.GeodataGenerator.Route;
import uz.qamrov.geodata.generator.GeodataGenerator.Node;
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

/** Writes every layer, the copies of the facts and the manifest (row counts, SHA-256, statistics). */
final class GeodataWriter {
    private final GeodataGenerator g;

    GeodataWriter(GeodataGenerator g) {
        this.g = g;
    }

    void writeAll() throws IOException {
        Files.copy(g.facts.resolve("operators.csv"), g.out.resolve("operators.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(g.facts.resolve("targets.csv"), g.out.resolve("targets.csv"), StandardCopyOption.REPLACE_EXISTING);
        g.rowCounts.put("operators.csv", (long) g.readCsv(g.out.resolve("operators.csv")).size());
        g.rowCounts.put("targets.csv", (long) g.readCsv(g.out.resolve("targets.csv")).size());

        try (CsvGz w = new CsvGz(g.out.resolve("regions.csv.gz"), "code", "name_uz_latn", "name_uz_cyrl", "name_ru",
                "name_en", "population", "approximate", "source", "wkt")) {
            for (RegionFact f : g.regionFacts) {
                w.row(f.code(), f.uzLatn(), f.uzCyrl(), f.ru(), f.en(), f.pop(), true,
                        "derived: Voronoi of GeoNames/SimpleMaps towns, clipped to Natural Earth 10m; population: Statistics Agency 2025-01-01 (approx.)",
                        Wkt.of(g.regionGeom.get(f.code())));
            }
            g.rowCounts.put("regions.csv.gz", w.rows());
        }
        Map<String, Long> distPop = new TreeMap<>();
        for (Settlement s : g.settlements) {
            distPop.merge(s.district, s.pop, Long::sum);
        }
        try (CsvGz w = new CsvGz(g.out.resolve("districts.csv.gz"), "code", "region_code", "name_uz_latn",
                "name_uz_cyrl", "name_ru", "name_en", "population", "approximate", "source", "wkt")) {
            for (RegionFact f : g.regionFacts) {
                for (String[] m : g.districtMeta.get(f.code())) {
                    w.row(m[0], m[1], m[2], m[3], m[4], m[5], distPop.getOrDefault(m[0], 0L), true,
                            "synthetic: Voronoi of real district-seat towns clipped to the region", Wkt.of(g.districtGeom.get(m[0])));
                }
            }
            g.rowCounts.put("districts.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(g.out.resolve("settlements.csv.gz"), "external_id", "name_uz_latn", "name_uz_cyrl",
                "name_ru", "name_en", "kind", "population", "households", "region_code", "district_code", "source",
                "lon", "lat")) {
            for (Settlement s : g.settlements) {
                double hh = g.fact(s.region).hh();
                w.row(s.extId, s.nameUz, s.nameCyrl, s.nameRu, s.nameEn, s.kind, s.pop, Math.round(s.pop / hh),
                        s.region, s.district, s.source, s.lon, s.lat);
            }
            g.rowCounts.put("settlements.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(g.out.resolve("highways.csv.gz"), "ref", "road_class", "name_uz_latn", "name_ru",
                "name_en", "source", "wkt")) {
            for (Line l : g.highways) {
                w.row(l.key(), l.cls(), l.nameUz(), l.nameRu(), l.nameEn(),
                        "approximate: densified through GeoNames/SimpleMaps towns in route order (facts/highways.csv)", Wkt.of(l.geom()));
            }
            g.rowCounts.put("highways.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(g.out.resolve("railways.csv.gz"), "line_key", "line_name", "name_uz_latn", "name_ru",
                "source", "wkt")) {
            for (Line l : g.railways) {
                w.row(l.key(), l.cls(), l.nameUz(), l.nameRu(),
                        "approximate: densified through station towns in order (facts/railways.csv)", Wkt.of(l.geom()));
            }
            g.rowCounts.put("railways.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(g.out.resolve("base_stations.csv.gz"), "operator_code", "external_id", "lon", "lat",
                "tower_height_m", "status", "commissioned_on", "decommissioned_on", "source")) {
            for (Site s : g.sites) {
                w.row(s.op, s.extId, s.lon, s.lat, s.tower, status(s.comm, s.decomm), s.comm, s.decomm, "synthetic");
            }
            g.rowCounts.put("base_stations.csv.gz", w.rows());
        }
        g.rowCounts.put("cells.csv.gz", new SiteSynthesizer(g).writeCells(g.out.resolve("cells.csv.gz"), g.rnd("cells")));
        try (CsvGz w = new CsvGz(g.out.resolve("fiber_routes.csv.gz"), "operator_code", "external_id", "route_kind",
                "status", "commissioned_on", "decommissioned_on", "capacity_gbps", "source", "wkt")) {
            for (Route r : g.routes) {
                w.row(r.op, r.extId, r.kind, status(r.comm, r.decomm), r.comm, r.decomm, r.cap, "synthetic", Wkt.of(r.geom));
            }
            g.rowCounts.put("fiber_routes.csv.gz", w.rows());
        }
        try (CsvGz w = new CsvGz(g.out.resolve("fiber_nodes.csv.gz"), "operator_code", "external_id", "kind",
                "broadband_ports", "status", "commissioned_on", "decommissioned_on", "source", "lon", "lat")) {
            for (Node n : g.nodes) {
                w.row(n.op, n.extId, n.kind, n.ports, status(n.comm, null), n.comm, null, "synthetic", n.lon, n.lat);
            }
            g.rowCounts.put("fiber_nodes.csv.gz", w.rows());
        }
        writeManifest();
    }

    static String status(LocalDate comm, LocalDate decomm) {
        if (decomm != null && !decomm.isAfter(GeodataGenerator.SNAPSHOT)) {
            return "decommissioned";
        }
        return comm.isAfter(GeodataGenerator.SNAPSHOT) ? "planned" : "active";
    }

    void writeManifest() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"generator\": \"uz.qamrov.geodata.generator.GeodataGenerator\",\n");
        sb.append("  \"version\": \"").append(GeodataGenerator.VERSION).append("\",\n");
        sb.append("  \"seed\": ").append(g.seed).append(",\n");
        sb.append("  \"scale\": ").append(CsvGz.num(g.scale)).append(",\n");
        sb.append("  \"snapshot_date\": \"").append(GeodataGenerator.SNAPSHOT).append("\",\n");
        sb.append("  \"files\": {\n");
        int i = 0;
        for (Map.Entry<String, Long> e : g.rowCounts.entrySet()) {
            sb.append("    \"").append(e.getKey()).append("\": {\"rows\": ").append(e.getValue())
                    .append(", \"sha256\": \"").append(sha256(g.out.resolve(e.getKey()))).append("\"}");
            sb.append(++i < g.rowCounts.size() ? ",\n" : "\n");
        }
        sb.append("  },\n  \"stats\": {\n");
        i = 0;
        for (Map.Entry<String, Object> e : g.stats.entrySet()) {
            Object v = e.getValue();
            String val = v instanceof Double d ? CsvGz.num(d) : v instanceof Number ? v.toString() : "\"" + v + "\"";
            sb.append("    \"").append(e.getKey()).append("\": ").append(val);
            sb.append(++i < g.stats.size() ? ",\n" : "\n");
        }
        sb.append("  }\n}\n");
        Files.writeString(g.out.resolve("manifest.json"), sb.toString(), StandardCharsets.UTF_8);
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
}
