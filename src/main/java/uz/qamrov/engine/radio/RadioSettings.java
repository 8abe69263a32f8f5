package uz.qamrov.engine.radio;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Settings of the radial footprint model.
 *
 * <ul>
 * <li>{@code radialStepDeg} = 1°: one radial per degree; at 20 km two radials are 350 m apart at the rim.</li>
 * <li>{@code defaultTiltDeg} = 2°: total downtilt of a cell that states none; rural macro cells are tilted 2–4°,
 * and 2° changes the link-budget range at the cell edge by less than 0.5 dB.</li>
 * <li>{@code terrainStepM} = 0: profile step along a radial with a DEM; 0 means half the DEM's cell size.</li>
 * <li>{@code wedges} = false: true keeps the legacy hard sectors (full range inside the beamwidth, nothing outside,
 * no terrain) for comparisons and for tests whose expected values are worked on that geometry.</li>
 * <li>{@code terrainGapM} = 0: with a DEM, the terrain profile is walked on enough radials that two walked
 * neighbours are at most this far apart at the footprint's edge, and the radials between them are interpolated where
 * the two agree ({@link RadialRefinement}); 0 means the DEM's cell size (1.85 km for the national grid: at 10 km that
 * is every ~10th 1° radial); {@link #EVERY_RADIAL} walks every radial.</li>
 * <li>{@code terrainToleranceM} = 250: two walked radials both shortened by terrain agree when their reaches differ
 * by at most this; otherwise the radial between them is walked (a ridge's end, a pass).</li>
 * </ul>
 */
public record RadioSettings(double radialStepDeg, double defaultTiltDeg, double terrainStepM, boolean wedges,
        double terrainGapM, double terrainToleranceM) {

    /** {@code terrainGapM} that walks every radial's terrain profile (no interpolation). */
    public static final double EVERY_RADIAL = -1;

    public static final RadioSettings DEFAULTS = new RadioSettings(1, 2, 0, false, 0, 250);

    /** Hard sector wedges, the model before antenna patterns. */
    public static final RadioSettings WEDGES = new RadioSettings(1, 2, 0, true, 0, 250);

    public RadioSettings {
        if (!(radialStepDeg >= 0.1 && radialStepDeg <= 30) || 360 % radialStepDeg > 1e-9 && 360 % radialStepDeg < radialStepDeg - 1e-9) {
            throw InvalidInputException.of("radialStepDeg must divide 360 and be in [0.1, 30]", "radialStepDeg", radialStepDeg);
        }
        if (!(defaultTiltDeg >= -30 && defaultTiltDeg <= 45) || !(terrainStepM >= 0)) {
            throw InvalidInputException.of("invalid radio settings", "defaultTiltDeg", defaultTiltDeg, "terrainStepM",
                    terrainStepM);
        }
        if (!(terrainGapM >= 0 || terrainGapM == EVERY_RADIAL) || !(terrainToleranceM >= 0)) {
            throw InvalidInputException.of("invalid terrain refinement", "terrainGapM", terrainGapM, "terrainToleranceM",
                    terrainToleranceM);
        }
    }

    /** These settings with another terrain refinement ({@link #EVERY_RADIAL} as the gap walks every radial). */
    public RadioSettings withTerrainRefinement(double gapM, double toleranceM) {
        return new RadioSettings(radialStepDeg, defaultTiltDeg, terrainStepM, wedges, gapM, toleranceM);
    }

    public int radials() {
        return (int) Math.round(360 / radialStepDeg);
    }
}
