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
import uz.qamrov.engine.radio.PointLevel;
import uz.qamrov.engine.radio.PointLevels;
import uz.qamrov.engine.radio.RadialFootprintModel;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;

/**
 * Turns a cell into its footprint (and range): a custom {@link FootprintModel} when one is supplied; otherwise, with
 * the environment class of the site (cached per location because the cells of a site share it and incremental
 * updates often re-add them), a {@link RadialFootprintModel} (antenna pattern, link budget, optional DEM) or, when
 * {@link RadioSettings#wedges()} asks for it, the legacy hard sector. Thread-safe.
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
    private final RadialFootprintModel radial;
    /** Levels at points by the radial model's budget, in every footprint mode (terrain only with radial footprints). */
    private final PointLevels levels;
    private final Map<Point, EnvironmentClass> environmentCache = new ConcurrentHashMap<>();
    private final RadioSettings radio;
    private final Dem dem;
    /**
     * Footprints another model made with the same recipe, while this model is being built; null when there are none
     * to take, and after the build (kept, they would keep the other model's cell records alive).
     */
    private volatile ReusableFootprints reusable;
    private final java.util.concurrent.atomic.AtomicLong reused = new java.util.concurrent.atomic.AtomicLong();

    CellFootprints(FootprintModel custom, EnvironmentClassifier classifier, LinkBudget budget, RadioSettings radio,
            Dem dem, ReusableFootprints offered) {
        this.custom = custom;
        this.classifier = classifier;
        this.budget = budget;
        this.radio = radio;
        this.dem = dem;
        this.radial = radio.wedges() ? null : new RadialFootprintModel(classifier, budget, radio, dem);
        Dem levelDem = radio.wedges() || custom != null ? null : dem;
        this.levels = new PointLevels(radial != null ? radial : new RadialFootprintModel(classifier, budget, radio, null),
                levelDem);
        this.reusable = offered != null && offered.sameRecipeAs(this) ? offered : null;
    }

    /**
     * Whether this and {@code other} give equal footprints to equal cells in equal environment classes: no custom
     * model, equal budget and radio settings, the same DEM object (a DEM is immutable; a new file is a new object).
     */
    boolean sameRecipeAs(CellFootprints other) {
        return custom == null && other.custom == null && budget.equals(other.budget) && radio.equals(other.radio)
                && dem == other.dem;
    }

    /** Ends the taking of another model's footprints (at the end of the model's build). */
    void doneReusing() {
        reusable = null;
    }

    /** How many footprints were taken (from another model, or from a cell only the period on air changed). */
    long reusedCount() {
        return reused.get();
    }

    /** "flat-earth", the DEM in use, or "sector wedges" / "custom" for the run's metadata. */
    String terrainDescription() {
        return custom != null ? "custom footprint model" : radial == null ? "sector wedges, flat earth"
                : radial.terrainDescription();
    }

    /** Whether {@link #levelAt} includes terrain. */
    boolean levelsWithTerrain() {
        return levels.terrain();
    }

    /** Level of cell {@code c} at (lon, lat): see {@link PointLevels#level}. */
    PointLevel levelAt(Cell c, double lon, double lat, boolean withTerrain) {
        return levels.level(c, environmentOf(c), lon, lat, withTerrain);
    }

    /** The per-cell part of {@link #levelAt}, to be kept with the cell ({@link CellTable.CellRec#levels}). */
    PointLevels.Prepared prepareLevels(Cell c) {
        return levels.prepare(c, environmentOf(c));
    }

    /** Level at (lon, lat) of a cell prepared by {@link #prepareLevels}. */
    PointLevel levelAt(PointLevels.Prepared cell, double lon, double lat, boolean withTerrain) {
        return levels.level(cell, lon, lat, withTerrain);
    }

    /** An upper bound of the flat margin of a prepared cell at a distance: see {@link PointLevels#flatMarginUpperBoundDb}. */
    double flatMarginUpperBoundDb(PointLevels.Prepared cell, double distanceM) {
        return levels.flatMarginUpperBoundDb(cell, distanceM);
    }

    EnvironmentClass environmentOf(Cell c) {
        return environmentCache.computeIfAbsent(new Point(c.lon(), c.lat()), p -> classifier.classify(p.lon(), p.lat()));
    }

    /**
     * The footprint of {@code c}, which replaces {@code previous} (the record the model holds under its id, or null):
     * when only the period on air changed (a decommission, a corrected date), the previous footprint, which depends
     * on everything but that; otherwise {@link #of(Cell)}.
     */
    Shape replacing(Cell c, CellTable.CellRec previous) {
        if (custom == null && previous != null && previous.cell.withValidity(c.validity()).equals(c)) {
            reused.incrementAndGet();
            return new Shape(previous.footprint, previous.range);
        }
        return of(c);
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
        ReusableFootprints offered = reusable;
        if (offered != null) {
            Shape taken = offered.shapeFor(c, this);
            if (taken != null) {
                reused.incrementAndGet();
                return taken;
            }
        }
        EnvironmentClass env = environmentOf(c);
        if (radial != null) {
            RadialFootprintModel.Result r = radial.build(c, env);
            return new Shape(r.footprint(), r.range());
        }
        CellRange range = CellRangeCalculator.rangeOf(c, env, budget);
        return new Shape(SectorFootprintModel.footprintOf(c, range), range);
    }
}
