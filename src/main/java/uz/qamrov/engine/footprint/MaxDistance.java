package uz.qamrov.engine.footprint;

/**
 * Result of inverting a path-loss model: the distance at which the allowed loss is reached. {@code clamped} is true
 * when the solution fell outside the model's distance validity and was clamped to its nearest end.
 */
public record MaxDistance(double distanceKm, boolean clamped) {
}
