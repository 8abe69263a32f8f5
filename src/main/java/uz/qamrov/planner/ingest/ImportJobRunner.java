package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.coverage.CoverageUpdater;
import uz.qamrov.planner.coverage.IndicatorChange;
import uz.qamrov.planner.coverage.NetworkChange;
import uz.qamrov.planner.ingest.validate.DuplicatePolicy;
import uz.qamrov.planner.ingest.validate.ValidationContext;

/**
 * Runs one import job: validate every row (fields, then the country outline in the database), then — unless rows
 * were rejected and the upload is all-or-nothing — write everything in ONE transaction (a dry run rolls it back),
 * then tell the {@link CoverageUpdater} what changed and store its indicator changes in the report. A dry run reads
 * the rows it would change before its rollback and reports their indicator changes as a what-if
 * ({@link DryRunPreview}): the live model and the database stay as they were.
 */
@Component
class ImportJobRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);

    /** Why lines are limited and what to do, after either message of the limit. */
    private static final String LINE_LIMIT_WHY = " (qamrov.ingest.max-line-km): the coverage model keeps every line's"
            + " reach. Upload the roads the indicators count (with profile=geofabrik-roads: motorway, trunk, primary,"
            + " secondary)";

    /** @param file the upload's rows, read again on each pass of the validation (the job owns it: closed at its end) */
    record Job(UUID id, Layer layer, RowSource file, ImportOptions options, String actor, String defaultOperator,
            OperatorDirectory operators, String fileName, DuplicatePolicy duplicates) {
    }

    /** A dry run's indicator changes (a what-if) and the note that says where they come from. */
    private record Preview(List<IndicatorChange> changes, String note) {
    }

    /** Where a running job is: {@code phase} is validate, write or coverage; counts are source rows. */
    record Progress(String phase, int rowsRead, int rowsTotal) {
    }

    private final IngestRepository repository;
    private final DatabaseRowChecks databaseChecks;
    private final ImportWriter writer;
    private final IngestProperties properties;
    private final TransactionTemplate tx;
    private final ObjectProvider<CoverageUpdater> coverage;
    private final ObjectProvider<ImportObserver> observers;
    private final ObjectProvider<DryRunPreview> previews;
    private final AccessService access;
    private final ObjectMapper json;
    private final JobReportRepository reports;
    final Map<UUID, Progress> progress = new ConcurrentHashMap<>();

    ImportJobRunner(IngestRepository repository, DatabaseRowChecks databaseChecks, ImportWriter writer, IngestProperties properties, TransactionTemplate tx,
            ObjectProvider<CoverageUpdater> coverage, ObjectProvider<ImportObserver> observers,
            ObjectProvider<DryRunPreview> previews, AccessService access, ObjectMapper json, JobReportRepository reports) {
        this.previews = previews;
        this.repository = repository;
        this.databaseChecks = databaseChecks;
        this.writer = writer;
        this.properties = properties;
        this.tx = tx;
        this.coverage = coverage;
        this.observers = observers;
        this.access = access;
        this.json = json;
        this.reports = reports;
    }

    void run(Job job) {
        try (RowSource file = job.file()) {
            runValidated(job);
        }
    }

    private void runValidated(Job job) {
        int total = job.file().size();
        String status;
        ImportReport report = null;
        String error = null;
        int rowsRead = 0;
        StageSpool spool = null;
        AdminRowSpool adminRows = null;
        try {
            repository.markRunning(job.id());
            enter(job.id(), "validate", 0, total);
            LocalDate today = LocalDate.now(properties.timeZone());
            ValidationContext ctx = new ValidationContext(job.layer(), job.file().format(), job.operators(), job.defaultOperator(),
                    today, properties, job.options().repair(), job.duplicates());
            ChunkedValidation.Result v = new ChunkedValidation(job.id(), ctx, databaseChecks, reports,
                    properties.maxReportedErrors(), StagingRepository.CHUNK,
                    read -> progress.put(job.id(), new Progress("validate", read, total))).run(job.file());
            spool = v.spool();
            adminRows = v.adminRows();
            rowsRead = total;
            progress.put(job.id(), new Progress("validate", total, total));
            List<String> warnings = new ArrayList<>(job.file().warnings());
            warnings.addAll(v.warnings());
            warnings.addAll(v.supersededLines());
            int rejected = v.rejectedRows();
            int superseded = v.superseded();
            int validRows = v.validRows();
            boolean nothingValid = job.layer().network ? spool.entities() == 0 : v.adminRows().isEmpty();
            // the layer's limit, known before any write when the upload alone is over it (checkLayerLength after)
            String tooLong = v.lineKm() > properties.maxLineKm() ? String.format(Locale.ROOT,
                    "rejected: nothing was written; the valid lines are %.0f km long and one upload may hold at most %.0f km"
                    + LINE_LIMIT_WHY, v.lineKm(), properties.maxLineKm()) : null;
            boolean reject = (rejected > 0 && !job.options().partial()) || nothingValid || tooLong != null;
            List<RowError> shown = v.shown();
            if (reject) {
                status = "rejected";
                report = rejectedReport(job, total, v, warnings, tooLong != null ? tooLong : rejected == 0 ? "nothing to import"
                        : "rejected: nothing was written (all-or-nothing; use ?partial=true to import the valid rows)");
            } else {
                enter(job.id(), "write", 0, total);
                Written w;
                try {
                    w = write(job, v, spool, adminRows, today, total);
                } catch (LayerTooLongException e) {
                    w = null; // thrown inside the transaction: it rolled back, nothing was written
                    report = rejectedReport(job, total, v, warnings, e.getMessage());
                }
                if (w == null) {
                    status = "rejected";
                } else {
                    status = "succeeded";
                    ImportWriter.Outcome outcome = w.outcome();
                    ImportReport.RowCounts counts = new ImportReport.RowCounts(total, validRows, rejected, superseded,
                            total - validRows - rejected - superseded);
                    report = new ImportReport(job.layer().key, job.file().format().key, job.options().dryRun(),
                            job.options().partial(), total, outcome.inserted(), outcome.updated(), outcome.unchanged(),
                            outcome.decommissioned(), rejected, v.errors(), shown, warnings, List.of(),
                            job.options().dryRun() ? "dry run: nothing was written" : null, counts);
                    enter(job.id(), "coverage", total, total);
                    report = job.options().dryRun() ? previewCoverage(w.preview(), report)
                            : updateCoverage(job.layer(), outcome, report);
                }
            }
        } catch (RuntimeException e) {
            log.warn("import job {} failed: {}", job.id(), e.toString());
            status = "failed";
            error = "the import failed and was rolled back; nothing was written: " + rootMessage(e);
        } finally {
            if (spool != null) {
                spool.close();
            }
            if (adminRows != null) {
                adminRows.close();
            }
        }
        // the audit row first: whoever sees the job finished finds its audit row too (IngestIT read it right after
        // the job's status and, written after it, sometimes missed it)
        access.audit(job.actor(), "import." + status, job.layer().key, job.id(), report == null
                ? Map.of("error", String.valueOf(error))
                : Map.of("inserted", report.inserted(), "updated", report.updated(), "unchanged", report.unchanged(),
                        "decommissioned", report.decommissioned(), "rejected", report.rejected(), "dryRun", report.dryRun()));
        try {
            repository.finishJob(job.id(), status, rowsRead, report == null ? null : json.writeValueAsString(report), error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            progress.remove(job.id());
        }
    }

    /** What an upload's transaction wrote, and for a dry run its what-if (null otherwise). */
    private record Written(ImportWriter.Outcome outcome, Supplier<Preview> preview) {
    }

    /**
     * Writes the validated rows in one transaction (a dry run's writes are undone before its commit).
     *
     * @throws LayerTooLongException when the lines layer would hold more than the limit (rolled back)
     */
    private Written write(Job job, ChunkedValidation.Result v, StageSpool staged, AdminRowSpool adminStaged,
            LocalDate today, int total) {
        String source = "upload:" + (job.fileName() == null ? job.id() : job.fileName());
        List<Supplier<Preview>> preview = new ArrayList<>(1);
        ImportWriter.Target to = new ImportWriter.Target(job.id(), today, source, job.options().snapshotFull());
        ImportWriter.Outcome outcome = tx.execute(s -> {
            // observers hear of rows written; a dry run's writes never stay (its commit keeps only its diff)
            IntConsumer written = job.options().dryRun()
                    ? done -> progress.put(job.id(), new Progress("write", done, total))
                    : done -> observe(job.id(), done, total);
            // a dry run keeps its diff (stored before the writes) and undoes everything after it
            Object[] beforeWrites = new Object[1];
            Runnable mark = job.options().dryRun() ? () -> beforeWrites[0] = s.createSavepoint() : () -> { };
            ImportWriter.Outcome o = job.layer().network
                    ? writer.write(job.layer(), staged, to, written, mark)
                    : writer.writeAdmin(job.layer(), adminStaged, to.source(), written, v.boundaryCodes());
            checkLayerLength(job.layer(), v.lineKm());
            if (job.options().dryRun()) {
                preview.add(prepareDryRun(job.layer(), o, today));
                if (beforeWrites[0] != null) {
                    s.rollbackToSavepoint(beforeWrites[0]);
                } else {
                    s.setRollbackOnly();
                }
            }
            return o;
        });
        return new Written(outcome, preview.isEmpty() ? null : preview.get(0));
    }

    /** The report of an upload rejected whole: nothing written, {@code message} says why. */
    private static ImportReport rejectedReport(Job job, int total, ChunkedValidation.Result v, List<String> warnings,
            String message) {
        int rejected = v.rejectedRows();
        int superseded = v.superseded();
        ImportReport.RowCounts counts = new ImportReport.RowCounts(total, 0, rejected, superseded,
                total - rejected - superseded);
        return new ImportReport(job.layer().key, job.file().format().key, job.options().dryRun(), job.options().partial(),
                total, 0, 0, 0, 0, rejected == 0 ? total : rejected, v.errors(), v.shown(), warnings, List.of(), message,
                counts);
    }

    /** A highways or railways layer holds too many kilometres of lines after an upload's writes (rolls them back). */
    private static final class LayerTooLongException extends RuntimeException {
        LayerTooLongException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * After the writes, inside their transaction: the whole layer may hold at most {@code qamrov.ingest.max-line-km}
     * (an upload under the limit could still take a layer over it, as two halves of one roads file would).
     */
    private void checkLayerLength(Layer layer, double uploadKm) {
        if (uploadKm == 0) {
            return; // no lines in this upload (another layer): nothing to add up
        }
        double km = repository.lineKm(layer);
        if (km > properties.maxLineKm()) {
            throw new LayerTooLongException(String.format(Locale.ROOT,
                    "rejected: nothing was written; with this upload's %.0f km of lines the %s layer would hold %.0f km,"
                    + " and a layer may hold at most %.0f km" + LINE_LIMIT_WHY, uploadKm, layer.key, km,
                    properties.maxLineKm()));
        }
    }

    /** The job's progress says it is in {@code phase}, then the observers hear of it. */
    private void enter(UUID id, String phase, int read, int total) {
        progress.put(id, new Progress(phase, read, total));
        observers.orderedStream().forEach(o -> o.phaseStarted(id, phase, total));
    }

    private void observe(UUID id, int done, int total) {
        progress.put(id, new Progress("write", done, total));
        observers.orderedStream().forEach(o -> o.rowsWritten(id, done, total));
    }

    private static NetworkChange changeOf(Layer layer, ImportWriter.Outcome o) {
        return layer.network
                ? new NetworkChange(o.baseStationIds(), o.fiberRouteIds(), o.fiberNodeIds(), false)
                : (o.inserted() + o.updated() > 0 ? NetworkChange.adminLayers() : new NetworkChange(Set.of(), Set.of(), Set.of(), false));
    }

    /**
     * Inside the dry run's transaction: read what the change would load (before the rollback), or say why there is
     * nothing to preview. The supplier measures after the rollback.
     */
    private Supplier<Preview> prepareDryRun(Layer layer, ImportWriter.Outcome o, LocalDate today) {
        NetworkChange change = changeOf(layer, o);
        DryRunPreview previewer = previews.getIfAvailable();
        if (change.isEmpty()) {
            return () -> new Preview(List.of(), "dry run: nothing was written; nothing would change");
        }
        if (change.adminLayersChanged()) {
            return () -> new Preview(List.of(), "dry run: nothing was written; a change of admin "
                    + "layers needs a full recompute, which a dry run does not preview");
        }
        if (previewer == null) {
            return () -> new Preview(List.of(), "dry run: nothing was written; no what-if engine is "
                    + "configured: indicator changes not previewed");
        }
        Supplier<List<IndicatorChange>> measured = previewer.prepare(change, today);
        return () -> new Preview(measured.get(), "dry run: nothing was written; indicator changes "
                + "are a what-if on a copy of the current coverage model");
    }

    private ImportReport previewCoverage(Supplier<Preview> preview, ImportReport report) {
        try {
            Preview p = preview.get();
            return report.withCoverage(p.changes(), p.note());
        } catch (RuntimeException e) {
            log.warn("the what-if of a dry run failed", e);
            return report.withCoverage(List.of(), "dry run: nothing was written; the what-if of its indicator changes "
                    + "failed: " + e.getMessage());
        }
    }

    private ImportReport updateCoverage(Layer layer, ImportWriter.Outcome o, ImportReport report) {
        NetworkChange change = changeOf(layer, o);
        if (change.isEmpty()) {
            return report.withCoverage(List.of(), "nothing changed: coverage not recomputed");
        }
        CoverageUpdater updater = coverage.getIfAvailable();
        if (updater == null) {
            return report.withCoverage(List.of(), "no coverage updater is configured: indicators not recomputed");
        }
        try {
            CoverageUpdater.CoverageUpdate update = updater.onNetworkChanged(change);
            return report.withCoverage(update.changes(), update.note());
        } catch (RuntimeException e) {
            log.warn("coverage update after an import failed", e);
            return report.withCoverage(List.of(), "the import was committed but the coverage update failed: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
