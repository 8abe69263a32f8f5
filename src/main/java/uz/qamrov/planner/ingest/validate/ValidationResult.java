package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.Rows;

/**
 * Validated rows, the row errors, and the closure of rejected source rows: an entity built from several rows (a
 * site and its cells) is rejected as a whole when any of its rows is, and then all its rows count as rejected.
 *
 * <p>Built in one pass over the rows with a hash set of rejected row numbers (the closure used to test
 * {@code List.contains} per row, which made validation quadratic: 20,000 sites took 6.8 s).
 *
 * @param rows the entities none of whose source rows has an error
 * @param errors every row error, by row number
 * @param rejectedRows the source rows that are not imported
 * @param warnings what the validator assumed or mapped (never an error)
 */
public record ValidationResult(List<Rows.ImportRow> rows, List<RowError> errors, Set<Integer> rejectedRows,
        List<String> warnings) {

    public static ValidationResult of(List<? extends Rows.ImportRow> candidates, List<RowError> errors, List<String> warnings) {
        Set<Integer> errorRows = new HashSet<>();
        errors.forEach(e -> errorRows.add(e.row()));
        Set<Integer> rejected = new TreeSet<>(errorRows);
        List<Rows.ImportRow> valid = new ArrayList<>(candidates.size());
        for (Rows.ImportRow r : candidates) {
            boolean ok = true;
            for (int row : r.rows()) {
                if (errorRows.contains(row)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                valid.add(r);
            } else {
                rejected.addAll(r.rows());
            }
        }
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(RowError::row));
        return new ValidationResult(valid, sorted, rejected, warnings);
    }

    /** This result after more checks (the database ones) found more errors in its rows. */
    public ValidationResult with(List<? extends Rows.ImportRow> stillValid, List<RowError> moreErrors) {
        List<RowError> all = new ArrayList<>(errors);
        all.addAll(moreErrors);
        ValidationResult again = of(stillValid, all, warnings);
        Set<Integer> rejected = new TreeSet<>(rejectedRows);
        rejected.addAll(again.rejectedRows());
        return new ValidationResult(again.rows(), again.errors(), rejected, warnings);
    }
}
