package uz.qamrov.engine.measure;

import org.locationtech.jts.geom.Geometry;

import uz.qamrov.engine.model.Technology;

/**
 * Dissolved coverage of one region: a lon/lat (Multi)Polygon and its geodesic area in km². {@code technology} is the
 * minimum technology included (null = any), {@code operator} null = any operator ('*' in storage). When the model
 * has no region polygons a single entry with region code "UZ" holds the unclipped union.
 */
public record RegionCoverage(String regionCode, Technology technology, String operator, Geometry geometry,
        double areaKm2) {
}
