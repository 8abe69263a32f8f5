package uz.qamrov.planner.geodata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "About the data", description = "Which layers are real, derived or synthetic, and the credits")
class AboutController {

    private final AboutService about;

    AboutController(AboutService about) {
        this.about = about;
    }

    @GetMapping("/api/v1/about")
    @Operation(summary = "What the loaded dataset is made of (real / derived / synthetic per layer, with counts) and "
            + "the attribution the open sources require")
    DatasetAbout about() {
        return about.about();
    }
}
