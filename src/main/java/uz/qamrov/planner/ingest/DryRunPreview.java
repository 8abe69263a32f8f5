package uz.qamrov.planner.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import uz.qamrov.planner.coverage.IndicatorChange;
import uz.qamrov.planner.coverage.NetworkChange;

/**
 * What a dry run asks for its report's {@code indicatorChanges}: the changes the import would cause, as an engine
 * what-if that never touches the live model or the database (the planning feature implements it).
 */
public interface DryRunPreview {

    /**
     * Called inside the dry run's transaction, after its rows were written and before they are rolled back: reads
     * the rows the change would load (nothing is written). The returned supplier measures them after the rollback.
     *
     * @param asOf the date the indicators are compared at (the import date)
     */
    Supplier<List<IndicatorChange>> prepare(NetworkChange change, LocalDate asOf);
}
