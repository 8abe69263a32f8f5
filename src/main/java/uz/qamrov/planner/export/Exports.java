package uz.qamrov.planner.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.coverage.RunRef;
import uz.qamrov.planner.operator.Operators;
import uz.qamrov.planner.region.Regions;
import uz.qamrov.planner.system.RunLookup;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ListWriter;

/**
 * The export feature's entry point. Every export is written while it is read from the database: memory use does
 * not grow with the size of the country.
 */
@Service
public class Exports {

    static final Set<String> TECHNOLOGIES = Set.of("2G", "3G", "4G", "5G");

    private final ExportRepository repository;
    private final RunLookup runs;
    private final Regions regions;
    private final Operators operators;
    private final ObjectMapper json;
    private final MapProperties maps;
    private final java.time.Clock clock;

    Exports(ExportRepository repository, RunLookup runs, Regions regions, Operators operators, ObjectMapper json,
            MapProperties maps, java.time.Clock clock) {
        this.operators = operators;
        this.maps = maps;
        this.clock = clock;
        this.repository = repository;
        this.runs = runs;
        this.regions = regions;
        this.json = json;
    }

    /** A validated coverage export, ready to be written; {@code run} is the stored run it is read from. */
    public record CoverageExport(RunRef run, String technology, String operator, String region, LocalDate asOf) {

        long runId() {
            return run.id();
        }

        /** {@code coverage_UZ-SA_4G_ucell_2024-12-31}: scope, technology (all), operator (all) and as-of date. */
        public String fileName() {
            return "coverage_" + (region == null ? "UZ" : region) + "_" + (technology == null ? "all" : technology)
                    + "_" + ("*".equals(operator) ? "all" : operator) + "_" + asOf;
        }
    }

    /**
     * Validates the filters and resolves the run (so errors are answered before the first byte is written).
     * technology: '2G'..'5G' meaning "this technology or better", null = all; operator: null or '*' = any operator.
     */
    public CoverageExport coverage(String technology, String operator, String region, LocalDate asOf) {
        String tech = technology == null || technology.isBlank() ? null : technology.toUpperCase(java.util.Locale.ROOT);
        if (tech != null && !TECHNOLOGIES.contains(tech)) {
            throw ApiException.badRequest("unknown technology: " + technology + " (2G, 3G, 4G, 5G)",
                    Map.of("parameter", "technology", "value", technology)).withMessage("detail.unknown-technology");
        }
        String reg = region == null || region.isBlank() ? null : region;
        regions.requireRegionFilter(reg);
        String op = operator == null || operator.isBlank() ? "*" : operator;
        // a misspelt operator would export no coverage at all, as if it covered nothing: a 400 that names it
        operators.requireOperatorFilter(op.equals("*") ? null : op);
        return new CoverageExport(runs.runWithPolygons(asOf), tech, op, reg, asOf == null ? LocalDate.now(clock) : asOf);
    }

    /** A validated gap export (GeoPackage or CSV); asOf is the date it answers (today when none was asked). */
    public record GapExport(RunRef run, String service, String region, LocalDate asOf) {

        long runId() {
            return run.id();
        }

        /** {@code gaps_UZ-SA_mobile_internet_2024-12-31}: scope, service and as-of date, for the download's name. */
        public String fileName(String what) {
            return what + "_" + (region == null ? "UZ" : region) + "_" + service + "_" + asOf;
        }
    }

    private static final Set<String> SERVICES = Set.of("mobile_any", "mobile_internet", "high_speed_mobile", "fixed_broadband");

    /** Validates the filters of a gap export and resolves the run; service defaults to mobile_internet. */
    public GapExport gaps(String region, String service, LocalDate asOf) {
        String s = service == null || service.isBlank() ? "mobile_internet" : service;
        if (!SERVICES.contains(s)) {
            throw ApiException.badRequest("unknown service: " + service, Map.of("parameter", "service", "value", service))
                    .withMessage("detail.unknown-service");
        }
        String reg = region == null || region.isBlank() ? null : region;
        regions.requireRegionFilter(reg);
        // the GeoPackage's settlements_status layer carries every covered settlement's class
        return new GapExport(runs.completeRun(asOf), s, reg, asOf == null ? LocalDate.now(clock) : asOf);
    }

