package uz.qamrov.planner.gap;

import java.util.List;
import uz.qamrov.planner.web.RowSource;

/** One page of a gap list: how many match in all, the CSV columns, and the page's rows (read when written). */
public record GapList(long numberMatched, List<String> columns, RowSource rows) {
}
