package uz.qamrov.planner.hexagon;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.signal.SignalThresholds;
import uz.qamrov.planner.web.OutputFormat;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "hexagons", description = "People and covered people per H3 cell, and the prevailing signal class")
class HexagonController {

    /** The reference signal each technology's level is measured on (docs/engine.md, "Signal classes"). */
    private static final Map<Technology, String> MEASURE = Map.of(Technology.G2, "RxLev (BCCH)", Technology.G3, "CPICH RSCP",
            Technology.G4, "RSRP", Technology.G5, "SS-RSRP");

    private final Hexagons hexagons;
    private final ObjectMapper json;

    HexagonController(Hexagons hexagons, ObjectMapper json) {
        this.hexagons = hexagons;
        this.json = json;
    }

    // always application/geo+json whatever the Accept header says (the page and MapLibre send application/json)
    @GetMapping("/hexagons")
    @Operation(summary = "H3 hexagons: population, population covered and prevailing signal class (RFC 7946 GeoJSON)",
            description = "Summed from the settlement results of the coverage run that answers asOf (the gap lists' run): "
                    + "each settlement's population counts in the cell of its point. Only cells holding a settlement are "
                    + "listed, most populous first. signal_class is the class holding most of the cell's people (null for "
                    + "fixed broadband); signal_thresholds gives the class boundaries per technology.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/geo+json"))
    ResponseEntity<StreamingResponseBody> hexagons(
            @Parameter(description = "mobile_internet (default), high_speed_mobile, fixed_broadband, mobile_any")
            @RequestParam(required = false) String service,
            @Parameter(description = "region code; absent = all Uzbekistan") @RequestParam(required = false) String region,
            @Parameter(description = "operator code: people covered by that operator; absent = by any operator (signal "
                    + "classes are only given for any operator: they are diagnosed for all operators together)")
            @RequestParam(required = false) String operator,
            @Parameter(description = "H3 resolution 4..9; default 7 nationally, 8 with a region")
            @RequestParam(required = false) Integer resolution,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Hexagons.HexagonMap map = hexagons.hexagons(service, region, operator, resolution, asOf);
        return ResponseEntity.ok().contentType(OutputFormat.GEO_JSON).body(out -> write(map, out));
    }

    private void write(Hexagons.HexagonMap map, OutputStream out) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            long population = 0;
            long covered = 0;
            for (Hexagon h : map.hexagons()) {
                feature(g, h);
                population += h.population();
                covered += h.populationCovered();
            }
            g.writeEndArray();
            g.writeNumberField("numberMatched", map.hexagons().size());
            g.writeNumberField("numberReturned", map.hexagons().size());
            g.writeStringField("service", map.service().key());
            g.writeStringField("region", map.region());
            g.writeStringField("operator", map.operator());
            g.writeNumberField("resolution", map.resolution());
            g.writeStringField("as_of", map.asOf().toString());
            g.writeNumberField("coverage_run", map.run().id());
            g.writeNumberField("coverage_generation", map.run().generation());
            g.writeBooleanField("stale", map.run().stale());
            g.writeNumberField("population", population);
            g.writeNumberField("population_covered", covered);
            thresholds(g);
            g.writeEndObject();
        }
    }

    private static void feature(JsonGenerator g, Hexagon h) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", h.h3());
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Polygon");
        g.writeArrayFieldStart("coordinates");
        g.writeStartArray();
        for (double[] p : h.ring()) {
            g.writeStartArray();
            // 6 decimals (~0.1 m), as every other geometry the API writes
            g.writeNumber(round6(p[0]));
            g.writeNumber(round6(p[1]));
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("h3", h.h3());
        g.writeNumberField("resolution", h.resolution());
        g.writeNumberField("population", h.population());
        g.writeNumberField("population_covered", h.populationCovered());
        g.writeFieldName("covered_pct");
        if (h.coveredPct() == null) {
            g.writeNull();
        } else {
            g.writeNumber(h.coveredPct());
        }
        g.writeNumberField("settlements", h.settlements());
        g.writeNumberField("settlements_covered", h.settlementsCovered());
        g.writeStringField("signal_class", h.signalClass());
        for (Map.Entry<String, Long> e : h.populationByClass().entrySet()) {
            g.writeNumberField("population_" + e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The class boundaries the runs use, so a legend is drawn from the same numbers as the classes. */
    private static void thresholds(JsonGenerator g) throws IOException {
        SignalThresholds t = SignalThresholds.DEFAULTS;
        g.writeObjectFieldStart("signal_thresholds");
        for (Technology tech : Technology.values()) {
            g.writeObjectFieldStart(tech.label());
            g.writeStringField("measure", MEASURE.get(tech));
            g.writeNumberField("good_dbm", t.goodDbm(tech));
            g.writeNumberField("fair_dbm", t.fairDbm(tech));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static BigDecimal round6(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
    }
}
