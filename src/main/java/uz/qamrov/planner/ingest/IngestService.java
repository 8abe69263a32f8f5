package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import uz.qamrov.planner.web.ProblemTypes;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
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
import uz.qamrov.planner.ingest.validate.SourceSchema;
import uz.qamrov.planner.ingest.validate.TruncatedNames;
import uz.qamrov.planner.web.ApiException;

/**
 * The ingest feature's entry point. An upload is checked synchronously for what makes the whole file unusable
 * (size, format, structure, CRS, whose rows it holds: 4xx at once) and then imported by a job on the import
 * executor; its row-level report is read with {@link #job(UUID)}.
 */
@Service
public class IngestService {

    private final IngestProperties properties;
    private final IngestRepository repository;
    private final ImportJobRunner runner;
    private final ImportScheduler scheduler;
    private final JobReportRepository reports;
    private final AccessService access;
    private final ObjectMapper json;
    private final Semaphore parseSlots;
    private final MappingProfileStore profiles;

    IngestService(IngestProperties properties, IngestRepository repository, ImportJobRunner runner,
            ImportScheduler scheduler, AccessService access, ObjectMapper json,
            JobReportRepository reports, MappingProfileStore profiles) {
        this.profiles = profiles;
        this.properties = properties;
        this.repository = repository;
        this.runner = runner;
        this.scheduler = scheduler;
        this.reports = reports;
        this.access = access;
        this.json = json;
        this.parseSlots = new Semaphore(properties.parseSlots(), true);
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
                + "'; layers: base-stations, fiber-routes, fiber-nodes, settlements, highways, railways, regions, districts"));
        if (!layer.network) {
            AccessService.requireAdmin(caller);
        } else if (caller.role() != Role.OPERATOR && caller.role() != Role.ADMIN) {
            throw AccessService.forbidden("uploading " + layer.key + " needs the operator or admin role");
        }
        if (options.snapshotFull() && options.partial()) {
            // a full snapshot decommissions what the file lacks; with rejected rows skipped, a site whose row was
            // merely malformed would be decommissioned
            throw ApiException.badRequest("snapshot=full cannot be combined with partial=true: a full snapshot needs every row"
                    + " of the file to be valid, or sites whose rows are rejected would be decommissioned",
                    Map.of("parameter", "partial"));
        }
        if (file == null) {
            throw ApiException.badRequest("a multipart part named 'file' is required", Map.of("field", "file"));
        }
        long limit = properties.maxUploadMb() * 1024L * 1024L;
        if (file.getSize() > limit) {
            throw FileProblems.tooLarge("the upload is " + file.getSize() + " bytes; the limit is " + properties.maxUploadMb()
                    + " MB (qamrov.ingest.max-upload-mb)", Map.of("maxUploadMb", properties.maxUploadMb()));
        }
        if (file.isEmpty()) {
            throw FileProblems.invalid("the file is empty");
        }
        ColumnMapping mapping = mapping(options.mapping()); // before parsing: a bad parameter is a 400 at once
        RowSource source = parseBounded(file, layer, formatParam, options.table());
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
        if (!source.streamed()) {
            ParsedFile parsed = toWgs84(source.parsed());
            if (parsed.format() == UploadFormat.SHAPEFILE_ZIP) {
                parsed = withCutNamesResolved(parsed, layer, mapping);
            }
            source = RowSource.inMemory(parsed);
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
                                + " only '" + caller.operatorCode() + "' rows; nothing was written");
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
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TOO_MANY_REQUESTS, "the "
                    + scheduler.laneOf(rows).name().toLowerCase(java.util.Locale.ROOT) + " import queue is full ("
                    + properties.maxQueuedJobs() + " jobs wait); retry when one has run", Map.of(), java.time.Duration.ofSeconds(30));
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

    /**
     * Copies the upload to a private temporary file (the multipart part may be in memory) and reads it there, in one
     * of {@code parse-slots}: a slot is waited for at most {@code parse-wait-seconds}, then the upload gets 503, so
     * hostile or huge files queue behind each other instead of starving the other requests of CPU and heap.
     */
    private RowSource parseBounded(MultipartFile file, Layer layer, String formatParam, String table) {
        boolean acquired;
        try {
            acquired = parseSlots.tryAcquire(properties.parseWaitSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TOO_MANY_REQUESTS,
                    "other uploads are being read; retry in a few seconds", Map.of(), java.time.Duration.ofSeconds(5));
        }
        Path tmp = null;
        boolean kept = false;
        try {
            tmp = Files.createTempFile("qamrov-upload", ".bin");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            UploadFormat format = FileParsers.detect(file.getOriginalFilename(), formatParam, TextDecoder.head(tmp, 4096));
            if (FileParsers.streams(format, layer)) {
                // delimited text: read here for the file-level checks and the row count only; the job reads it again
                TextDecoder.Text text = TextDecoder.detect(tmp);
                CsvFileReader.Streamed first = CsvFileReader.stream(text, format, layer, ParseBudget.of(properties), f -> { });
                kept = true;
                return RowSource.streamed(tmp, text, first.header(), first.rows(), layer, properties);
            }
            return RowSource.inMemory(FileParsers.parse(format, tmp, layer, properties, this::sridOfPrj, table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parseSlots.release();
            if (tmp != null && !kept) {
                tmp.toFile().delete();
            }
        }
    }

    /**
     * A shapefile's 10-character column names read as the fields they were cut from ({@link TruncatedNames}), each
     * rename stated in the report; an ambiguous one is a 400 naming the column and the fields it could be.
     */
    private static ParsedFile withCutNamesResolved(ParsedFile parsed, Layer layer, ColumnMapping mapping) {
        Map<String, String> renames;
        try {
            renames = TruncatedNames.forShapefile(parsed.columns(), layer, mapping);
        } catch (TruncatedNames.Ambiguous e) {
            throw FileProblems.invalid(e.getMessage(), Map.of("column", e.column(), "candidates", e.candidates()));
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        renames.forEach((column, field) -> warnings.add("shapefile column '" + column + "' read as " + field
                + " (dBASE field names hold at most " + TruncatedNames.DBF_NAME_CHARS + " characters)"));
        return parsed.withColumnsRenamed(renames, warnings);
    }

    /** The profile (built in or saved) with the ad-hoc parameters on top; a parameter that does not parse is a 400. */
    private ColumnMapping mapping(ImportOptions.Mapping m) {
        ColumnMapping profile = null;
        if (m.profile() != null && !m.profile().isBlank()) {
            profile = profiles.find(m.profile().strip()).orElseThrow(() -> ApiException.badRequest("unknown mapping profile '"
                    + m.profile() + "'; built in: " + MappingProfiles.builtIns().stream().map(MappingProfiles.Definition::name).toList()
                    + " (saved ones: GET /api/v1/mapping-profiles)", Map.of("parameter", "profile", "value", m.profile())));
        }
        try {
            return ColumnMapping.of(profile, m.map(), m.values(), m.defaults());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw ApiException.badRequest(message, Map.of("parameter", message.substring(0, Math.max(0, message.indexOf(':')))));
        }
    }

    private static DuplicatePolicy duplicates(ImportOptions.Mapping m, ColumnMapping mapping, UploadFormat format) {
        if (m.duplicates() != null && !m.duplicates().isBlank()) {
            return DuplicatePolicy.of(m.duplicates()).orElseThrow(() -> ApiException.badRequest("duplicates must be 'reject' or"
                    + " 'keep-latest'", Map.of("parameter", "duplicates", "value", m.duplicates())));
        }
        return mapping.duplicates() != null ? mapping.duplicates() : DuplicatePolicy.defaultFor(format);
    }

    private String defaultOperator(Caller caller, ImportOptions options, OperatorDirectory operators) {
        if (options.operator() == null) {
            return caller.operatorCode();
        }
        String op = operators.byCodeOrName(options.operator()).orElseThrow(() -> ApiException.badRequest(
                "unknown operator '" + options.operator() + "'", Map.of("parameter", "operator", "value", options.operator())));
        if (!caller.mayWriteOperator(op)) {
            throw AccessService.forbidden("this token may write only '" + caller.operatorCode() + "' rows, not '" + op + "'");
        }
        return op;
    }

    private Integer sridOfPrj(String wkt) {
        Integer code = Crs.fromWktAuthority(wkt);
        if (code == null) {
            String name = Crs.wktName(wkt);
            if (name != null && name.matches("wgs84|wgs1984|gcswgs1984")) {
                code = Crs.WGS84;
            } else if (name != null) {
                code = repository.sridByNormalisedName(name).orElse(null);
            }
        }
        return code;
    }

    /** Reprojects a file's geometries to EPSG:4326 with PostGIS when it declares another CRS. */
    private ParsedFile toWgs84(ParsedFile parsed) {
        if (parsed.srid() == Crs.WGS84) {
            return parsed;
        }
        if (!repository.sridExists(parsed.srid())) {
            throw FileProblems.invalid("the file's CRS EPSG:" + parsed.srid() + " is not known to PostGIS");
        }
        List<byte[]> wkb = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        WKBWriter writer = new WKBWriter(2);
        for (int i = 0; i < parsed.features().size(); i++) {
            Geometry g = parsed.features().get(i).geometry();
            if (g != null) {
                wkb.add(writer.write(g));
                at.add(i);
            }
        }
        List<byte[]> out = wkb.isEmpty() ? List.of() : repository.transformTo4326(wkb, parsed.srid());
        List<SourceFeature> features = new ArrayList<>(parsed.features());
        WKBReader reader = new WKBReader();
        try {
            for (int k = 0; k < at.size(); k++) {
                SourceFeature f = features.get(at.get(k));
                features.set(at.get(k), new SourceFeature(f.number(), f.attrs(), reader.read(out.get(k)), f.readError()));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.add("reprojected from EPSG:" + parsed.srid() + " to EPSG:4326");
        return new ParsedFile(parsed.format(), features, Crs.WGS84, warnings, parsed.columns());
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
                    Map.of("parameter", "status", "value", status));
        }
        List<ImportScheduler.Queued> queue = scheduler.queue();
        Map<UUID, ImportScheduler.Queued> queued = new java.util.HashMap<>();
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

    public JobView job(UUID id) {
        var row = repository.findJob(id).orElseThrow(() -> ApiException.notFound("no import job " + id));
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

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
