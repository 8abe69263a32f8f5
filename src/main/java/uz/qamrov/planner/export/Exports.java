package uz.qamrov.planner.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
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
    private final ObjectMapper json;

    Exports(ExportRepository repository, RunLookup runs, Regions regions, ObjectMapper json) {
        this.repository = repository;
        this.runs = runs;
        this.regions = regions;
        this.json = json;
    }

    /** A validated coverage export, ready to be written. */
    public record CoverageExport(long runId, String technology, String operator, String region, LocalDate asOf) {
    }

    /**
     * Validates the filters and resolves the run (so errors are answered before the first byte is written).
     * technology: '2G'..'5G' meaning "this technology or better", null = all; operator: null or '*' = any operator.
     */
    public CoverageExport coverage(String technology, String operator, String region, LocalDate asOf) {
        String tech = technology == null || technology.isBlank() ? null : technology.toUpperCase(java.util.Locale.ROOT);
        if (tech != null && !TECHNOLOGIES.contains(tech)) {
            throw ApiException.badRequest("unknown technology: " + technology + " (2G, 3G, 4G, 5G)",
                    Map.of("parameter", "technology", "value", technology));
        }
        String reg = region == null || region.isBlank() ? null : region;
        regions.requireRegionFilter(reg);
        String op = operator == null || operator.isBlank() ? "*" : operator;
        return new CoverageExport(runs.runFor(asOf), tech, op, reg, asOf);
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
            g.writeEndObject();
        }
    }
}
