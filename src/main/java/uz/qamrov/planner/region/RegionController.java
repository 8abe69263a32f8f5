package uz.qamrov.planner.region;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "Regions (viloyatlar) and districts (tumanlar)")
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "All regions: code, names in uz-Latn/uz-Cyrl/ru/en, population, approximate flag, bbox")
    List<Region> regions() {
        return regions.regions();
    }

    @GetMapping("/{code}/districts")
    @Operation(summary = "The districts of a region (404 problem for an unknown region code)")
    List<Region> districts(@PathVariable String code) {
        return regions.districts(code);
    }
}
