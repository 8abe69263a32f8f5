package uz.qamrov.engine.footprint;

import uz.qamrov.engine.model.Cell;

/**
 * Boresight radius of a cell: the explicit {@code rangeM} when present, else the distance at which the link budget's
 * allowed path loss is reached under {@link PathLossModels#forBand} (extrapolated below the model's minimum distance,
 * clamped and flagged above its maximum), capped by the cell's {@code observedRangeM}. Stateless and thread-safe.
 *
 * @throws UnsupportedBandException (from {@link #rangeOf}) when a cell without {@code rangeM} has a band outside
 *     150–6000 MHz
 */
public final class CellRangeCalculator {

    private CellRangeCalculator() {
    }

    public static CellRange rangeOf(Cell cell, EnvironmentClass environment, LinkBudget budget) {
        if (cell.rangeM() != null) {
            return new CellRange(cell.rangeM(), CellRange.Source.EXPLICIT, "explicit", false);
        }
        PathLossModel model = PathLossModels.forBand(cell.bandMhz());
        RadioLink link = new RadioLink(cell.bandMhz(), cell.antennaHeightM(), budget.mobileHeightM(), environment);
        MaxDistance d = model.maxDistance(budget.allowedPathLossDb(cell.technology(), cell.eirpDbm()), link);
        if (cell.observedRangeM() != null && cell.observedRangeM() < d.distanceKm() * 1000) {
            return new CellRange(cell.observedRangeM(), CellRange.Source.OBSERVED_BOUND, model.name(), false);
        }
        return new CellRange(d.distanceKm() * 1000, CellRange.Source.LINK_BUDGET, model.name(), d.clamped());
    }
}
