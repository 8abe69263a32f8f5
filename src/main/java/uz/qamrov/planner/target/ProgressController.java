package uz.qamrov.planner.target;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return progress.indicators(region, district, asOf);
    }

    @GetMapping("/targets")
    @Operation(summary = "Every roadmap target with current value, gap, deadline, status and the series over past year-ends")
    TargetReport targets(
            @Parameter(description = "region code; omit for national") @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return progress.targets(region, asOf);
    }
}
