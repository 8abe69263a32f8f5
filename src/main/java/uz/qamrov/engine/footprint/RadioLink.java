package uz.qamrov.engine.footprint;

/** Geometry of one radio link for a path-loss model: frequency, antenna heights above ground, clutter class. */
public record RadioLink(double frequencyMhz, double baseHeightM, double mobileHeightM, EnvironmentClass environment) {
}
