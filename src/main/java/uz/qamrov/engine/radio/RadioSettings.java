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
 * </ul>
 */
public record RadioSettings(double radialStepDeg, double defaultTiltDeg, double terrainStepM, boolean wedges) {

    public static final RadioSettings DEFAULTS = new RadioSettings(1, 2, 0, false);

    /** Hard sector wedges, the model before antenna patterns. */
    public static final RadioSettings WEDGES = new RadioSettings(1, 2, 0, true);

    public RadioSettings {
        if (!(radialStepDeg >= 0.1 && radialStepDeg <= 30) || 360 % radialStepDeg > 1e-9 && 360 % radialStepDeg < radialStepDeg - 1e-9) {
            throw InvalidInputException.of("radialStepDeg must divide 360 and be in [0.1, 30]", "radialStepDeg", radialStepDeg);
        }
        if (!(defaultTiltDeg >= -30 && defaultTiltDeg <= 45) || !(terrainStepM >= 0)) {
            throw InvalidInputException.of("invalid radio settings", "defaultTiltDeg", defaultTiltDeg, "terrainStepM",
                    terrainStepM);
        }
    }

    public int radials() {
        return (int) Math.round(360 / radialStepDeg);
    }
}
