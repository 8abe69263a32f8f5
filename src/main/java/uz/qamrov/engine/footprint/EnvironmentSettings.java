package uz.qamrov.engine.footprint;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Thresholds of {@link EnvironmentClassifier}: a location is URBAN when the settlements within {@code radiusM}
 * hold at least {@code urbanPopulation} people, SUBURBAN from {@code suburbanPopulation}, else RURAL.
 * Defaults ({@link #DEFAULTS}): 3,000 m, 100,000 and 10,000 — a 3 km disc of 100k people is ~3,500 people/km²,
 * the density of Uzbek city cores; 10k within 3 km is a district centre or a dense kishlak belt.
 */
public record EnvironmentSettings(double radiusM, int urbanPopulation, int suburbanPopulation) {

    public static final EnvironmentSettings DEFAULTS = new EnvironmentSettings(3_000, 100_000, 10_000);

    public EnvironmentSettings {
        if (!(radiusM > 0 && radiusM <= 50_000) || suburbanPopulation < 0 || urbanPopulation < suburbanPopulation) {
            throw InvalidInputException.of("invalid environment settings", "radiusM", radiusM, "urbanPopulation",
                    urbanPopulation, "suburbanPopulation", suburbanPopulation);
        }
    }
}
