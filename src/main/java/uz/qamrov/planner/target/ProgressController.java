package uz.qamrov.planner.target;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uz.qamrov.planner.access.AccessService;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Indicators and targets", description = "Roadmap indicators, nationally, per region and per district, as of any date")
class ProgressController {

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/indicators")
    @Operation(summary = "Every indicator of a scope at a date, with its target, gap and status",
            description = "Percent indicators (keys ending in .pct) are in %, lengths in km. Sites and fiber count from "
                    + "their commissioning to their decommissioning date.")
    IndicatorReport indicators(
            @Parameter(description = "region code (ISO 3166-2, e.g. UZ-SA); omit for national") @RequestParam(required = false) String region,
            @Parameter(description = "district code, e.g. UZ-SA-07") @RequestParam(required = false) String district,
            @Parameter(description = "as-of date (yyyy-MM-dd); default today in Tashkent")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "operator code (GET /api/v1/operators): count only its network; values without "
                    + "targets, which are for every operator together") @RequestParam(required = false) String operator) {
        return progress.indicators(region, district, asOf, operator == null || operator.isBlank() ? null : operator);
    }

    @GetMapping("/indicators/regions")
    @Operation(summary = "Every region's indicator values at a date, in one answer (no targets): what the map shades by",
            description = "Units as /indicators (percent for .pct). One evaluation for all regions, where /indicators"
                    + "?region= computes each region's target series too.")
    RegionValues regionIndicators(@Parameter(description = "as-of date (yyyy-MM-dd); default today in Tashkent")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return progress.regionValues(asOf);
    }

    @GetMapping("/targets")
    @Operation(summary = "Every roadmap target with current value, gap, deadline, status and the series over past year-ends")
    TargetReport targets(
            @Parameter(description = "region code; omit for national") @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return progress.targets(region, asOf);
    }

    /** The lines a line target counts. */
    public record Subject(long targetId, String subjectLines, List<LineSubject.Line> lines) {
    }

    /** Body of a subject change: null subjectLines returns the target to the engine's fixed definition. */
    public record SubjectChange(String subjectLines) {
    }

    @GetMapping("/targets/{id}/subject")
    @Operation(summary = "The lines a line target counts (highway refs / railway keys, with their lengths)")
    Subject subject(@PathVariable long id) {
        List<LineSubject.Line> lines = progress.subjectOf(id);
        return new Subject(id, lines.isEmpty() ? null : subjectText(id), lines);
    }

    @PutMapping("/targets/{id}/subject")
    @Operation(summary = "Point a line target at other lines (admin)",
            description = "subjectLines: highway:class=international,state | highway:key=M39,M37 | "
                    + "railway:key=tashkent_samarkand_bukhara | railway:name~%Bukhara% (SQL LIKE on the English or "
                    + "Uzbek name). The target's value is then the 4G+ share (or uncovered km) of exactly those lines.")
    Subject changeSubject(@PathVariable long id, @RequestBody SubjectChange change, HttpServletRequest request) {
        AccessService.requireAdmin(AccessService.requireCaller(request));
        List<LineSubject.Line> lines = progress.changeSubject(id, change.subjectLines());
        return new Subject(id, lines.isEmpty() ? null : subjectText(id), lines);
    }

    private String subjectText(long id) {
        return progress.subjectTextOf(id);
    }
}
