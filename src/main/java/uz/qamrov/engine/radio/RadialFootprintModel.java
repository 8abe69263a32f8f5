package uz.qamrov.engine.radio;

import uz.qamrov.engine.footprint.CellRange;
import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.FootprintModel;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.PathLossModel;
import uz.qamrov.engine.footprint.PathLossModels;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.footprint.RadioLink;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Dem;

/**
 * Footprints from radials. For radial i (azimuth i·step) the received level at distance d is
 *
 * <pre>
 * level(d) = EIRP + reference share + A(φ, θ(d)) − L(d) − L_diff(d)          (dBm, see {@link LinkBudget})
 * </pre>
 * with A the {@link AntennaPattern} gain (φ off boresight, θ the depression from the antenna to a mobile 1.5 m above
 * flat ground), L the median path loss of {@link PathLossModels#forBand} (extrapolated below its minimum distance,
 * never clamped up) and L_diff the {@link Bullington} diffraction over the DEM profile (0 without a DEM: flat earth).
 * Over flat earth the radial ends at the outermost distance where level − threshold − fade − body loss is still ≥ 0
 * ({@link FlatRanges}: a dip below the threshold next to the mast is covered); terrain then ends it earlier where the
 * diffraction loss first takes the margin below 0 ({@link TerrainRadials}, on the radials {@link RadialRefinement}
 * walks, interpolated on the others). A cell's explicit
 * {@code rangeM} calibrates the budget so that its boresight radial ends there; an {@code observedRangeM} caps every
 * radial. Thread-safe; the DEM may be null.
 */
public final class RadialFootprintModel implements FootprintModel {

    private final EnvironmentClassifier classifier;
    private final LinkBudget budget;
    private final RadioSettings settings;
    private final TerrainRadials terrain;

    public RadialFootprintModel(EnvironmentClassifier classifier, LinkBudget budget, RadioSettings settings, Dem dem) {
        this.classifier = classifier;
        this.budget = budget;
        this.settings = settings;
        this.terrain = dem == null ? null : new TerrainRadials(dem, settings.terrainStepM(),
                settings.terrainGapM(), settings.terrainToleranceM());
    }

    /** "flat-earth" or a description of the DEM in use, for the run's metadata. */
    public String terrainDescription() {
        return terrain == null ? "flat-earth" : terrain.description();
    }

    /** A cell's footprint and its boresight range. */
    public record Result(RadialFootprint footprint, CellRange range) {
    }

    @Override
    public RadialFootprint footprintOf(Cell cell) {
        return build(cell, classifier.classify(cell.lon(), cell.lat())).footprint();
    }

    /**
     * The flat-earth radial solver of a cell and where its budget comes from: the one definition of its level
     * ({@link #build} and {@link PointLevels} both use it).
     */
    record Setup(RadialSolver solver, CellRange.Source source, PathLossModel model) {
        String modelName() {
            return source == CellRange.Source.EXPLICIT ? "explicit" : model.name();
        }
    }

    Setup setup(Cell cell, EnvironmentClass environment) {
        PathLossModel model = PathLossModels.forBand(cell.bandMhz());
        RadioLink link = new RadioLink(cell.bandMhz(), cell.antennaHeightM(), budget.mobileHeightM(), environment);
        double tilt = cell.tiltDeg() != null ? cell.tiltDeg() : settings.defaultTiltDeg();
        double f2b = cell.frontToBackDb() != null ? cell.frontToBackDb() : AntennaPattern.DEFAULT_FRONT_TO_BACK_DB;
        AntennaPattern pattern = new AntennaPattern(cell.isOmni(), cell.isOmni() ? 360 : cell.beamwidthDeg(), f2b,
                AntennaPattern.DEFAULT_VERTICAL_BEAMWIDTH_DEG, AntennaPattern.DEFAULT_SIDE_LOBE_DB, tilt);
        RadialSolver solver;
        CellRange.Source source;
        if (cell.rangeM() != null) {
            double capKm = cell.rangeM() / 1000;
            solver = new RadialSolver(model, link, pattern, 0, capKm);
            solver = solver.withAllowed(model.pathLossDb(capKm, link) - solver.verticalDb(capKm));
            source = CellRange.Source.EXPLICIT;
        } else {
            solver = new RadialSolver(model, link, pattern,
                    budget.allowedPathLossDb(cell.technology(), cell.eirpDbm()), model.maxDistanceKm());
            source = CellRange.Source.LINK_BUDGET;
        }
        if (cell.observedRangeM() != null && cell.observedRangeM() / 1000 < solver.capKm()) {
            solver = solver.withCap(cell.observedRangeM() / 1000);
            source = CellRange.Source.OBSERVED_BOUND;
        }
        return new Setup(solver, source, model);
    }

    LinkBudget budget() {
        return budget;
    }

    RadioSettings settings() {
        return settings;
    }

    /** Flat-earth ranges in metres of radial i at azimuth i·360°/n ({@link FlatRanges}: the outermost root). */
    double[] flatRangesM(Cell cell, RadialSolver solver) {
        return flatRangesM(cell, solver, new FlatRanges(solver));
    }

    private double[] flatRangesM(Cell cell, RadialSolver solver, FlatRanges table) {
        AntennaPattern pattern = solver.pattern();
        int n = settings.radials();
        double[] ranges = new double[n];
        double[] aHs = RadialScratch.ofThread().horizontal(n);
        double az = cell.isOmni() ? 0 : cell.azimuthDeg();
        // the range is a function of A_H alone (table.rangeKm), so radials with the same A_H share one solve: runs of
        // equal A_H (the whole back lobe, every radial of an omni cell) and mirror images about boresight. Radial m
        // mirrors radial i when m = K − i (mod n) with K = 2·az·n/360 a whole number (every 0.5° azimuth with 1°
        // radials); then their offsets are exact negatives and A_H the same bits (checked, not assumed)
        double k = 2 * az * n / 360;
        int mirrorSum = k == Math.rint(k) ? (int) Math.rint(k) : Integer.MIN_VALUE;
        double lastAh = Double.NaN;
        double lastM = Double.NaN;
        for (int i = 0; i < n; i++) {
            double aH = pattern.horizontalDb(360.0 * i / n - az);
            aHs[i] = aH;
            if (aH != lastAh) {
                int m = mirrorSum == Integer.MIN_VALUE ? -1 : Math.floorMod(mirrorSum - i, n);
                if (m >= 0 && m < i && aHs[m] == aH) {
                    lastM = ranges[m];
                } else {
                    lastM = Math.max(table.rangeKm(aH) * 1000, PathLossModel.FLOOR_KM * 1000);
                }
                lastAh = aH;
            }
            ranges[i] = lastM;
        }
        return ranges;
    }

    /** Footprint for a known environment class (lets callers cache the class per site). */
    public Result build(Cell cell, EnvironmentClass environment) {
        Setup s = setup(cell, environment);
        RadialSolver solver = s.solver();
        FlatRanges table = new FlatRanges(solver);
        double[] ranges = flatRangesM(cell, solver, table);
        double az = cell.isOmni() ? 0 : cell.azimuthDeg();
        double boresight = table.rangeKm(solver.pattern().horizontalDb(0));
        boolean clamped = s.source() == CellRange.Source.LINK_BUDGET && solver.reachesCap(0);
        if (terrain != null) {
            terrain.shorten(cell, solver, 360.0 / ranges.length, az, ranges, null);
        }
        RadialFootprint fp = new RadialFootprint(cell.lon(), cell.lat(), ranges);
        return new Result(fp, new CellRange(boresight * 1000, s.source(), s.modelName(), clamped));
    }
}
