package uz.qamrov.planner.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "search", description = "Place search over regions, districts and settlements in four scripts")
class SearchController {

    private final PlaceSearch search;

    SearchController(PlaceSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Places by name",
            description = "Matches Uzbek Latin and Cyrillic, Russian and English names, whatever apostrophe is typed "
                    + "(o' oʻ o‘) and across transliterations (\"Kungrad\", \"Қўнғирот\" and \"Qongirot\" all find Qoʻngʻirot). "
                    + "Best first: exact name, name prefix, word prefix, anywhere; regions, then districts, then settlements "
                    + "by population.")
    List<Place> search(@Parameter(description = "the name, or its beginning") @RequestParam String q,
            @Parameter(description = "at most this many places (default 10, maximum 50)") @RequestParam(required = false) Integer limit) {
        return search.search(q, limit);
    }
}
