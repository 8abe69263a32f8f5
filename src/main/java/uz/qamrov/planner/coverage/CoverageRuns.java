package uz.qamrov.planner.coverage;

import java.time.LocalDate;

/**
 * Where the read side (gap lists, exports, maps, OGC collections) finds stored coverage results.
 * Results are stored per run in {@code settlement_coverage}, {@code line_stretches}, {@code coverage_polygons} and
 * {@code indicator_values}; a run is computed for one as-of date.
 */
public interface CoverageRuns {

    /**
     * The id of a succeeded run for this as-of date ({@code null} = today), computing and storing it first when
     * there is none yet. Cheap when it exists.
     */
    long runFor(LocalDate asOf);
}
