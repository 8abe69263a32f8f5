package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.List;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/**
 * Turns features into validated rows of one layer and row errors (row number, field, value, what is wrong).
 * Geometries must already be in EPSG:4326; Z is dropped here. Checks needing the database (country outline, codes,
 * boundary names) are the caller's, on the rows returned ({@link ValidationResult#with}).
 *
 * <p>One validator serves a whole file, fed in chunks ({@link #validate(List)} per chunk) so that a large upload is
 * never held at once. What crosses chunks is kept compactly by the validator: the ids seen (duplicates across chunks
 * are found) and, under {@code duplicates=keep-latest}, each cell's winning row from a first pass ({@link #offer}).
 * A chunk must hold every row of an entity built from several rows: the caller groups rows by {@link #groupKey}
 * (base stations: the rows of one site; OpenCelliD: the cells that may form one site, {@code OpenCellIdSites#chunkKey})
 * and hands files the validator needs whole ({@link #wholeFile()}) in one chunk.
 */
public final class RowValidator {

    /**
     * @param result the validated rows and errors
     * @param superseded rows a duplicate policy replaced by a later row: neither imported nor errors
     */
    public record Outcome(ValidationResult result, List<RowError> superseded) {
    }

    private final ValidationContext ctx;
    private final Findings findings = new Findings();
    private final LayerRowValidator layer;
    private final Duplicates.Latest latest;

    private RowValidator(ValidationContext ctx) {
        this.ctx = ctx;
        this.layer = switch (ctx.layer()) {
            case BASE_STATIONS -> new SiteRowValidator(ctx, findings);
            case FIBER_ROUTES, FIBER_NODES -> new FiberRowValidator(ctx, findings);
            case SETTLEMENTS -> new SettlementRowValidator(ctx, findings);
            case HIGHWAYS, RAILWAYS -> new LineRowValidator(ctx, findings);
            case REGIONS, DISTRICTS -> new BoundaryRowValidator(ctx, findings);
        };
        this.latest = ctx.duplicates() == DuplicatePolicy.KEEP_LATEST && ctx.layer() == Layer.BASE_STATIONS
                ? new Duplicates.Latest(ctx.format()) : null;
    }

    /** A validator for one file, to be fed its chunks in file order. */
    public static RowValidator forFile(ValidationContext ctx) {
        return new RowValidator(ctx);
    }

    /** A whole file in one call. */
    public static Outcome validate(ValidationContext ctx, List<SourceFeature> features) {
        RowValidator v = new RowValidator(ctx);
        if (v.needsFirstPass()) {
            features.forEach(v::offer);
        }
        Outcome o = v.validate(features);
        List<String> warnings = new ArrayList<>(o.result().warnings());
        warnings.addAll(v.closingWarnings());
        ValidationResult r = o.result();
        return new Outcome(new ValidationResult(r.rows(), r.errors(), r.rejectedRows(), warnings), o.superseded());
    }

    /** What the report says once about the whole file; ask after the last chunk. */
    public List<String> closingWarnings() {
        return layer.closingWarnings();
    }

    /** Whether the caller must {@link #offer} every row before the first chunk (keep-latest duplicates). */
    public boolean needsFirstPass() {
        return latest != null;
    }

    /** The first pass: remembers, per cell, which row wins. */
    public void offer(SourceFeature f) {
        if (latest != null) {
            latest.offer(f);
        }
    }

    /**
     * Whether the layer's rows are checked against each other beyond ids and {@link #groupKey}: region and district
     * boundaries (each is matched to one code, at most once; a country has a few hundred): then the file is one chunk.
     * Every other layer, settlements and lines included (a national roads file), is validated in chunks.
     */
    public boolean wholeFile() {
        return ctx.layer() == Layer.REGIONS || ctx.layer() == Layer.DISTRICTS;
    }

    /**
     * The rows that must share a chunk have the same key (a site's cell rows; in OpenCelliD files the cells that may
     * form one site); null for a row that stands alone.
     */
    public String groupKey(SourceFeature f) {
        if (layer instanceof SiteRowValidator s) {
            return s.groupKey(f);
        }
        return layer instanceof LineRowValidator l ? l.groupKey(f) : null;
    }

    /** Whether rows must be grouped by {@link #groupKey} before chunking: sites' cell rows, lines' merged pieces. */
    public boolean groupsRows() {
        return !wholeFile() && (ctx.layer() == Layer.BASE_STATIONS || layer instanceof LineRowValidator l && l.merges());
    }

    /** One chunk: its rows, errors and warnings (each reported once); what later chunks need (ids seen) is kept. */
    public Outcome validate(List<SourceFeature> chunk) {
        List<SourceFeature> input = chunk;
        List<RowError> superseded = new ArrayList<>();
        if (latest != null) {
            input = new ArrayList<>(chunk.size());
            for (SourceFeature f : chunk) {
                RowError s = latest.supersededOrNull(f);
                if (s == null) {
                    input.add(f);
                } else {
                    superseded.add(s);
                }
            }
        }
        List<Rows.ImportRow> rows = layer.validate(input);
        List<RowError> errors = new ArrayList<>(findings.errors);
        List<String> warnings = new ArrayList<>(findings.warnings);
        findings.errors.clear();
        findings.warnings.clear();
        return new Outcome(ValidationResult.of(rows, errors, warnings), superseded);
    }
}
