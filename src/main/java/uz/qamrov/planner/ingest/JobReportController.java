package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ListWriter;
import uz.qamrov.planner.web.OutputFormat;
import uz.qamrov.planner.web.PageLinks;
import uz.qamrov.planner.web.PagingProperties;

/**
 * The long parts of a job report. JSON is paged ({@code limit}, {@code offset}, {@code next} link); CSV and GeoJSON
 * ({@code f=} or {@code Accept}) download every row unless {@code limit} is given, streamed from a cursor.
 */
@RestController
@Tag(name = "jobs", description = "Import jobs: row errors with the rejected rows, and the diff of every import and dry run")
class JobReportController {

    private final ImportJobViews jobs;
    private final JobReportRepository reports;
    private final PagingProperties paging;
    private final ListWriter writer;
    private final ObjectMapper json;

    JobReportController(ImportJobViews jobs, JobReportRepository reports, PagingProperties paging, ListWriter writer,
            ObjectMapper json) {
        this.jobs = jobs;
        this.reports = reports;
        this.paging = paging;
        this.writer = writer;
        this.json = json;
    }

    @GetMapping("/api/v1/jobs/{id}/errors")
    @Operation(summary = "Every row error of a job, with the rejected row as read (properties.source) and its geometry",
            description = "kind=superseded: instead, every row a later duplicate replaced (duplicates=keep-latest)")
    ResponseEntity<StreamingResponseBody> errors(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String f,
            @RequestParam(required = false) String kind,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        jobs.job(id); // 404 for an unknown job
        String k = kind == null ? JobReportRepository.ERROR : kind;
        if (!k.equals(JobReportRepository.ERROR) && !k.equals(JobReportRepository.SUPERSEDED)) {
            throw ApiException.badRequest("kind is error or superseded",
                    java.util.Map.of("parameter", "kind", "value", k))
                    .withMessage("detail.bad-error-kind");
        }
        OutputFormat format = OutputFormat.negotiate(f, accept);
        PagingProperties.Page page = page(format, limit, offset);
        long matched = reports.countErrors(id, k);
        List<String> columns = new ArrayList<>(JobReportRepository.ERROR_COLUMNS);
        if (format == OutputFormat.CSV) {
            // the rejected row's own columns follow the error's, flattened from properties.source
            reports.errorAttributeNames(id, k).forEach(a -> columns.add("source." + a));
        }
        var links = PageLinks.of(page, matched, format.mediaType().toString());
        var rows = reports.errors(id, k, page.offset(), page.limit());
        return writer.response(format, new ListWriter.Envelope(matched, links, columns, "job-" + id + "-" + k
                + (k.equals(JobReportRepository.ERROR) ? "s" : "")),
                format == OutputFormat.CSV ? flattenSource(rows) : rows);
    }

    @GetMapping("/api/v1/jobs/{id}/diff")
    @Operation(summary = "What an import (or dry run) changed: rows added / moved (> 50 m) / re-parametrised (which fields) / "
            + "removed, per operator with fiber km, and the indicator changes per region and nationally")
    ResponseEntity<StreamingResponseBody> diff(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ImportJobViews.JobView job = jobs.job(id);
        OutputFormat format = OutputFormat.negotiate(f, accept);
        PagingProperties.Page page = page(format, limit, offset);
        long matched = reports.countDiff(id);
        var links = PageLinks.of(page, matched, format.mediaType().toString());
        var rows = reports.diff(id, page.offset(), page.limit());
        if (format != OutputFormat.JSON) {
            return writer.response(format, new ListWriter.Envelope(matched, links, JobReportRepository.DIFF_COLUMNS,
                    "job-" + id + "-diff"), rows);
        }
        var summary = reports.diffSummary(id);
        JsonNode report = job.report();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> {
            try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("jobId", id.toString());
                g.writeStringField("layer", job.layer());
                g.writeStringField("status", job.status());
                g.writeBooleanField("dryRun", job.dryRun());
                g.writeFieldName("operators");
                json.writeValue(g, summary);
                g.writeFieldName("indicatorChanges");
                json.writeValue(g, report == null ? List.of() : report.path("indicatorChanges"));
                if (report != null && report.hasNonNull("coverageNote")) {
                    g.writeStringField("coverageNote", report.get("coverageNote").asText());
                } else if (job.dryRun()) {
                    g.writeStringField("coverageNote", "dry run: nothing was written, so indicators were not recomputed");
                }
                g.writeArrayFieldStart("items");
                long[] n = {0};
                rows.forEach(r -> {
                    try {
                        g.writeRawValue(r.propertiesJson());
                        n[0]++;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.writeNumberField("numberMatched", matched);
                g.writeNumberField("numberReturned", n[0]);
                g.writeFieldName("links");
                json.writeValue(g, links);
                g.writeEndObject();
            }
        });
    }

    /** JSON pages by the configured limits; a download (CSV, GeoJSON) is whole unless a limit is asked for. */
    private PagingProperties.Page page(OutputFormat format, Integer limit, Integer offset) {
        if (format != OutputFormat.JSON && limit == null) {
            return new PagingProperties.Page(Integer.MAX_VALUE, paging.page(null, offset).offset());
        }
        return paging.page(limit, offset);
    }

    /** CSV rows carry the rejected row's attributes as {@code source.<name>} columns. */
    private uz.qamrov.planner.web.RowSource flattenSource(uz.qamrov.planner.web.RowSource rows) {
        return sink -> rows.forEach(r -> {
            try {
                var props = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(r.propertiesJson());
                JsonNode source = props.remove("source");
                if (source != null && source.isObject()) {
                    source.fields().forEachRemaining(e -> props.set("source." + e.getKey(), e.getValue()));
                }
                sink.accept(new uz.qamrov.planner.web.FeatureRow(r.id(), r.geometryJson(), props.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
