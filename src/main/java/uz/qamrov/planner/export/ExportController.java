package uz.qamrov.planner.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import uz.qamrov.planner.web.ApiException;
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
        // inline: maps read it in place; a browser that saves it names the file by its scope and date
        return ResponseEntity.ok().contentType(OutputFormat.GEO_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + export.fileName() + ".geojson\"")
                .body(out -> exports.writeCoverageGeoJson(export, out));
    }

    @GetMapping("/exports/gaps.gpkg")
    @Operation(summary = "Gap lists and settlements with status as one GeoPackage",
            description = "Layers uncovered_settlements, highway_gaps, railway_gaps, settlements_status (EPSG:4326).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/geopackage+sqlite3"))
    ResponseEntity<StreamingResponseBody> geoPackage(@RequestParam(required = false) String region,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Exports.GapExport export = exports.gaps(region, service, asOf);
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/geopackage+sqlite3"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName("gaps") + ".gpkg\"")
                .body(out -> {
                    // SQLite needs a file; it is written to a temporary file, copied out and removed
                    Path file = Files.createTempFile("qamrov-gaps-", ".gpkg");
                    try {
                        Files.delete(file);
                        exports.writeGeoPackage(export, file);
                        Files.copy(file, out);
                    } catch (SQLException e) {
                        throw new IOException("writing the GeoPackage failed", e);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                });
    }

    @GetMapping("/exports/{layer}.csv")
    @Operation(summary = "One gap layer as CSV, unpaged and streamed",
            description = "layer: uncovered_settlements, highway_gaps, railway_gaps, settlements_status; UTF-8 with a header, "
                    + "geometry as WKT in the last column.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String layer, @RequestParam(required = false) String region,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "start with a UTF-8 byte order mark so that Excel reads Cyrillic (default false)")
            @RequestParam(defaultValue = "false") boolean bom) {
        GapLayer l = GapLayer.byId(layer).orElseThrow(() -> ApiException.notFound("no export layer " + layer)
                .withMessage("detail.no-export-layer", java.util.Map.of("layer", layer)));
        Exports.GapExport export = exports.gaps(region, service, asOf);
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName(l.id()) + ".csv\"")
                .body(out -> exports.writeGapCsv(l, export, bom, out));
    }

    @GetMapping("/maps/{region}.png")
    @Operation(summary = "A rendered PNG map of a region",
            description = "Coverage polygons of technology (default 4G, any operator), settlements uncovered for service "
                    + "(default mobile_internet), highways, district and region boundaries, legend, scale bar (km), and "
                    + "a title with the as-of date.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/png"))
    ResponseEntity<byte[]> map(@PathVariable String region, @RequestParam(required = false) String technology,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(exports.regionMap(region, technology, service, asOf));
    }
}
