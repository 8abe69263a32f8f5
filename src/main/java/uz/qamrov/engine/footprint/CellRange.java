package uz.qamrov.engine.footprint;

/**
 * Coverage radius of a cell in metres (geodesic), where it came from, which model produced it and whether the
 * model's distance validity clamped it.
 */
public record CellRange(double radiusM, Source source, String modelName, boolean clamped) {

    /**
     * EXPLICIT: the operator's {@code rangeM}; LINK_BUDGET: inverted path-loss model; OBSERVED_BOUND: the cell's
     * observed upper bound ({@code observedRangeM}) was shorter than either.
     */
    public enum Source {
        EXPLICIT, LINK_BUDGET, OBSERVED_BOUND
    }
}
