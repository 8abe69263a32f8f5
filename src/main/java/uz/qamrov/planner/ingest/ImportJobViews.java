package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.web.ApiException;

/**
 * Import jobs as the API shows them: one job with its live progress and report, and the job list with the queue.
 * Read-only; {@link IngestService} submits the jobs.
 */
@Service
class ImportJobViews {

    private final IngestRepository repository;
    private final JobReportRepository reports;
    private final ImportJobRunner runner;
    private final ImportScheduler scheduler;
    private final ObjectMapper json;

    ImportJobViews(IngestRepository repository, JobReportRepository reports, ImportJobRunner runner, ImportScheduler scheduler,
            ObjectMapper json) {
        this.repository = repository;
        this.reports = reports;
        this.runner = runner;
        this.scheduler = scheduler;
        this.json = json;
    }

    /** A job as the API shows it. */
    public record JobView(UUID id, String layer, String format, String fileName, String status, boolean dryRun,
            JsonNode options, String submittedBy, String operatorCode, JobProgress progress, JsonNode report, String error,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, Map<String, String> links) {
    }

    /** @param phase validate, write or coverage while the job runs; null before and after */
    public record JobProgress(String phase, int rowsRead, Integer rowsTotal, double percent) {
    }

    /**
     * The job list (newest first) and the queue: each queued job's lane and 1-based place in it.
     *
     * @param queuePosition null unless the job waits
     */
    public record JobListItem(UUID id, String layer, String format, String fileName, String status, boolean dryRun,
            String submittedBy, String operatorCode, Integer rowsTotal, String lane, Integer queuePosition, String phase,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    public record JobList(List<JobListItem> items, List<ImportScheduler.Queued> queue, long numberMatched,
            int numberReturned) {
    }

    JobList jobs(String status, long offset, int limit) {
        if (status != null && !List.of("queued", "running", "succeeded", "rejected", "failed").contains(status)) {
            throw ApiException.badRequest("status must be queued, running, succeeded, rejected or failed",
                    Map.of("parameter", "status", "value", status)).withMessage("detail.bad-job-status");
        }
        List<ImportScheduler.Queued> queue = scheduler.queue();
        Map<UUID, ImportScheduler.Queued> queued = new HashMap<>();
        queue.forEach(q -> queued.put(q.id(), q));
        List<JobListItem> items = reports.jobs(status, offset, limit).stream().map(j -> {
            var q = queued.get(j.id());
            var live = runner.progress.get(j.id());
            return new JobListItem(j.id(), j.layer(), j.format(), j.fileName(), j.status(), j.dryRun(), j.submittedBy(),
                    j.operatorCode(), j.rowsTotal(), j.lane(), q == null ? null : q.position(), live == null ? null : live.phase(),
                    j.createdAt(), j.startedAt(), j.finishedAt());
        }).toList();
        return new JobList(items, queue, reports.countJobs(status), items.size());
    }

    JobView job(UUID id) {
        var row = repository.findJob(id).orElseThrow(() -> ApiException.notFound("no import job " + id)
                .withMessage("detail.no-import-job", Map.of("id", id)));
        var live = runner.progress.get(id);
        int read = live != null ? live.rowsRead() : row.rowsRead();
        Integer total = row.rowsTotal();
        double pct = total == null || total == 0 ? 0 : Math.round(1000.0 * read / total) / 10.0;
        String base = "/api/v1/jobs/" + row.id();
        return new JobView(row.id(), row.layer(), row.format(), row.fileName(), row.status(), row.dryRun(), read(row.options()),
                row.submittedBy(), row.operatorCode(), new JobProgress(live == null ? null : live.phase(), read, total, pct),
                read(row.report()), row.error(), row.createdAt(), row.startedAt(), row.finishedAt(),
                Map.of("self", base, "errors", base + "/errors", "diff", base + "/diff"));
    }

    private JsonNode read(String s) {
        try {
            return s == null ? null : json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
