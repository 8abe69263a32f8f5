package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.qamrov.planner.ingest.validate.ColumnMapping;
import uz.qamrov.planner.web.ApiException;

/**
 * The columns Qamrov's own CSV must have for a layer, checked once per file against the header <em>as the column
 * mapping leaves it</em> ({@code ?map=}, a profile's columns and defaults): a file whose {@code osm_id} becomes
 * {@code site_id} by the mapping has a {@code site_id}. An operator column is optional (the token's or
 * {@code ?operator=} applies). Other formats carry properties per feature: their rows are checked by the validators.
 */
final class RequiredColumns {

    private RequiredColumns() {
    }

    static Set<String> of(Layer layer) {
        return switch (layer) {
            case BASE_STATIONS -> Set.of("site_id", "cell_id", "lon", "lat", "technology", "band_mhz", "antenna_height_m");
            case FIBER_NODES -> Set.of("node_id", "lon", "lat", "kind");
            case SETTLEMENTS -> Set.of("external_id", "name_uz_latn", "lon", "lat", "population");
            default -> Set.of();
        };
    }

    /**
     * @throws uz.qamrov.planner.web.ApiException 400 naming each missing column and, for a mapped one, the file
     *         column(s) it was to be read from
     */
    static void check(ParsedFile file, Layer layer, ColumnMapping mapping) {
        check(file.format(), file.columns(), layer, mapping);
    }

    static void check(UploadFormat format, List<String> columns, Layer layer, ColumnMapping mapping) {
        if (format != UploadFormat.CSV) {
            return;
        }
        Set<String> present = mapping.columnsAfter(columns);
        List<String> missing = of(layer).stream().filter(c -> !present.contains(c)).sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        List<String> described = new ArrayList<>();
        Map<String, List<String>> mappedFrom = new LinkedHashMap<>();
        for (String c : missing) {
            List<String> sources = mapping.sourcesOf(c);
            if (sources.isEmpty()) {
                described.add(c);
            } else {
                mappedFrom.put(c, sources);
                described.add(c + " (mapped from " + String.join(" | ", sources) + ", not in the header)");
            }
        }
        String header = columns.toString();
        String shown = header.length() > 200 ? header.substring(0, 200) + "…" : header;
        String mapped = mapping.isEmpty() ? "" : "; mapping '" + mapping.name() + "'";
        ApiException e = FileProblems.invalid("missing required column(s) " + String.join(", ", described)
                + " for layer " + layer.key + " (header read: " + shown + mapped + ")",
                Map.of("missingColumns", missing, "mappedFrom", mappedFrom));
        if (!mappedFrom.isEmpty()) {
            // "(mapped from …, not in the header)" after each mapped column: English, as the message
            throw e;
        }
        Map<String, Object> args = Map.of("columns", String.join(", ", missing), "layer", layer.key, "header", shown,
                "mapping", mapping.name());
        throw e.withMessage(mapping.isEmpty() ? "detail.missing-columns" : "detail.missing-columns-mapping", args);
    }
}
