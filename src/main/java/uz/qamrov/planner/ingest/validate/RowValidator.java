package uz.qamrov.planner.ingest.validate;

import java.util.List;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/**
 * Turns features into validated rows of one layer and row errors (row number, field, value, what is wrong).
 * Geometries must already be in EPSG:4326; Z is dropped here. Checks needing the database (country outline, codes,
 * boundary names) are the caller's, on the rows returned ({@link ValidationResult#with}).
 */
public final class RowValidator {

    /**
     * @param result the validated rows and errors
     * @param superseded rows a duplicate policy replaced by a later row: neither imported nor errors
     */
    public record Outcome(ValidationResult result, List<RowError> superseded) {
    }

    private RowValidator() {
    }

    public static Outcome validate(ValidationContext ctx, List<SourceFeature> features) {
        List<SourceFeature> input = features;
        List<RowError> superseded = List.of();
        if (ctx.duplicates() == DuplicatePolicy.KEEP_LATEST && ctx.layer() == Layer.BASE_STATIONS) {
            Duplicates.Kept kept = Duplicates.keepLatest(features, ctx.format());
            input = kept.features();
            superseded = kept.superseded();
        }
        Findings findings = new Findings();
        LayerRowValidator layer = switch (ctx.layer()) {
            case BASE_STATIONS -> new SiteRowValidator(ctx, findings);
            case FIBER_ROUTES, FIBER_NODES -> new FiberRowValidator(ctx, findings);
            case SETTLEMENTS -> new SettlementRowValidator(ctx, findings);
            case HIGHWAYS, RAILWAYS -> new LineRowValidator(ctx, findings);
            case REGIONS, DISTRICTS -> new BoundaryRowValidator(ctx, findings);
        };
        List<Rows.ImportRow> rows = layer.validate(input);
        return new Outcome(ValidationResult.of(rows, findings.errors, findings.warnings), superseded);
    }
}
