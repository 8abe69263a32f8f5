package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A file read into features.
 *
 * @param srid EPSG code of the geometries (4326 unless the file declares another CRS)
 * @param warnings things the importer assumed (missing .prj, Z dropped, …)
 * @param columns the header's column names (lower case) for delimited text and the .dbf field names of a shapefile;
 *        empty for formats whose features each carry their own properties
 */
record ParsedFile(UploadFormat format, List<SourceFeature> features, int srid, List<String> warnings, List<String> columns) {

    ParsedFile(UploadFormat format, List<SourceFeature> features, int srid, List<String> warnings) {
        this(format, features, srid, warnings, List.of());
    }

    /**
     * The file with columns read under other names (old → new) in the header and in every feature; the features are
     * copied only when something is renamed.
     */
    ParsedFile withColumnsRenamed(Map<String, String> renames, List<String> warnings) {
        if (renames.isEmpty()) {
            return this;
        }
        List<SourceFeature> renamed = new ArrayList<>(features.size());
        for (SourceFeature f : features) {
            renamed.add(f.renamed(renames));
        }
        return new ParsedFile(format, renamed, srid, warnings, columns.stream().map(c -> renames.getOrDefault(c, c)).toList());
    }

    ParsedFile withFeatures(List<SourceFeature> features, List<String> warnings) {
        return new ParsedFile(format, features, srid, warnings, columns);
    }
}
