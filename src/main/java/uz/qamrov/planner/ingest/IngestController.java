package uz.qamrov.planner.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.PagingProperties;

/** Uploads start import jobs; jobs report progress and, at the end, what they did. */
@RestController
class IngestController {

    private final IngestService ingest;
    private final ImportJobViews jobs;
    private final PagingProperties paging;

    IngestController(IngestService ingest, ImportJobViews jobs, PagingProperties paging) {
        this.ingest = ingest;
        this.jobs = jobs;
        this.paging = paging;
    }

    @PostMapping(path = "/api/v1/uploads/{layer}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestService.JobAccepted> upload(@PathVariable String layer,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean partial,
            @RequestParam(defaultValue = "false") boolean repair,
            @RequestParam(required = false) String snapshot,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String table,
            @RequestParam(required = false) String profile,
            @RequestParam(required = false) String map,
            @RequestParam(required = false) String values,
            @RequestParam(required = false) String defaults,
            @RequestParam(required = false) String duplicates,
            HttpServletRequest request) {
        if (snapshot != null && !snapshot.equals("full") && !snapshot.equals("delta")) {
            throw ApiException.badRequest("snapshot must be 'full' or 'delta'",
                    Map.of("parameter", "snapshot", "value", snapshot)).withMessage("detail.bad-snapshot");
        }
        var accepted = ingest.submit(AccessService.requireCaller(request), layer, file, format,
                new ImportOptions(dryRun, partial, repair, "full".equals(snapshot), operator,
                        new ImportOptions.Mapping(profile, map, values, defaults, duplicates), table));
        return ResponseEntity.accepted().location(URI.create(accepted.location())).body(accepted);
    }

    /** Import jobs, newest first, with the queue: which jobs wait, in which lane (small/large), in which place. */
    @GetMapping("/api/v1/jobs")
    ImportJobViews.JobList jobs(@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        var page = paging.page(limit, offset);
        return jobs.jobs(status, page.offset(), page.limit());
    }

    @GetMapping("/api/v1/jobs/{id}")
    ImportJobViews.JobView job(@PathVariable UUID id) {
        return jobs.job(id);
    }
}
