package uz.qamrov.planner.gap;

import java.time.LocalDate;
import java.util.List;
import uz.qamrov.planner.coverage.RunRef;
import uz.qamrov.planner.web.RowSource;

/**
 * One page of a gap list: how many match in all, the CSV columns, the page's rows (read when written), and what it
 * was read from: the as-of date (today when none was asked) and the coverage run, with the model generation it was
 * computed on and whether it is stale (a later generation may answer the date differently; its replacement is being
 * computed in the background).
 */
public record GapList(long numberMatched, List<String> columns, RowSource rows, LocalDate asOf, RunRef run) {

    public long runId() {
        return run.id();
    }
}