    /**
     * Writes the four gap layers into a GeoPackage at {@code file} (uncovered_settlements, highway_gaps,
     * railway_gaps, settlements_status), streaming each from PostGIS into SQLite.
     */
    public void writeGeoPackage(GapExport e, java.nio.file.Path file) throws java.sql.SQLException {
        String scope = e.region() == null ? "UZ" : e.region();
        try (GeoPackageWriter gpkg = new GeoPackageWriter(file, scope + ", " + e.service() + ", as of " + e.asOf()
                + ", coverage run " + e.runId())) {
            var info = new java.util.LinkedHashMap<String, String>();
            info.put("scope", scope);
            info.put("service", e.service());
            info.put("as_of", e.asOf().toString());
            info.put("coverage_run", Long.toString(e.runId()));
            info.put("coverage_generation", Long.toString(e.run().generation()));
            info.put("stale", Boolean.toString(e.run().stale())); // true: the previous answer, a newer one computing
            info.put("exported_at", java.time.Instant.now(clock).toString());
            gpkg.info(info);
            for (GapLayer layer : GapLayer.values()) {
                try (GeoPackageWriter.LayerSink sink = gpkg.layer(layer)) {
                    repository.gapRows(layer, new ExportRepository.GapFilter(e.runId(), e.service(), e.region()), row -> {
                        try {
                            sink.add(row);
                        } catch (java.sql.SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
                }
            }
        }
    }

    /**
     * Writes one gap layer as CSV (UTF-8, header, the geometry as WKT in the last column), row by row. Each row says
     * what it was read from, as the gap lists' CSV does: as-of date, run, generation and stale, before the geometry.
     */
    public void writeGapCsv(GapLayer layer, GapExport e, boolean bom, OutputStream out) throws IOException {
        if (bom) {
            uz.qamrov.planner.web.ListWriter.writeUtf8Bom(out);
        }
        var writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<String> header = new java.util.ArrayList<>();
        layer.columns().forEach(c -> header.add(c.name()));
        List<String> provenance = List.of("as_of", "coverage_run", "coverage_generation", "stale");
        List<Object> read = List.of(e.asOf().toString(), e.runId(), e.run().generation(), e.run().stale());
        header.addAll(provenance);
        header.add("geometry_wkt");
        var csv = new org.apache.commons.csv.CSVPrinter(writer,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        var wkb = new org.locationtech.jts.io.WKBReader();
        var wkt = new org.locationtech.jts.io.WKTWriter();
        repository.gapRows(layer, new ExportRepository.GapFilter(e.runId(), e.service(), e.region()), row -> {
            try {
                for (Object v : row.values()) {
                    csv.print(uz.qamrov.planner.web.CsvCells.safe(v)); // names from uploads: no formulas (OWASP)
                }
                for (Object v : read) {
                    csv.print(v);
                }
                csv.print(wkt.write(wkb.read(row.wkb())));
                csv.println();
            } catch (IOException | org.locationtech.jts.io.ParseException ex) {
                throw new IllegalStateException(ex);
            }
        });
        csv.flush();
    }

    /**
     * A PNG map of a region: coverage of {@code technology} (default 4G, any operator), settlements uncovered for
     * {@code service}, highways, boundaries, legend, scale bar and a title with the as-of date. 404 problem for an
     * unknown region or one without a boundary.
     */
    public byte[] regionMap(String region, String technology, String service, LocalDate asOf) {
        String tech = technology == null || technology.isBlank() ? "4G" : technology.toUpperCase(java.util.Locale.ROOT);
        if (!TECHNOLOGIES.contains(tech)) {
            throw ApiException.badRequest("unknown technology: " + technology + " (2G, 3G, 4G, 5G)",
                    Map.of("parameter", "technology", "value", technology)).withMessage("detail.unknown-technology");
        }
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        GapExport e = gaps(null, service, date);
        runs.runWithPolygonsFor(date); // the map draws the coverage polygons of the same run
        var r = regions.region(region).filter(x -> x.bbox() != null)
                .orElseThrow(() -> noBoundary(region));
        double[] bbox = r.bbox().stream().mapToDouble(Double::doubleValue).toArray();
        double tol = MapRenderer.degreesPerPixel(bbox, maps.width(), maps.height());
        var data = repository.mapData(region, e.runId(), tech, e.service(), tol)
                .orElseThrow(() -> noBoundary(region));
        String title = data.title() + " — " + tech + " coverage, gaps in " + e.service().replace('_', ' ') + ", as of " + date;
        return MapRenderer.render(data, title, maps.width(), maps.height());
    }

    private static ApiException noBoundary(String region) {
        return ApiException.notFound("no region with a boundary: " + region)
                .withMessage("detail.no-region-boundary", Map.of("region", String.valueOf(region)));
    }

    /** Writes the coverage polygons as one RFC 7946 FeatureCollection, feature by feature. */
    public void writeCoverageGeoJson(CoverageExport e, OutputStream out) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", "coverage");
            g.writeArrayFieldStart("features");
            repository.coveragePolygons(new ExportRepository.CoverageFilter(e.runId(), e.technology(), e.operator(), e.region()),
                    row -> {
                        try {
                            ListWriter.writeFeature(g, row);
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
            g.writeEndArray();
            // foreign members (RFC 7946 §6.1): what the polygons were read from
            g.writeStringField("as_of", e.asOf().toString());
            g.writeNumberField("coverage_run", e.runId());
            g.writeNumberField("coverage_generation", e.run().generation());
            g.writeBooleanField("stale", e.run().stale());
            g.writeEndObject();
        }
    }
}
