package uz.qamrov.planner.ingest.validate;

import java.time.LocalDate;
import uz.qamrov.planner.ingest.IngestProperties;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.OperatorDirectory;
import uz.qamrov.planner.ingest.UploadFormat;

/**
 * What one validation needs besides the rows.
 *
 * @param defaultOperator operator for rows without one (the caller's or {@code operator=}), or null
 * @param today the import date, for "in the future" and "has passed"
 * @param repair make invalid polygons valid instead of rejecting them
 * @param duplicates what to do with a second row of the same id
 */
public record ValidationContext(Layer layer, UploadFormat format, OperatorDirectory operators, String defaultOperator,
        LocalDate today, IngestProperties properties, boolean repair, DuplicatePolicy duplicates) {
}
