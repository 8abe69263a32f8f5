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

    /**
     * The run that answers for this date now: fresh, or stale (flagged) while its replacement computes in the
     * background. A date never computed is computed first (readers of the same date share it).
     */
    default RunRef run(LocalDate asOf) {
        return new RunRef(runFor(asOf), asOf, -1, false, false, true);
    }

    /** A run computed on the current model generation (waits for it); for consistency checks and import reports. */
    default RunRef freshRun(LocalDate asOf) {
        return run(asOf);
    }

    /**
     * Like {@link #run}, and also waits until the run is complete: a run a reader waited for is stored gaps first (all a
     * gap list shows), the covered places' signal classes and each operator's uncovered stretches a moment later. For
     * readers of those (OGC items, hexagons, GeoPackages, operator-filtered stretch lists).
     */
    default RunRef completeRun(LocalDate asOf) {
        return run(asOf);
    }

    /**
     * Like {@link #run}, and also waits until the run's dissolved coverage polygons are stored (they are computed
     * after the run itself, being much slower than everything else in it), unless an earlier run of the date has
     * polygons: that one is answered (flagged stale when a later generation changed the date) while the new ones are
     * dissolved. For readers of {@code coverage_polygons}.
     */
    default RunRef runWithPolygons(LocalDate asOf) {
        return run(asOf);
    }
}
