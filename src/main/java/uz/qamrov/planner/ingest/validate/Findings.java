package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.List;
import uz.qamrov.planner.ingest.RowError;

/** The row errors and warnings one validation collects. */
final class Findings {

    final List<RowError> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
}
