package uz.qamrov.planner.ingest;

import java.util.function.Consumer;

/**
 * One read of an upload kept on disk, row by row in file order, each row handed to {@code sink} as it is read and
 * none kept: the request reads the file once this way (file-level checks and the row count) and the import job again
 * on every pass, so neither holds more of the file than the row being read. A file-level problem is a 4xx
 * ({@link FileProblems}); an exception of {@code sink} passes through unchanged.
 */
@FunctionalInterface
interface FeaturePass {

    /** @return the header (format refined to its dialect, columns, CRS, notes; no features) and the number of rows */
    StreamedFile read(ParseBudget budget, Consumer<SourceFeature> sink);
}
