package uz.qamrov.planner.ingest;

import java.util.List;
import uz.qamrov.planner.coverage.IndicatorChange;

/**
 * What an import did (or, for a dry run or a rejected file, would have done). Counts are per entity (a site with
 * its cells, a route, a settlement, …); {@code rejected} counts source rows.
 */
public record ImportReport(String layer, String format, boolean dryRun, boolean partial, int rowsRead, int inserted,
        int updated, int unchanged, int decommissioned, int rejected, int errorCount, List<RowError> errors,
        List<String> warnings, List<IndicatorChange> indicatorChanges, String coverageNote, RowCounts rowCounts) {

    /**
     * Where every source row went: {@code read = imported + rejected + superseded + withheld}.
     *
     * @param imported rows of the entities written (or, in a dry run, that would be)
     * @param rejected rows with an error, and the other rows of an entity one of whose rows has an error
     * @param superseded duplicates replaced by a later row ({@code duplicates=keep-latest})
     * @param withheld valid rows not written because the file was rejected as a whole (all-or-nothing)
     */
    public record RowCounts(int read, int imported, int rejected, int superseded, int withheld) {
    }

    ImportReport withCoverage(List<IndicatorChange> changes, String note) {
        return new ImportReport(layer, format, dryRun, partial, rowsRead, inserted, updated, unchanged, decommissioned, rejected,
                errorCount, errors, warnings, changes, note, rowCounts);
    }
}
