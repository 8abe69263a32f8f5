package uz.qamrov.planner.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uz.qamrov.planner.access.AccessService;

@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "Coverage runs", description = "Full recompute and its progress; stored results per as-of date")
class CoverageController {

    private final CoverageService coverage;

    CoverageController(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/status")
    @Operation(summary = "What the coverage service is doing (phase, percent) and the latest stored runs")
    Map<String, Object> status() {
        return Map.of("progress", coverage.progress(), "model", coverage.modelStatus(), "runs", coverage.recentRuns());
    }

    @PostMapping("/recompute")
    @Operation(summary = "Full recompute (admin): reload every input, rebuild the model, store today's results",
            description = "Answers 202 at once; follow the progress at /api/v1/coverage/status.")
    ResponseEntity<Map<String, Object>> recompute(HttpServletRequest request) {
        AccessService.requireAdmin(AccessService.requireCaller(request));
        boolean started = coverage.startFullRecompute();
        return ResponseEntity.accepted().location(URI.create("/api/v1/coverage/status"))
                .body(Map.of("started", started, "progress", coverage.progress(),
                        "message", started ? "full recompute started" : "a full recompute is already running"));
    }

    /** @param terrain what the run was measured with: "flat-earth", the DEM, or "sector wedges, flat earth" */
    record RunView(long id, String kind, String asOf, String status, Long durationMs, String startedAt, String finishedAt,
            Long generation, boolean stale, String terrain) {
    }

}
