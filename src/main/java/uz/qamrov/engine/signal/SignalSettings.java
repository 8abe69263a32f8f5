package uz.qamrov.engine.signal;

import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.InvalidInputException;

/**
 * Options of the signal diagnosis.
 *
 * <ul>
 * <li>{@code searchLimitM} = 20,000 m: the "within km" of {@code no_site_within_km}, and how far cells are sought
 * for a place's best level. 20 km is the validity limit of Okumura–Hata, the longest range the default link budget
 * gives any cell (a rural 900 MHz GSM cell at 40 m); a place farther than that from every site cannot be reached by a
 * macro cell of the default budget whatever its beam;</li>
 * <li>{@code nearestCells} = 12: besides every cell whose boresight range reaches the place, the best level is sought
 * among this many nearest cells (4 three-sector sites): a cell neither near nor in range only ever gives a level far
 * under the threshold;</li>
 * <li>{@code thresholds}: {@link SignalThresholds#of} the model's link budget with good 10 dB above the threshold.</li>
 * </ul>
 */
public record SignalSettings(double searchLimitM, int nearestCells, SignalThresholds thresholds) {

    public static final double DEFAULT_SEARCH_LIMIT_M = 20_000;
    public static final int DEFAULT_NEAREST_CELLS = 12;

    public SignalSettings {
        if (!(searchLimitM > 0 && searchLimitM <= 200_000) || nearestCells < 1 || thresholds == null) {
            throw InvalidInputException.of("invalid signal settings", "searchLimitM", searchLimitM, "nearestCells", nearestCells);
        }
    }

    /** Defaults for a model with this link budget. */
    public static SignalSettings of(LinkBudget budget) {
        return new SignalSettings(DEFAULT_SEARCH_LIMIT_M, DEFAULT_NEAREST_CELLS,
                SignalThresholds.of(budget, SignalThresholds.DEFAULT_GOOD_ABOVE_DB));
    }
}
