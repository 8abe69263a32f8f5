package uz.qamrov.planner.planning;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.PlanningWork;

@RestController
@RequestMapping("/api/v1/scenarios")
@Tag(name = "Scenarios", description = "Saved what-ifs on top of the real network, compared side by side; exports")
class ScenarioController {

    private final ScenarioService scenarios;
    private final PlanningRepository repo;

    ScenarioController(ScenarioService scenarios, PlanningRepository repo) {
        this.scenarios = scenarios;
        this.repo = repo;
    }

    @PostMapping
    @PlanningWork
    @Operation(summary = "Save a scenario: a plan's proposals (planId), or by hand: sites, fiberRoutes "
            + "(coordinates [[lon, lat], …], access) and fiberNodes (lon, lat, broadbandPorts) to add; removeSiteIds, "
            + "removeCellIds, removeFiberRouteIds, removeFiberNodeIds to take away",
            description = "Planners and admins: any operator. An operator token: only its own operator's additions "
                    + "and its own sites, cells and fiber removed (else 403).")
    ResponseEntity<PlanningRepository.ScenarioRow> create(@RequestBody(required = false) HandMadeScenario.NewScenario body,
            HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        long id = scenarios.create(body, caller);
        return ResponseEntity.created(URI.create("/api/v1/scenarios/" + id)).body(scenarios.get(id));
    }

    @GetMapping
    @Operation(summary = "All scenarios with their item counts and costs")
    List<PlanningRepository.ScenarioRow> list() {
        return scenarios.list();
    }

    @GetMapping("/{id}")
    PlanningRepository.ScenarioRow get(@PathVariable long id) {
        return scenarios.get(id);
    }

    @DeleteMapping("/{id}")
    @PlanningWork
    @Operation(summary = "Delete a scenario (planners and admins: any; an operator token: the ones it saved)")
    ResponseEntity<Void> delete(@PathVariable long id, HttpServletRequest request) {
        scenarios.delete(id, AccessService.requireCaller(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/compare")
    @Operation(summary = "Baseline and scenarios side by side, every indicator from the engine's what-if",
            description = "ids: comma-separated scenario ids (1-10); region: a region code (default national)")
    Map<String, Object> compare(@RequestParam List<Long> ids, @RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) String region) {
        return scenarios.compare(ids, asOf, region);
    }

    @GetMapping(value = "/{id}/items.geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A scenario's proposed additions and removals as GeoJSON")
    String geojson(@PathVariable long id) {
        return scenarios.geojson(id);
    }

    @GetMapping(value = "/{id}/items.gpkg", produces = "application/geopackage+sqlite3")
    @Operation(summary = "A scenario's items as a GeoPackage (EPSG:4326): scenario_points, scenario_lines, export_info")
    ResponseEntity<StreamingResponseBody> geoPackage(@PathVariable long id) {
        scenarios.get(id);
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/geopackage+sqlite3"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=scenario-" + id + ".gpkg")
                .body(out -> {
                    // SQLite needs a file: written to a temporary one, copied out and removed
                    Path file = Files.createTempFile("qamrov-scenario-", ".gpkg");
                    try {
                        Files.delete(file);
                        scenarios.writeGeoPackage(id, file);
                        Files.copy(file, out);
                    } catch (SQLException e) {
                        throw new IOException("writing the GeoPackage failed", e);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                });
    }

    @GetMapping(value = "/{id}/items.csv", produces = "text/csv")
    @Operation(summary = "A scenario's items as CSV (geometry as WKT)")
    ResponseEntity<String> csv(@PathVariable long id) {
        scenarios.get(id);
        StringBuilder b = new StringBuilder("action,kind,ref,operator,cost_usd,wkt\n");
        for (var r : repo.items(id)) {
            b.append(r.action()).append(',').append(r.kind()).append(',').append(r.ref()).append(',')
                    .append(r.operator() == null ? "" : r.operator()).append(',')
                    .append(r.costUsd() == null ? "" : r.costUsd()).append(",\"")
                    .append(r.geomWkt() == null ? "" : r.geomWkt()).append("\"\n");
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=scenario-" + id + ".csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(b.toString());
    }

    @GetMapping(value = "/{id}/upload.geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The additions to one layer as an upload file in our format (status planned), to hand to an "
            + "operator", description = "layer: base-stations (default), fiber-routes or fiber-nodes; operator: who "
            + "builds the neutral-host proposals (required when there are any)")
    ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestParam(required = false) String layer,
            @RequestParam(required = false) String operator) {
        String l = layer == null ? "base-stations" : layer;
        Map<String, Object> file = scenarios.uploadFile(id, l, operator);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=scenario-" + id + "-" + l + ".geojson")
                .body(file);
    }
}
