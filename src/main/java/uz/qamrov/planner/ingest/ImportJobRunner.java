package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.coverage.CoverageUpdater;
import uz.qamrov.planner.coverage.IndicatorChange;
import uz.qamrov.planner.coverage.NetworkChange;

/**
 * Runs one import job: validate every row (fields, then the country outline in the database), then — unless rows
 * were rejected and the upload is all-or-nothing — write everything in ONE transaction (a dry run rolls it back),
 * then tell the {@link CoverageUpdater} what changed and store its indicator changes in the report.
 */
@Component
class ImportJobRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);
    private static final double BOX_MIN_LON = 55.9;
    private static final double BOX_MAX_LON = 73.2;
    private static final double BOX_MIN_LAT = 37.1;
    private static final double BOX_MAX_LAT = 45.6;

    record Job(UUID id, Layer layer, ParsedFile file, ImportOptions options, String actor, String defaultOperator,
            OperatorDirectory operators, String fileName) {
    }

    /** Where a running job is: {@code phase} is validate, write or coverage; counts are source rows. */
    record Progress(String phase, int rowsRead, int rowsTotal) {
    }

    private final IngestRepository repository;
    private final ImportWriter writer;
    private final IngestProperties properties;
    private final TransactionTemplate tx;
    private final ObjectProvider<CoverageUpdater> coverage;
    private final ObjectProvider<ImportObserver> observers;
    private final AccessService access;
    private final ObjectMapper json;
    private final JobReportRepository reports;
    final Map<UUID, Progress> progress = new ConcurrentHashMap<>();

    ImportJobRunner(IngestRepository repository, ImportWriter writer, IngestProperties properties, TransactionTemplate tx,
            ObjectProvider<CoverageUpdater> coverage, ObjectProvider<ImportObserver> observers, AccessService access,
            ObjectMapper json, JobReportRepository reports) {
        this.repository = repository;
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
        int total = job.file().features().size();
        progress.put(job.id(), new Progress("validate", 0, total));
        String status;
        ImportReport report = null;
        String error = null;
        int rowsRead = 0;
        try {
            repository.markRunning(job.id());
            LocalDate today = LocalDate.now(properties.timeZone());
            RowValidator validator = new RowValidator(job.layer(), job.file().format(), job.operators(), job.defaultOperator(),
                    today, properties, job.options().repair());
            RowValidator.Result result = validator.validate(job.file().features());
            rowsRead = total;
            progress.put(job.id(), new Progress("validate", total, total));
            List<RowError> errors = new ArrayList<>(result.errors());
            List<Rows.ImportRow> rows = new ArrayList<>(countryCheck(result.rows(), errors));
            Map<Integer, String> boundaryCodes = new HashMap<>();
            rows = databaseChecks(job.layer(), rows, errors, boundaryCodes);
            errors.sort(Comparator.comparingInt(RowError::row));
            Set<Integer> rejected = new TreeSet<>();
            errors.forEach(e -> rejected.add(e.row()));
            List<Rows.ImportRow> valid = rows.stream().filter(r -> r.rows().stream().noneMatch(rejected::contains)).toList();
            List<String> warnings = new ArrayList<>(job.file().warnings());
            warnings.addAll(result.warnings());
            boolean reject = (!rejected.isEmpty() && !job.options().partial()) || valid.isEmpty();
            List<RowError> shown = errors.size() > properties.maxReportedErrors() ? errors.subList(0, properties.maxReportedErrors()) : errors;
            reports.saveErrors(job.id(), errors, job.file().features());
            if (reject) {
                status = "rejected";
                report = new ImportReport(job.layer().key, job.file().format().key, job.options().dryRun(), job.options().partial(),
                        total, 0, 0, 0, 0, rejected.isEmpty() ? total : rejected.size(), errors.size(), shown, warnings, List.of(),
                        rejected.isEmpty() ? "nothing to import" : "rejected: nothing was written (all-or-nothing; use ?partial=true to import the valid rows)");
            } else {
                List<Rows.ImportRow> toWrite = valid;
                String source = "upload:" + (job.fileName() == null ? job.id() : job.fileName());
                progress.put(job.id(), new Progress("write", 0, total));
                ImportWriter.Outcome outcome = tx.execute(s -> {
                    ImportWriter.Outcome o = writer.write(job.layer(), toWrite, today, source, job.options().snapshotFull(),
                            done -> observe(job.id(), done, total), boundaryCodes);
                    if (job.options().dryRun()) {
                        s.setRollbackOnly();
                    }
                    return o;
                });
                reports.saveDiff(job.id(), job.layer(), outcome.diff());
                status = "succeeded";
                report = new ImportReport(job.layer().key, job.file().format().key, job.options().dryRun(), job.options().partial(),
                        total, outcome.inserted(), outcome.updated(), outcome.unchanged(), outcome.decommissioned(), rejected.size(),
                        errors.size(), shown, warnings, List.of(), job.options().dryRun() ? "dry run: nothing was written" : null);
                if (!job.options().dryRun()) {
                    progress.put(job.id(), new Progress("coverage", total, total));
                    report = updateCoverage(job.layer(), outcome, report);
                }
            }
        } catch (RuntimeException e) {
            log.warn("import job {} failed: {}", job.id(), e.toString());
            status = "failed";
            error = "the import failed and was rolled back; nothing was written: " + rootMessage(e);
        }
        try {
            repository.finishJob(job.id(), status, rowsRead, report == null ? null : json.writeValueAsString(report), error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            progress.remove(job.id());
        }
        access.audit(job.actor(), "import." + status, job.layer().key, job.id(), report == null
                ? Map.of("error", String.valueOf(error))
                : Map.of("inserted", report.inserted(), "updated", report.updated(), "unchanged", report.unchanged(),
                        "decommissioned", report.decommissioned(), "rejected", report.rejected(), "dryRun", report.dryRun()));
    }

    private void observe(UUID id, int done, int total) {
        progress.put(id, new Progress("write", done, total));
        observers.orderedStream().forEach(o -> o.rowsWritten(id, done, total));
    }

    /** Points (and other geometries) farther than the tolerance from every region; the swapped reading is tried too. */
    private List<Rows.ImportRow> countryCheck(List<Rows.ImportRow> rows, List<RowError> errors) {
        double tolM = properties.countryToleranceKm() * 1000;
        boolean regions = repository.hasRegionGeometry();
        int[] idx = new int[rows.size()];
        String[] wkt = new String[rows.size()];
        String[] swapped = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            idx[i] = i;
            var g = rows.get(i).geometry();
            wkt[i] = g.toText();
            var c = g.getInteriorPoint().getCoordinate();
            swapped[i] = "POINT(" + c.y + " " + c.x + ")";
        }
        Set<Integer> outside;
        Set<Integer> swappedInside;
        if (regions) {
            outside = rows.isEmpty() ? Set.of() : repository.outsideRegions(idx, wkt, tolM);
            int[] oi = outside.stream().mapToInt(Integer::intValue).toArray();
            Set<Integer> swappedOutside = oi.length == 0 ? Set.of()
                    : repository.outsideRegions(oi, java.util.Arrays.stream(oi).mapToObj(i -> swapped[i]).toArray(String[]::new), tolM);
            swappedInside = new java.util.HashSet<>(outside);
            swappedInside.removeAll(swappedOutside);
        } else {
            outside = new java.util.HashSet<>();
            swappedInside = new java.util.HashSet<>();
            double tolDeg = properties.countryToleranceKm() / 80.0;
            for (int i = 0; i < rows.size(); i++) {
                var env = rows.get(i).geometry().getEnvelopeInternal();
                if (env.getMinX() < BOX_MIN_LON - tolDeg || env.getMaxX() > BOX_MAX_LON + tolDeg
                        || env.getMinY() < BOX_MIN_LAT - tolDeg || env.getMaxY() > BOX_MAX_LAT + tolDeg) {
                    outside.add(i);
                    var c = rows.get(i).geometry().getInteriorPoint().getCoordinate();
                    if (c.y >= BOX_MIN_LON && c.y <= BOX_MAX_LON && c.x >= BOX_MIN_LAT && c.x <= BOX_MAX_LAT) {
                        swappedInside.add(i);
                    }
                }
            }
        }
        List<Rows.ImportRow> inside = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Rows.ImportRow r = rows.get(i);
            if (!outside.contains(i)) {
                inside.add(r);
                continue;
            }
            var c = r.geometry().getInteriorPoint().getCoordinate();
            String value = c.x + " " + c.y;
            String message = swappedInside.contains(i)
                    ? "lat and lon look swapped: (" + c.x + ", " + c.y + ") is outside Uzbekistan but (" + c.y + ", " + c.x + ") is inside"
                    : "outside Uzbekistan by more than " + properties.countryToleranceKm() + " km"
                            + (regions ? "" : " (no region polygons loaded: checked against the box lon 55.9–73.2, lat 37.1–45.6)");
            for (int row : r.rows()) {
                errors.add(new RowError(row, "geometry", value, message, "POINT(" + c.x + " " + c.y + ")"));
            }
        }
        return inside;
    }

    /** Codes that must exist (settlement regions/districts) and boundary matching for regions and districts. */
    private List<Rows.ImportRow> databaseChecks(Layer layer, List<Rows.ImportRow> rows, List<RowError> errors,
            Map<Integer, String> boundaryCodes) {
        if (layer == Layer.SETTLEMENTS) {
            Set<String> regions = repository.regionCodes();
            Set<String> districts = repository.districtCodes();
            List<Rows.ImportRow> ok = new ArrayList<>();
            for (Rows.ImportRow r : rows) {
                Rows.Settlement s = (Rows.Settlement) r;
                if (s.regionCode() != null && !regions.contains(s.regionCode())) {
                    errors.add(RowError.of(s.rows().get(0), "region_code", s.regionCode(), "unknown region code"));
                } else if (s.districtCode() != null && !districts.contains(s.districtCode())) {
                    errors.add(RowError.of(s.rows().get(0), "district_code", s.districtCode(), "unknown district code"));
                } else if (s.regionCode() == null && regions.isEmpty()) {
                    errors.add(RowError.of(s.rows().get(0), "region_code", null, "is required while no regions are loaded"));
                } else {
                    ok.add(r);
                }
            }
            return ok;
        }
        if (layer == Layer.REGIONS || layer == Layer.DISTRICTS) {
            var candidates = repository.boundaryNames(layer);
            Set<String> codes = new java.util.HashSet<>();
            candidates.forEach(c -> codes.add(c.code()));
            Set<String> regionCodes = layer == Layer.DISTRICTS ? repository.regionCodes() : codes;
            Map<String, Integer> matchedBy = new HashMap<>();
            List<Rows.ImportRow> ok = new ArrayList<>();
            for (Rows.ImportRow r : rows) {
                Rows.Boundary b = (Rows.Boundary) r;
                int row = b.rows().get(0);
                String code = b.code() != null && codes.contains(b.code()) ? b.code()
                        : BoundaryNames.match(b.names(), candidates).orElse(null);
                if (layer == Layer.REGIONS && code == null) {
                    errors.add(RowError.of(row, "name", b.displayName(), "no region matches this code or name (in uz-Latn, uz-Cyrl, ru or en)"));
                    continue;
                }
                if (b.parentCode() != null && !regionCodes.contains(b.parentCode())) {
                    errors.add(RowError.of(row, "region_code", b.parentCode(), "unknown region code"));
                    continue;
                }
                if (code != null) {
                    Integer first = matchedBy.putIfAbsent(code, row);
                    if (first != null) {
                        errors.add(RowError.of(row, "name", b.displayName(), "matches " + code + " like feature " + first));
                        continue;
                    }
                    boundaryCodes.put(row, code);
                }
                ok.add(r);
            }
            return ok;
        }
        return rows;
    }

    private ImportReport updateCoverage(Layer layer, ImportWriter.Outcome o, ImportReport report) {
        NetworkChange change = layer.network
                ? new NetworkChange(o.baseStationIds(), o.fiberRouteIds(), o.fiberNodeIds(), false)
                : (o.inserted() + o.updated() > 0 ? NetworkChange.adminLayers() : new NetworkChange(Set.of(), Set.of(), Set.of(), false));
        if (change.isEmpty()) {
            return report.withCoverage(List.of(), "nothing changed: coverage not recomputed");
        }
        CoverageUpdater updater = coverage.getIfAvailable();
        if (updater == null) {
            return report.withCoverage(List.of(), "no coverage updater is configured: indicators not recomputed");
        }
        try {
            List<IndicatorChange> changes = updater.onNetworkChanged(change);
            return report.withCoverage(changes == null ? List.of() : changes, null);
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
