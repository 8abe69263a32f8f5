package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.planner.ingest.validate.RowValidator;
import uz.qamrov.planner.ingest.validate.ValidationContext;
import uz.qamrov.planner.ingest.validate.ValidationResult;

/**
 * The validate phase of an import job, in chunks of {@code chunkRows} source rows, so that the heap a job needs does
 * not grow with its file. Each chunk is validated (fields, then the database checks), its row errors are stored with
 * the rows they are about, and its valid network rows are appended to a {@link StageSpool} on disk (admin-layer rows to
 * an {@link AdminRowSpool}). Nothing is written to the layer tables here: the
 * job decides after the last chunk (all-or-nothing unless {@code partial=true}) and writes the spool in one
 * transaction.
 *
 * <p>What crosses chunks is small: per cell key the winning row (a first pass, {@code duplicates=keep-latest}), per
 * group key the number of its rows (a first pass, so that a site's cell rows, or under {@code duplicates=merge} a
 * line's pieces — wherever they are in the file — are validated in the same chunk; a file whose sites' rows are contiguous holds one site open at a time), the ids seen
 * (inside the validator: duplicates across chunks are found), the first {@code max-reported-errors} errors by row for
 * the report, and counts. OpenCelliD cells are grouped by the key of the cells that may form one site (the eNodeB for
 * LTE, the area for GSM: see {@code OpenCellIdSites#chunkKey}), so the grouping into sites by position and the
 * duplicate cells come out as if the file were one chunk. Region and district boundaries, which the validator must
 * see whole, are one chunk; settlements and lines are chunked like the network layers, and their valid rows go to an
 * {@link AdminRowSpool} on disk.
 */
final class ChunkedValidation {

    /**
     * @param errors how many row errors were found (all stored)
     * @param shown the first {@code max-reported-errors} of them by row number
     * @param rejectedRows source rows not imported because of an error (their own or their entity's)
     * @param superseded rows a later duplicate replaced; {@code supersededLines} says so for the first ones
     * @param validRows source rows of the valid entities
     * @param spool the valid network rows (empty for admin layers)
     * @param adminRows the valid admin-layer rows (empty for network layers)
     * @param lineKm the geodesic length of the valid lines' main paths (highways, railways; 0 for other layers)
     */
    record Result(int errors, List<RowError> shown, int rejectedRows, int superseded, List<String> supersededLines,
            int validRows, List<String> warnings, StageSpool spool, AdminRowSpool adminRows,
            Map<Integer, String> boundaryCodes, double lineKm) {
    }

    private final UUID job;
    private final Layer layer;
    private final RowValidator validator;
    private final DatabaseRowChecks.Session databaseChecks;
    private final JobReportRepository reports;
    private final int maxShown;
    private final int chunkRows;
    private final IntConsumer progress;

    private int errors;
    private List<RowError> shown = new ArrayList<>();
    private int rejected;
    private int superseded;
    private final List<String> supersededLines = new ArrayList<>();
    private int validRows;
    private int rowsRead;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Map<Integer, String> boundaryCodes = new HashMap<>();
    private double lineKm;

    ChunkedValidation(UUID job, ValidationContext ctx, DatabaseRowChecks checks, JobReportRepository reports, int maxShown,
            int chunkRows, IntConsumer progress) {
        this.job = job;
        this.layer = ctx.layer();
        this.validator = RowValidator.forFile(ctx);
        this.databaseChecks = checks.session();
        this.reports = reports;
        this.maxShown = maxShown;
        this.chunkRows = chunkRows;
        this.progress = progress;
    }

    /** Validates every row of {@code source}; the caller owns (and closes) the returned spools. */
    Result run(RowSource source) {
        boolean grouped = validator.groupsRows();
        Map<String, Integer> groupRows = new HashMap<>();
        if (validator.needsFirstPass() || grouped) {
            source.forEach(f -> {
                validator.offer(f);
                String key = grouped ? validator.groupKey(f) : null;
                if (key != null) {
                    groupRows.merge(key, 1, Integer::sum);
                }
            });
        }
        StageSpool spool = new StageSpool();
        AdminRowSpool adminRows = new AdminRowSpool();
        try {
            Map<String, List<SourceFeature>> open = new HashMap<>();
            List<SourceFeature> ready = new ArrayList<>();
            source.forEach(f -> {
                String key = grouped ? validator.groupKey(f) : null;
                if (key == null) {
                    ready.add(f);
                } else {
                    List<SourceFeature> site = open.computeIfAbsent(key, k -> new ArrayList<>(4));
                    site.add(f);
                    if (site.size() >= groupRows.getOrDefault(key, 0)) {
                        open.remove(key);
                        ready.addAll(site);
                    }
                }
                if (!validator.wholeFile() && ready.size() >= chunkRows) {
                    chunk(ready, spool, adminRows);
                    ready.clear();
                }
            });
            open.values().forEach(ready::addAll); // none unless the two passes read different rows
            if (!ready.isEmpty()) {
                chunk(ready, spool, adminRows);
            }
        } catch (RuntimeException e) {
            spool.close();
            adminRows.close();
            throw e;
        }
        warnings.addAll(validator.closingWarnings());
        shown.sort(Comparator.comparingInt(RowError::row));
        if (shown.size() > maxShown) {
            shown = new ArrayList<>(shown.subList(0, maxShown));
        }
        if (superseded > supersededLines.size()) {
            supersededLines.add("… and " + (superseded - supersededLines.size()) + " more rows superseded by later duplicates"
                    + " (every one: GET /api/v1/jobs/" + job + "/errors?kind=superseded)");
        }
        return new Result(errors, shown, rejected, superseded, supersededLines, validRows, List.copyOf(warnings), spool,
                adminRows, boundaryCodes, lineKm);
    }

    private void chunk(List<SourceFeature> features, StageSpool spool, AdminRowSpool adminRows) {
        RowValidator.Outcome o = validator.validate(features);
        List<RowError> dbErrors = new ArrayList<>();
        List<Rows.ImportRow> passed = databaseChecks.check(layer, o.result().rows(), dbErrors, boundaryCodes);
        ValidationResult r = o.result().with(passed, dbErrors);
        errors = reports.saveErrors(job, r.errors(), features, errors);
        shown.addAll(r.errors());
        if (shown.size() > 2 * maxShown) {
            shown.sort(Comparator.comparingInt(RowError::row)); // stable: a row's errors keep their order
            shown = new ArrayList<>(shown.subList(0, maxShown));
        }
        rejected += r.rejectedRows().size();
        for (RowError s : o.superseded()) {
            if (supersededLines.size() < maxShown) {
                supersededLines.add("row " + s.row() + ": " + s.message());
            }
        }
        superseded = reports.saveSuperseded(job, o.superseded(), features, superseded);
        warnings.addAll(r.warnings());
        // distinct: a fiber route split into pieces is several entities from one row (always in one chunk)
        Set<Integer> valid = new HashSet<>();
        for (Rows.ImportRow row : r.rows()) {
            valid.addAll(row.rows());
            if (layer.network) {
                spool.add(row);
            } else {
                adminRows.add((Rows.AdminRow) row);
                if (row instanceof Rows.Line line) {
                    lineKm += LocalMetric.lengthM(line.geometry()) / 1000;
                }
            }
        }
        validRows += valid.size();
        rowsRead += features.size();
        progress.accept(rowsRead);
    }
}
