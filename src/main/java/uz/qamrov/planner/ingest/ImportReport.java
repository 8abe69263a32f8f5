package uz.qamrov.planner.ingest;

import java.util.List;
import uz.qamrov.planner.coverage.IndicatorChange;

/**
 * What an import did (or, for a dry run or a rejected file, would have done). Counts are per entity (a site with
 * its cells, a route, a settlement, …); {@code rejected} counts source rows.
 */
public record ImportReport(String layer, String format, boolean dryRun, boolean partial, int rowsRead, int inserted,
        int updated, int unchanged, int decommissioned, int rejected, int errorCount, List<RowError> errors,
        List<String> warnings, List<IndicatorChange> indicatorChanges, String coverageNote) {

    ImportReport withCoverage(List<IndicatorChange> changes, String note) {
        return new ImportReport(layer, format, dryRun, partial, rowsRead, inserted, updated, unchanged, decommissioned, rejected,
                errorCount, errors, warnings, changes, note);
    }
}
