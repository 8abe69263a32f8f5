package uz.qamrov.planner.planning;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.PlanningWork;
import uz.qamrov.planner.web.ApiException;

@RestController
@Tag(name = "Planning", description = "Cost model, plans that close the gaps (budget or targets), proposals as GeoJSON")
class PlanningController {

    private final PlanningService planning;

    PlanningController(PlanningService planning) {
        this.planning = planning;
    }

    @GetMapping("/api/v1/planning-costs")
    @Operation(summary = "The cost model: unit costs with their units and sources, and per-region multipliers")
    Map<String, Object> costs() {
        return Map.of("costs", planning.costs(), "regionMultipliers", planning.regionMultipliers());
    }

    record CostUpdate(Map<String, Double> values, String source) {
    }

    @PutMapping("/api/v1/planning-costs")
    @Operation(summary = "Change unit costs (admin); an invalid value is a 400 naming the key")
    Map<String, Object> updateCosts(@RequestBody CostUpdate body, HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        AccessService.requireAdmin(caller);
        planning.updateCosts(body == null ? null : body.values(), body == null ? null : body.source(), caller.name());
        return costs();
    }

    record Multiplier(Double multiplier, String note) {
    }

    @PutMapping("/api/v1/planning-costs/regions/{region}")
    @Operation(summary = "Set a region's cost multiplier (admin)")
    Map<String, Object> setMultiplier(@PathVariable String region, @RequestBody Multiplier body,
            HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        AccessService.requireAdmin(caller);
        planning.setRegionMultiplier(region, body == null ? null : body.multiplier(), body == null ? null : body.note(),
                caller.name());
        return costs();
    }

    @PostMapping("/api/v1/plans")
    @PlanningWork
    @Operation(summary = "Plan what closes the gaps: best plan for a budget, or cheapest plan reaching targets",
            description = "Answers 202 with the plan id; follow GET /api/v1/plans/{id} (status, progress, result). "
                    + "Planners and admins plan for any operator or a neutral host; an operator token plans for its "
                    + "own operator only (operator absent = its own; another = 403).")
    ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) PlanRequest body,
            HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        UUID id = planning.submit(body, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/plans/" + id))
                .body(planning.plan(id).orElseThrow());
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "A plan: status, progress, and its result (proposals, cost curve, goals, shortfalls, "
            + "projected indicators)")
    Map<String, Object> plan(@PathVariable UUID id) {
        return planning.plan(id).orElseThrow(() -> ApiException.notFound("no plan " + id)
                .withMessage("detail.no-plan", Map.of("id", id)));
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @GetMapping(value = "/api/v1/plans/{id}/proposals.geojson",
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A plan's proposals as an RFC 7946 FeatureCollection: points; a fiber tree's links as lines")
    Map<String, Object> geojson(@PathVariable UUID id) {
        Map<String, Object> plan = plan(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) plan.get("result");
        if (result == null) {
            throw ApiException.notFound("plan " + id + " has no result yet (status " + plan.get("status") + ")")
                    .withMessage("detail.plan-no-result",
                            Map.of("id", id, "status", String.valueOf(plan.get("status"))));
        }
        List<Map<String, Object>> features = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) result.get("proposals");
        for (Map<String, Object> p : proposals) {
            Map<String, Object> props = new LinkedHashMap<>(p);
            props.remove("lon");
            props.remove("lat");
            Object geometry;
            if (p.get("cable") instanceof List<?> cable) {
                // a fiber-tree link: the cable from where it starts to the settlement
                props.remove("cable");
                geometry = Map.of("type", "LineString", "coordinates", cable.stream()
                        .map(c -> ((List<?>) c).stream().map(v -> round6(((Number) v).doubleValue())).toList()).toList());
            } else {
                geometry = Map.of("type", "Point", "coordinates", List.of(round6(((Number) p.get("lon")).doubleValue()),
                        round6(((Number) p.get("lat")).doubleValue())));
            }
            features.add(Map.of("type", "Feature", "geometry", geometry, "properties", props));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }
}
