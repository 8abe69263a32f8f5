package uz.qamrov.engine.footprint;

/**
 * Result of inverting a path-loss model: the distance at which the allowed loss is reached. {@code clamped} is true
 * when the solution lay beyond the model's maximum distance and was clamped to it (solutions below the minimum
 * distance are extrapolated, never clamped up).
 */
public record MaxDistance(double distanceKm, boolean clamped) {
}
