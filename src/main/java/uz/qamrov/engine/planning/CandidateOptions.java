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
 * @param populatedGridKm spacing of the dense grid of new-site points over populated land (0 = no such grid)
 * @param populatedRadiusKm land within this distance of a settlement counts as populated for that grid
 * @param upgrade5gBandMhz band of the 5G layer a 4G site gets (3,500 MHz: the band of the dataset's 5G cells)
 * @param regionMultipliers cost multiplier per region code (missing = 1)
 */
public record CandidateOptions(LocalDate asOf, String operator, String regionCode, Set<Long> targetHighwayIds,
        String railKey, double linePieceKm, double lineSiteSpacingKm, double gridKm, int newSiteBandMhz,
        double newSiteHeightM, double populatedGridKm, double populatedRadiusKm, int upgrade5gBandMhz,
        PlanningCosts costs, Map<String, Double> regionMultipliers) {

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
        if (!(populatedGridKm == 0 || populatedGridKm >= 0.25 && populatedGridKm <= 100)) {
            throw InvalidInputException.of("populatedGridKm must be 0 (off) or in [0.25, 100]", "populatedGridKm",
                    populatedGridKm);
        }
        if (!(populatedRadiusKm >= 0 && populatedRadiusKm <= 50)) {
            throw InvalidInputException.of("populatedRadiusKm must be in [0, 50]", "populatedRadiusKm",
                    populatedRadiusKm);
        }
        if (!(upgrade5gBandMhz >= 150 && upgrade5gBandMhz <= 6000)) {
            throw InvalidInputException.of("upgrade5gBandMhz must be in [150, 6000]", "upgrade5gBandMhz",
                    upgrade5gBandMhz);
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

    /**
     * National, neutral host, default spacing: 1 km pieces, a site every 5 km of road, a 10 km grid, 800 MHz at 30 m,
     * no dense grid over populated land (it multiplies the candidates; {@link #withPopulatedGrid} turns it on), 5G at
     * 3,500 MHz.
     */
    public static CandidateOptions defaults(LocalDate asOf) {
        return new CandidateOptions(asOf, null, null, null, null, 1, 5, 10, 800, 30, 0, 0, 3500, PlanningCosts.DEFAULTS,
                Map.of());
    }

    public CandidateOptions withScope(String operator, String regionCode, Set<Long> targetHighwayIds) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, linePieceKm,
                lineSiteSpacingKm, gridKm, newSiteBandMhz, newSiteHeightM, populatedGridKm, populatedRadiusKm,
                upgrade5gBandMhz, costs, regionMultipliers);
    }

    public CandidateOptions withCosts(PlanningCosts c, Map<String, Double> multipliers) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, linePieceKm,
                lineSiteSpacingKm, gridKm, newSiteBandMhz, newSiteHeightM, populatedGridKm, populatedRadiusKm,
                upgrade5gBandMhz, c, multipliers);
    }

    public CandidateOptions withSpacing(double pieceKm, double siteSpacingKm, double grid) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, pieceKm, siteSpacingKm, grid,
                newSiteBandMhz, newSiteHeightM, populatedGridKm, populatedRadiusKm, upgrade5gBandMhz, costs,
                regionMultipliers);
    }

    /** A new-site point every {@code spacingKm} over land within {@code radiusKm} of any settlement (0 km = off). */
    public CandidateOptions withPopulatedGrid(double spacingKm, double radiusKm) {
        return new CandidateOptions(asOf, operator, regionCode, targetHighwayIds, railKey, linePieceKm,
                lineSiteSpacingKm, gridKm, newSiteBandMhz, newSiteHeightM, spacingKm, radiusKm, upgrade5gBandMhz,
                costs, regionMultipliers);
    }

    double multiplier(String region) {
        Double m = region == null ? null : regionMultipliers.get(region);
        return m == null ? 1 : m;
    }

    boolean inScope(String region) {
        return regionCode == null || regionCode.equals(region);
    }
}
