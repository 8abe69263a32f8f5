package uz.qamrov.planner.ingest;

import java.util.List;

/**
 * A file read into features.
 *
 * @param srid EPSG code of the geometries (4326 unless the file declares another CRS)
 * @param warnings things the importer assumed (missing .prj, Z dropped, …)
 */
record ParsedFile(UploadFormat format, List<SourceFeature> features, int srid, List<String> warnings) {
}
