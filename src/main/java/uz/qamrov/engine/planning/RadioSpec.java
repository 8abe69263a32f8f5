package uz.qamrov.engine.planning;

import java.util.List;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;

/**
 * A radio candidate before it is judged: what it would build, where, and its price before backhaul and the region
 * multiplier. {@link CandidateGenerator} turns it into a {@link Candidate} when its footprints close a demand.
 *
 * @param censusClass the class the candidate is counted under ({@link CandidateCensus})
 * @param regionCode the region when already known (settlements carry theirs), else null: looked up only when needed
 * @param newSite whether it is a new site (its backhaul is then priced) or work on an existing one
 * @param onLandOnly a grid point, dropped when it lies outside every admin area of the model
 * @param exclusiveGroup the alternatives this one excludes share it ({@link Candidate#exclusiveGroup}); null = none
 */
record RadioSpec(String censusClass, String ref, CandidateType type, String label, double lon, double lat,
        String regionCode, double baseCostUsd, boolean newSite, boolean onLandOnly, List<Cell> cells,
        List<Site> sites, String exclusiveGroup) {

    RadioSpec(String censusClass, String ref, CandidateType type, String label, double lon, double lat,
            String regionCode, double baseCostUsd, boolean newSite, boolean onLandOnly, List<Cell> cells,
            List<Site> sites) {
        this(censusClass, ref, type, label, lon, lat, regionCode, baseCostUsd, newSite, onLandOnly, cells, sites, null);
    }
}
