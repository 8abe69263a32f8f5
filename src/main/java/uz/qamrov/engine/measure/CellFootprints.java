package uz.qamrov.engine.measure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import uz.qamrov.engine.footprint.CellRange;
import uz.qamrov.engine.footprint.CellRangeCalculator;
import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.FootprintModel;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.SectorFootprintModel;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.InvalidInputException;

/**
 * Turns a cell into its footprint (and range): a custom {@link FootprintModel} when one is supplied, otherwise a
 * sector from the link budget with the environment class of the site, cached per location because the cells of a
 * site share it and incremental updates often re-add them. Thread-safe.
 */
final class CellFootprints {

    /** A cell's footprint; {@code range} is null with a custom footprint model. */
    record Shape(Footprint footprint, CellRange range) {
    }

    private record Point(double lon, double lat) {
    }

    private final FootprintModel custom;
    private final EnvironmentClassifier classifier;
    private final LinkBudget budget;
    private final Map<Point, EnvironmentClass> environmentCache = new ConcurrentHashMap<>();

    CellFootprints(FootprintModel custom, EnvironmentClassifier classifier, LinkBudget budget) {
        this.custom = custom;
        this.classifier = classifier;
        this.budget = budget;
    }

    /** @throws InvalidInputException when a custom model gives no footprint */
    Shape of(Cell c) {
        if (custom != null) {
            Footprint fp = custom.footprintOf(c);
            if (fp == null) {
                throw InvalidInputException.of("footprint model returned no footprint", "cellId", c.id());
            }
            return new Shape(fp, null);
        }
        EnvironmentClass env = environmentCache.computeIfAbsent(new Point(c.lon(), c.lat()),
                p -> classifier.classify(p.lon(), p.lat()));
        CellRange range = CellRangeCalculator.rangeOf(c, env, budget);
        return new Shape(SectorFootprintModel.footprintOf(c, range), range);
    }
}
