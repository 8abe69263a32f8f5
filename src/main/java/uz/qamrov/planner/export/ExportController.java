package uz.qamrov.planner.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uz.qamrov.planner.web.OutputFormat;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "exports", description = "Streamed exports of coverage results")
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    // always application/geo+json whatever the Accept header says (MapLibre sends application/json): no 406
    @GetMapping("/coverage.geojson")
    @Operation(summary = "Dissolved coverage polygons as an RFC 7946 FeatureCollection (streamed)",
            description = "WGS84 lon/lat, exterior rings counter-clockwise, no crs member; coordinates have 6 decimals "
                    + "(1e-6 degree is about 0.1 m).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/geo+json"))
    ResponseEntity<StreamingResponseBody> coverage(
            @Parameter(description = "2G, 3G, 4G or 5G, each meaning 'this technology or better'; all when absent")
            @RequestParam(required = false) String technology,
            @Parameter(description = "operator code; '*' or absent = any operator") @RequestParam(required = false) String operator,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Exports.CoverageExport export = exports.coverage(technology, operator, region, asOf);
        return ResponseEntity.ok().contentType(OutputFormat.GEO_JSON).body(out -> exports.writeCoverageGeoJson(export, out));
    }
}
