package uz.qamrov.engine.planning;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.InvalidInputException;

/**
 * How {@link CandidateGenerator} builds a planning problem from the real model.
 *
 * @param asOf the date whose network is the baseline
 * @param operator the operator that builds (its sites are upgraded, its fiber backhauls); null = a neutral host that
 *     may upgrade any site and use any fiber. Gaps are always those of the whole network (the roadmap's view).
 * @param regionCode only demands and candidates in this region (null = national)
 * @param targetHighwayIds the highways of the 4G-km goal (international and state roads); null = every highway
 * @param railKey the rail line of the rail goal
 * @param linePieceKm uncovered road/rail stretches are demands of this length (the unit a candidate closes)
 * @param lineSiteSpacingKm a new-site candidate every this many km along uncovered road/rail stretches
 * @param gridKm cell size of the coarse grid over uncovered populated land (one candidate per cell, at the
 *     population-weighted centre of its uncovered settlements)
 * @param newSiteBandMhz band of the three 4G sectors of a new site (800 MHz: the rural coverage layer)
 * @param newSiteHeightM antenna height of a new site
 * @param regionMultipliers cost multiplier per region code (missing = 1)
 */
public record CandidateOptions(LocalDate asOf, String operator, String regionCode, Set<Long> targetHighwayIds,
        String railKey, double linePieceKm, double lineSiteSpacingKm, double gridKm, int newSiteBandMhz,
        double newSiteHeightM, PlanningCosts costs, Map<String, Double> regionMultipliers) {

    public CandidateOptions {
        if (asOf == null) {
            throw InvalidInputException.of("asOf is required", "asOf", null);
        }
        if (!(linePieceKm >= 0.1 && linePieceKm <= 10)) {
            throw InvalidInputException.of("linePieceKm must be in [0.1, 10]", "linePieceKm", linePieceKm);
        }
        if (!(lineSiteSpacingKm >= 0.5 && lineSiteSpacingKm <= 100)) {
            throw InvalidInputException.of("lineSiteSpacingKm must be in [0.5, 100]", "lineSiteSpacingKm",
                    lineSiteSpacingKm);
        }
        if (!(gridKm >= 1 && gridKm <= 200)) {
            throw InvalidInputException.of("gridKm must be in [1, 200]", "gridKm", gridKm);
        }
        if (!(newSiteHeightM > 0 && newSiteHeightM <= 200)) {
            throw InvalidInputException.of("newSiteHeightM must be in (0, 200]", "newSiteHeightM", newSiteHeightM);
        }
        costs = costs == null ? PlanningCosts.DEFAULTS : costs;
        regionMultipliers = regionMultipliers == null ? Map.of() : Map.copyOf(regionMultipliers);
        for (var e : regionMultipliers.entrySet()) {
            if (!(e.getValue() > 0 && e.getValue() <= 10)) {
                throw InvalidInputException.of("a region multiplier must be in (0, 10]",
                        "regionMultipliers." + e.getKey(), e.getValue());
            }
        }
        railKey = railKey == null ? IndicatorKeys.RAIL_CORRIDOR_KEY : railKey;
    }

    /** National, neutral host, default spacing: 1 km pieces, a site every 5 km of road, a 10 km grid, 800 MHz at 30 m. */
    public static CandidateOptions defaults(LocalDate asOf) {
        return new CandidateOptions(asOf, null, null, null, null, 1, 5, 10, 800, 30, PlanningCosts.DEFAULTS, Map.of());
    }

    public CandidateOptions withScope(String operator, String regionCode, Set<Long> targetHighwayIds) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, linePieceKm,
                lineSiteSpacingKm, gridKm, newSiteBandMhz, newSiteHeightM, costs, regionMultipliers);
    }

    public CandidateOptions withCosts(PlanningCosts c, Map<String, Double> multipliers) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, linePieceKm,
                lineSiteSpacingKm, gridKm, newSiteBandMhz, newSiteHeightM, c, multipliers);
    }

    public CandidateOptions withSpacing(double pieceKm, double siteSpacingKm, double grid) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, pieceKm, siteSpacingKm, grid,
                newSiteBandMhz, newSiteHeightM, costs, regionMultipliers);
    }

    double multiplier(String region) {
        Double m = region == null ? null : regionMultipliers.get(region);
        return m == null ? 1 : m;
    }

    boolean inScope(String region) {
        return regionCode == null || regionCode.equals(region);
    }
}
