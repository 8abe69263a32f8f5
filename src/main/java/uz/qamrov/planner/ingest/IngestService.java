package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import uz.qamrov.planner.web.ProblemTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.Role;
import uz.qamrov.planner.ingest.validate.ColumnMapping;
import uz.qamrov.planner.ingest.validate.DuplicatePolicy;
import uz.qamrov.planner.ingest.validate.MappingProfiles;
import uz.qamrov.planner.ingest.validate.MappingSyntaxException;
import uz.qamrov.planner.ingest.validate.SourceSchema;
import uz.qamrov.planner.web.ApiException;

/**
 * The ingest feature's entry point. An upload is checked synchronously for what makes the whole file unusable
 * (size, format, structure, CRS, whose rows it holds: 4xx at once) and then imported by a job on the import
 * executor; its row-level report is read with {@link #job(UUID)}. The first read of the file is
 * {@link UploadReader}'s; the views of jobs and of the queue are {@link ImportJobViews}'.
 */
@Service
public class IngestService {

    private final IngestProperties properties;
    private final IngestRepository repository;
    private final ImportJobRunner runner;
    private final ImportScheduler scheduler;
    private final AccessService access;
    private final ObjectMapper json;
    private final MappingProfileStore profiles;
    private final UploadReader reader;
    private final ImportJobViews views;

    IngestService(IngestProperties properties, IngestRepository repository, ImportJobRunner runner,
            ImportScheduler scheduler, AccessService access, ObjectMapper json, MappingProfileStore profiles,
            UploadReader reader, ImportJobViews views) {
        this.profiles = profiles;
        this.properties = properties;
        this.repository = repository;
        this.runner = runner;
        this.scheduler = scheduler;
        this.access = access;
        this.json = json;
        this.reader = reader;
        this.views = views;
    }

    /** A job the API accepted. */
    public record JobAccepted(UUID id, String status, String location) {
    }

    /** Marks jobs a dead process left queued/running as failed (their transaction never committed). */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterruptedJobs() {
        repository.failInterruptedJobs();
    }

