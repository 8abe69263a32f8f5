package uz.qamrov.planner.ingest.validate;

import java.util.List;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/** The field and geometry checks of one layer: features in, candidate rows out, problems into the findings. */
interface LayerRowValidator {

    List<Rows.ImportRow> validate(List<SourceFeature> features);

    /** What the report says once about the whole file, after its last chunk (a count over all chunks). */
    default List<String> closingWarnings() {
        return List.of();
    }
}
