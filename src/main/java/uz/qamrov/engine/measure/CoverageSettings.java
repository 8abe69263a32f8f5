package uz.qamrov.engine.measure;

import uz.qamrov.engine.footprint.EnvironmentSettings;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.radio.RadioSettings;

/**
 * Options of {@link CoverageModelBuilder}. Defaults ({@link #DEFAULTS}):
 * <ul>
 * <li>{@code linkBudget} = {@link LinkBudget#DEFAULTS}; {@code environment} = {@link EnvironmentSettings#DEFAULTS};</li>
 * <li>{@code fiberDropDistanceM} = 1,000 m: fixed broadband is "possible" in a settlement when an active
 * distribution fiber route or an access node (exchange, OLT, cabinet, or any node with ports) lies within this
 * distance of its point (or boundary). 1 km is what a last-mile drop from the nearest access point reaches without a
 * new distribution build (FTTH drop cables and copper local loops for broadband stay within about 1 km); the
 * service uses the same default;</li>
 * <li>{@code radio} = {@link RadioSettings#DEFAULTS}: radial footprints from antenna patterns (1° radials);</li>
 * <li>{@code lineSegmentMaxLengthM} = 2,000 m: lines and fiber are cut into pieces of at most this length; each
 * piece takes its region/district from its mid-point and is measured with the local metric there;</li>
 * <li>{@code settlementAreaCoveredRatio} = 0.5: a settlement with a boundary is covered when at least this share
 * of its area is inside the union of active footprints (point rule when it has no boundary);</li>
 * <li>{@code polygonSampleCount} = 256: the area share is measured on a regular grid of about this many sample
 * points inside the boundary, so it is precomputed per cell and evaluated for any date/filter by OR-ing bitsets
 * (sampling error ≈ a few % near the threshold; see {@link CoverageModel}).</li>
 * </ul>
 */
public record CoverageSettings(LinkBudget linkBudget, EnvironmentSettings environment, double fiberDropDistanceM,
        double lineSegmentMaxLengthM, double settlementAreaCoveredRatio, int polygonSampleCount, RadioSettings radio) {

    public static final CoverageSettings DEFAULTS = new CoverageSettings(LinkBudget.DEFAULTS,
            EnvironmentSettings.DEFAULTS, 1_000, 2_000, 0.5, 256, RadioSettings.DEFAULTS);

    /** Settings without radio options: {@link RadioSettings#DEFAULTS}. */
    public CoverageSettings(LinkBudget linkBudget, EnvironmentSettings environment, double fiberDropDistanceM,
            double lineSegmentMaxLengthM, double settlementAreaCoveredRatio, int polygonSampleCount) {
        this(linkBudget, environment, fiberDropDistanceM, lineSegmentMaxLengthM, settlementAreaCoveredRatio,
                polygonSampleCount, RadioSettings.DEFAULTS);
    }

    public CoverageSettings {
        if (radio == null) {
            radio = RadioSettings.DEFAULTS;
        }
        if (linkBudget == null || environment == null || !(fiberDropDistanceM >= 0 && fiberDropDistanceM <= 50_000)
                || !(lineSegmentMaxLengthM >= 10 && lineSegmentMaxLengthM <= 10_000)
                || !(settlementAreaCoveredRatio > 0 && settlementAreaCoveredRatio <= 1)
                || polygonSampleCount < 1 || polygonSampleCount > 10_000) {
            throw InvalidInputException.of("invalid coverage settings", "fiberDropDistanceM", fiberDropDistanceM,
                    "lineSegmentMaxLengthM", lineSegmentMaxLengthM, "settlementAreaCoveredRatio",
                    settlementAreaCoveredRatio, "polygonSampleCount", polygonSampleCount);
        }
    }

    public CoverageSettings withFiberDropDistanceM(double m) {
        return new CoverageSettings(linkBudget, environment, m, lineSegmentMaxLengthM, settlementAreaCoveredRatio,
                polygonSampleCount);
    }

    public CoverageSettings withLinkBudget(LinkBudget b) {
        return new CoverageSettings(b, environment, fiberDropDistanceM, lineSegmentMaxLengthM,
                settlementAreaCoveredRatio, polygonSampleCount, radio);
    }

    public CoverageSettings withRadio(RadioSettings r) {
        return new CoverageSettings(linkBudget, environment, fiberDropDistanceM, lineSegmentMaxLengthM,
                settlementAreaCoveredRatio, polygonSampleCount, r);
    }

    public CoverageSettings withPolygonSampleCount(int n) {
        return new CoverageSettings(linkBudget, environment, fiberDropDistanceM, lineSegmentMaxLengthM,
                settlementAreaCoveredRatio, n, radio);
    }
}
