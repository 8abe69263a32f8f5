package uz.qamrov.engine.measure;

/** The nearest feature found by {@link NearestFinder}: its id, kind ("site", "fiber_route", "fiber_node"), metres. */
public record Nearest(long featureId, String kind, double distanceM) {
}
