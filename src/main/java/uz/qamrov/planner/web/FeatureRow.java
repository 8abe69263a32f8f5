package uz.qamrov.planner.web;

/**
 * One row of a list as PostGIS wrote it: the feature id, the geometry as GeoJSON text ({@code ST_AsGeoJSON}, may be
 * null) and the properties as a JSON object text ({@code json_build_object}, key order kept for CSV columns).
 */
public record FeatureRow(Object id, String geometryJson, String propertiesJson) {
}
