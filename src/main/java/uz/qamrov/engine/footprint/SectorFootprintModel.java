package uz.qamrov.engine.footprint;

import uz.qamrov.engine.model.Cell;

/**
 * Circle/sector footprints: radius from {@link CellRangeCalculator} with the environment of the site location from
 * an {@link EnvironmentClassifier}; shape from azimuth and beamwidth. Ignores terrain, tilt and antenna patterns.
 */
public final class SectorFootprintModel implements FootprintModel {

    private final EnvironmentClassifier classifier;
    private final LinkBudget budget;

    public SectorFootprintModel(EnvironmentClassifier classifier, LinkBudget budget) {
        this.classifier = classifier;
        this.budget = budget;
    }

    public CellRange rangeOf(Cell cell) {
        return CellRangeCalculator.rangeOf(cell, classifier.classify(cell.lon(), cell.lat()), budget);
    }

    @Override
    public SectorFootprint footprintOf(Cell cell) {
        return footprintOf(cell, rangeOf(cell));
    }

    /** Footprint for an already computed range (lets callers cache the environment per site). */
    public static SectorFootprint footprintOf(Cell cell, CellRange range) {
        return new SectorFootprint(cell.lon(), cell.lat(), cell.isOmni() ? null : cell.azimuthDeg(), cell.beamwidthDeg(),
                range.radiusM());
    }
}