    JobAccepted submit(Caller caller, String layerKey, MultipartFile file, String formatParam, ImportOptions options) {
        Layer layer = Layer.of(layerKey).orElseThrow(() -> ApiException.notFound("no such upload layer '" + layerKey
                + "'; layers: base-stations, fiber-routes, fiber-nodes, settlements, highways, railways, regions,"
                + " districts").withMessage("detail.no-upload-layer", Map.of("layer", String.valueOf(layerKey))));
        if (!layer.network) {
            AccessService.requireAdmin(caller);
        } else if (caller.role() != Role.OPERATOR && caller.role() != Role.ADMIN) {
            throw AccessService.forbidden("uploading " + layer.key + " needs the operator or admin role")
                    .withMessage("detail.upload-forbidden", Map.of("layer", layer.key));
        }
        if (options.snapshotFull() && options.partial()) {
            // a full snapshot decommissions what the file lacks; with rejected rows skipped, a site whose row was
            // merely malformed would be decommissioned
            throw ApiException.badRequest("snapshot=full cannot be combined with partial=true: a full snapshot needs every row"
                    + " of the file to be valid, or sites whose rows are rejected would be decommissioned",
                    Map.of("parameter", "partial")).withMessage("detail.full-snapshot-partial");
        }
        if (file == null) {
            throw ApiException.badRequest("a multipart part named 'file' is required", Map.of("field", "file"))
                    .withMessage("detail.file-part-required");
        }
        long limit = properties.maxUploadMb() * 1024L * 1024L;
        if (file.getSize() > limit) {
            throw FileProblems.tooLarge("the upload is " + file.getSize() + " bytes; the limit is " + properties.maxUploadMb()
                    + " MB (qamrov.ingest.max-upload-mb)", Map.of("maxUploadMb", properties.maxUploadMb()))
                    .withMessage("detail.upload-too-large",
                            Map.of("bytes", file.getSize(), "maxUploadMb", properties.maxUploadMb()));
        }
        if (file.isEmpty()) {
            throw FileProblems.invalid("the file is empty").withMessage("detail.file-empty");
        }
        ColumnMapping mapping = mapping(options.mapping()); // before parsing: a bad parameter is a 400 at once
        RowSource source = reader.read(file, layer, formatParam, options.table(), mapping);
        try {
            return submit(caller, layer, file, options, mapping, source);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** After the first read: the file-level checks on the rows, then the job (which then owns {@code source}). */
    private JobAccepted submit(Caller caller, Layer layer, MultipartFile file, ImportOptions options, ColumnMapping mapping,
            RowSource source) {
        DuplicatePolicy duplicates = duplicates(options.mapping(), mapping, source.format());
        if (duplicates == DuplicatePolicy.MERGE && layer != Layer.HIGHWAYS && layer != Layer.RAILWAYS) {
            throw ApiException.badRequest("duplicates=merge joins the pieces of a line: it applies to highways and railways,"
                    + " not to " + layer.key(), Map.of("parameter", "duplicates", "value", "merge"))
                    .withMessage("detail.merge-lines-only", Map.of("layer", layer.key()));
        }
        if (!mapping.isEmpty()) {
            source = source.mapped(mapping::apply);
        }
        RequiredColumns.check(source.format(), source.columns(), layer, mapping);
        OperatorDirectory operators = repository.operators();
        String defaultOperator = defaultOperator(caller, options, operators);
        boolean checkOperators = layer.network && caller.role() == Role.OPERATOR;
        if (checkOperators || !mapping.isEmpty()) {
            // one pass over the (mapped) rows: the token's operator check, and the mapping's per-rule counts
            RowSource rows = source;
            rows.forEach(f -> {
                if (checkOperators) {
                    String op = SourceSchema.operatorOf(f, rows.format(), operators, defaultOperator);
                    if (op != null && !op.equals(caller.operatorCode())) {
                        throw AccessService.forbidden("row " + f.number() + " belongs to operator '" + op + "'; this token may write"
                                + " only '" + caller.operatorCode() + "' rows; nothing was written")
                                .withMessage("detail.row-of-other-operator",
                                        Map.of("row", f.number(), "operator", op, "own", caller.operatorCode()));
                    }
                }
            });
        }
        if (!mapping.isEmpty()) {
            List<String> warnings = new ArrayList<>(source.warnings());
            warnings.addAll(mapping.describe());
            source = source.withWarnings(warnings);
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("dryRun", options.dryRun());
        opts.put("partial", options.partial());
        opts.put("repair", options.repair());
        opts.put("snapshot", options.snapshotFull() ? "full" : "delta");
        if (options.operator() != null) {
            opts.put("operator", options.operator());
        }
        if (!mapping.isEmpty()) {
            opts.put("mapping", mapping.name());
        }
        opts.put("duplicates", duplicates.key());
        int rows = source.size();
        if (!scheduler.hasRoom(rows)) {
            String lane = scheduler.laneOf(rows).name().toLowerCase(java.util.Locale.ROOT);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TOO_MANY_REQUESTS, "the " + lane
                    + " import queue is full (" + properties.maxQueuedJobs() + " jobs wait); retry when one has run",
                    Map.of(), java.time.Duration.ofSeconds(30))
                    .withMessage("detail.import-queue-full", Map.of("lane", lane, "max", properties.maxQueuedJobs()));
        }
        repository.insertJob(id, layer, source.format(), file.getOriginalFilename(), options.dryRun(), write(opts), caller.name(),
                caller.operatorCode(), rows);
        repository.setLane(id, scheduler.laneOf(rows).name().toLowerCase(java.util.Locale.ROOT));
        access.audit(caller.name(), "upload", layer.key, id, Map.of("file", String.valueOf(file.getOriginalFilename()),
                "bytes", file.getSize(), "format", source.format().key, "rows", rows, "options", opts));
        ImportJobRunner.Job job = new ImportJobRunner.Job(id, layer, source, options, caller.name(), defaultOperator, operators,
                file.getOriginalFilename(), duplicates);
        scheduler.submit(id, rows, () -> runner.run(job));
        return new JobAccepted(id, "queued", "/api/v1/jobs/" + id);
    }

    /** The profile (built in or saved) with the ad-hoc parameters on top; a parameter that does not parse is a 400. */
    private ColumnMapping mapping(ImportOptions.Mapping m) {
        ColumnMapping profile = null;
        if (m.profile() != null && !m.profile().isBlank()) {
            var builtIns = MappingProfiles.builtIns().stream().map(MappingProfiles.Definition::name).toList();
            profile = profiles.find(m.profile().strip()).orElseThrow(() -> ApiException.badRequest("unknown mapping profile '"
                    + m.profile() + "'; built in: " + builtIns + " (saved ones: GET /api/v1/mapping-profiles)",
                    Map.of("parameter", "profile", "value", m.profile()))
                    .withMessage("detail.unknown-mapping-profile", Map.of("value", m.profile(), "builtIns", builtIns)));
        }
        try {
            return ColumnMapping.of(profile, m.map(), m.values(), m.defaults());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            ApiException bad = ApiException.badRequest(message,
                    Map.of("parameter", message.substring(0, Math.max(0, message.indexOf(':')))));
            throw e instanceof MappingSyntaxException s ? bad.withMessage(s.messageKey(), s.messageArgs()) : bad;
        }
    }

    private static DuplicatePolicy duplicates(ImportOptions.Mapping m, ColumnMapping mapping, UploadFormat format) {
        if (m.duplicates() != null && !m.duplicates().isBlank()) {
            return DuplicatePolicy.of(m.duplicates()).orElseThrow(() -> ApiException.badRequest(DuplicatePolicy.ACCEPTED,
                    Map.of("parameter", "duplicates", "value", m.duplicates())).withMessage("detail.bad-duplicates"));
        }
        return mapping.duplicates() != null ? mapping.duplicates() : DuplicatePolicy.defaultFor(format);
    }

    private String defaultOperator(Caller caller, ImportOptions options, OperatorDirectory operators) {
        if (options.operator() == null) {
            return caller.operatorCode();
        }
        String op = operators.byCodeOrName(options.operator()).orElseThrow(() -> ApiException.badRequest(
                "unknown operator '" + options.operator() + "'",
                Map.of("parameter", "operator", "value", options.operator())).withMessage("detail.unknown-operator"));
        if (!caller.mayWriteOperator(op)) {
            throw AccessService.forbidden("this token may write only '" + caller.operatorCode() + "' rows, not '" + op
                    + "'")
                    .withMessage("detail.operator-writes-own", Map.of("own", caller.operatorCode(), "operator", op));
        }
        return op;
    }

    /** A job as the API shows it (see {@link ImportJobViews}). */
    public ImportJobViews.JobView job(UUID id) {
        return views.job(id);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
