package uz.qamrov.planner.ingest;

import java.util.List;

/**
 * A file read into features.
 *
 * @param srid EPSG code of the geometries (4326 unless the file declares another CRS)
 * @param warnings things the importer assumed (missing .prj, Z dropped, …)
 * @param columns the header's column names (lower case) for delimited text; empty for formats whose features each
 *        carry their own properties
 */
record ParsedFile(UploadFormat format, List<SourceFeature> features, int srid, List<String> warnings, List<String> columns) {

    ParsedFile(UploadFormat format, List<SourceFeature> features, int srid, List<String> warnings) {
        this(format, features, srid, warnings, List.of());
    }

    ParsedFile withFeatures(List<SourceFeature> features, List<String> warnings) {
        return new ParsedFile(format, features, srid, warnings, columns);
    }
}
