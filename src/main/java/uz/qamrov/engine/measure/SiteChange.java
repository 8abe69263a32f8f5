package uz.qamrov.engine.measure;

import java.util.List;
import java.util.Set;

import uz.qamrov.engine.model.Site;

/**
 * A change of sites and cells validated and measured on the model as it stood ({@link CoverageModel#prepareSiteChanges}),
 * not applied yet: its footprints and reach are computed, so applying it ({@link CoverageModel#applySiteChanges(SiteChange)})
 * only links. Valid on that model state only ({@code modification}).
 */
public final class SiteChange {

    private final long modification;
    final Set<Long> removedCells;
    final Set<Long> removedSites;
    final List<Site> addedSites;
    final boolean sitesOnlyAdded;
    final CellReachIndex.Prepared addedCells;

    SiteChange(long modification, Set<Long> removedCells, Set<Long> removedSites, List<Site> addedSites,
            boolean sitesOnlyAdded, CellReachIndex.Prepared addedCells) {
        this.modification = modification;
        this.removedCells = removedCells;
        this.removedSites = removedSites;
        this.addedSites = addedSites;
        this.sitesOnlyAdded = sitesOnlyAdded;
        this.addedCells = addedCells;
    }

    long modification() {
        return modification;
    }

    /** Cells added (their footprints measured). */
    public int addedCellCount() {
        return addedCells.recs().length;
    }
}
