package uz.qamrov.planner.export;

import java.util.List;

/**
 * A feature table of a GeoPackage written by {@link GeoPackageWriter}: its table name, geometry type and attribute
 * columns. Names must come from code (an enum), never from a request: they are written into the SQL.
 */
public interface FeatureLayer {

    String id();

    /** A GeoPackage geometry type name: POINT, LINESTRING, POLYGON, GEOMETRY, … */
    String geometryType();

    List<GapLayer.Column> columns();
}
