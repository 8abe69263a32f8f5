package uz.qamrov.engine.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.locationtech.jts.geom.GeometryFactory;

import uz.qamrov.engine.footprint.CellRange;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.FootprintModel;
import uz.qamrov.engine.index.AreaIndex;
import uz.qamrov.engine.measure.CellTable.CellRec;
import uz.qamrov.engine.measure.CellTable.SiteRec;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;

/**
 * Precomputed coverage geometry of a national network, evaluated for any date and filter without redoing geometry.
 *
 * <p>At build time (independent of date and filter) every cell's footprint ({@link CellFootprints}) is intersected
 * with what it can reach through STRtrees over settlements ({@link SettlementTable}) and line edges
 * ({@link LineEdgeTable}) by {@link FootprintHitFinder}; {@link CellReachIndex} keeps the links both ways:
 * <ul>
 * <li>settlement without boundary: the cells whose footprint contains its point;</li>
 * <li>settlement with boundary: per candidate cell a bitset of the boundary's sample points it contains; on
 * evaluation the bitsets of the active cells are OR-ed and the settlement is covered when the covered share
 * reaches {@link CoverageSettings#settlementAreaCoveredRatio()} (default 0.5);</li>
 * <li>transport lines: cut into edges ≤ {@link CoverageSettings#lineSegmentMaxLengthM()} grouped in chunks of the same
 * length that take region/district from their mid-point (km marks are geodesic from the start); per edge the exact
 * covered parameter intervals of each cell;</li>
 * <li>fixed broadband ({@link FiberReach}): per settlement the fiber routes and nodes within
 * {@link CoverageSettings#fiberDropDistanceM()} of its point or boundary, and its declarations;</li>
 * <li>fiber length per region/district (2 km pieces by mid-point), sites and nodes per region/district (by point).</li>
 * </ul>
 * {@link #evaluate} ({@link SnapshotEvaluator}) then only checks validity, the filter and technology order
 * ({@link ActiveCells}), merges intervals ({@link IntervalMerger}), builds stretches ({@link StretchBuilder}) and
 * aggregates ({@link IndicatorAccumulator}). All coordinates WGS84 lon/lat; lengths geodesic.
 *
 * <p>Features whose validity is {@link uz.qamrov.engine.model.Validity#NEVER} (they count on no date) are skipped:
 * they contribute nothing and are not listed by the accessors.
 *
 * <p>Incremental updates ({@link #applySiteChanges}, {@link #applyFiberChanges}) recompute only the settlements and
 * edges that the changed features reach and give the same results as a rebuild. They are atomic: everything is
 * validated and measured before the model changes, so a failing change leaves the model as it was. Operator ids
 * are freed with their last feature and tombstoned slots are compacted, so an incremental model fails only where a
 * rebuild with the same inputs would.
 *
 * <p>Thread-safety: {@code evaluate} and the read accessors take a read lock and may run concurrently; updates
 * take the write lock. Empty inputs are allowed (indicators then contain counts of 0 and no ratios).
 *
 * <p>Limitations: the area rule is sampled (≈ {@link CoverageSettings#polygonSampleCount()} points), so settlements
 * within a few percent of the threshold may differ from an exact polygon overlay; at most 64 distinct operators;
 * footprints ignore terrain unless a custom {@link FootprintModel} is supplied.
 */
public final class CoverageModel {

    /** Scope code of the national scope. */
    public static final String NATIONAL_CODE = "UZ";

    /** The model's tables, shared read-only with the evaluator. */
    record Parts(SettlementTable settlements, LineEdgeTable edges, CellTable cells, FiberReach fiber,
            OperatorRegistry operators, Scopes scopes, GeometryFactory geometryFactory,
            double settlementAreaCoveredRatio) {
    }

    private final CoverageSettings settings;
    private final List<AdminArea> adminAreas;
    private final Parts parts;
    private final CellReachIndex reach;
    /** What this model's hits depend on besides the footprints (offered with them to a model built next). */
    private final ReachLayout layout;
    private final CellFootprints footprints;
    private final NetworkChanges changes;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Changes applied so far (under the write lock): a prepared change must be applied on the model it measured. */
    private long modifications;
    private final String terrainDescription;

    /**
     * How footprints were made, for the run's metadata: "flat-earth" (no DEM), a description of the DEM and the
     * diffraction method, "sector wedges, flat earth" or "custom footprint model".
     */
    public String terrainDescription() {
        return terrainDescription;
    }

    CoverageModel(CoverageModelBuilder b) {
        this.settings = b.settings;
        this.adminAreas = List.copyOf(b.adminAreas);
        Scopes scopes = Scopes.of(b.adminAreas, b.settlements);
        OperatorRegistry operators = new OperatorRegistry();
        SettlementTable settlements = new SettlementTable(b.settlements, scopes, settings.polygonSampleCount());
        LineEdgeTable edges = new LineEdgeTable(b.lines, scopes, settings.lineSegmentMaxLengthM());
        settlements.attachDeclarations(b.declarations, operators);
        CellTable cells = new CellTable();
        FiberReach fiber = new FiberReach(settlements, scopes, operators, b.geometryFactory,
                settings.fiberDropDistanceM(), settings.lineSegmentMaxLengthM());
        this.parts = new Parts(settlements, edges, cells, fiber, operators, scopes, b.geometryFactory,
                settings.settlementAreaCoveredRatio());
        this.footprints = new CellFootprints(b.footprintModel,
                new EnvironmentClassifier(b.settlements, settings.environment()), settings.linkBudget(), settings.radio(),
                b.terrain, b.reusableFootprints);
        this.terrainDescription = footprints.terrainDescription();
        this.layout = new ReachLayout(b.settlements, b.lines, this.adminAreas, settings.polygonSampleCount(),
                settings.lineSegmentMaxLengthM());
        this.reach = new CellReachIndex(cells, footprints, settlements, edges, operators, b.reusableFootprints, layout);

        this.changes = new NetworkChanges(parts, reach);
        List<Site> sites = cells.validateSites(b.sites, List.of());
        CellReachIndex.Prepared addedCells = reach.prepare(b.cells, List.of());
        FiberReach.Prepared addedFiber = fiber.prepare(b.fiberRoutes, List.of(), b.fiberNodes, List.of());
        changes.commitSiteRecs(sites);
        reach.commit(addedCells, true, new HashSet<>(), new HashSet<>());
        fiber.commit(addedFiber, new HashSet<>());
        footprints.doneReusing();
        reach.doneReusing();
    }

    // ------------------------------------------------------------------ incremental updates

    /**
     * Removes and adds cells and sites, recomputing only the settlements and line edges the affected footprints
     * reach. A cell or site id that is both removed and added is replaced; unknown removed ids are ignored. Removing
     * a site does not remove its cells (pass their ids too). Results equal those of a full rebuild with the same
     * inputs. Atomic: on an exception the model is unchanged.
     *
     * @throws InvalidInputException when an added cell or site is null or its id already exists and is not being
     *     removed (or appears twice), or when the change would need more than 64 operators
     */
    public ChangeStats applySiteChanges(Collection<Long> removedCellIds, Collection<Cell> addedCells,
            Collection<Long> removedSiteIds, Collection<Site> addedSites) {
        return write(() -> changes.commitSites(changes.prepareSites(removedCellIds, addedCells, removedSiteIds,
                addedSites, modifications)));
    }

    /**
     * The first half of {@link #applySiteChanges}: validates the change and measures its footprints and reach (the
     * dear part, ~0.1–0.5 ms per cell) under the read lock, so readers go on meanwhile; changes nothing.
     *
     * @throws InvalidInputException as {@link #applySiteChanges}
     */
    public SiteChange prepareSiteChanges(Collection<Long> removedCellIds, Collection<Cell> addedCells,
            Collection<Long> removedSiteIds, Collection<Site> addedSites) {
        return read(() -> changes.prepareSites(removedCellIds, addedCells, removedSiteIds, addedSites, modifications));
    }

    /**
     * The second half: links a prepared change under the write lock (no footprint is computed there).
     *
     * @throws IllegalStateException when the model changed after the change was prepared (it must be prepared again)
     */
    public ChangeStats applySiteChanges(SiteChange prepared) {
        return write(() -> {
            if (prepared.modification() != modifications) {
                throw new IllegalStateException("the coverage model changed after this site change was prepared");
            }
            return changes.commitSites(prepared);
        });
    }

    /**
     * Removes and adds fiber routes and nodes, updating only the settlements within the drop distance of them.
     * {@code touchedSegments} of the result is always 0 (fiber does not affect lines). Atomic like
     * {@link #applySiteChanges}.
     */
    public ChangeStats applyFiberChanges(Collection<Long> removedRouteIds, Collection<FiberRoute> addedRoutes,
            Collection<Long> removedNodeIds, Collection<FiberNode> addedNodes) {
        return write(() -> changes.applyFiber(removedRouteIds, addedRoutes, removedNodeIds, addedNodes));
    }

    /** Runs a change under the write lock, counting it ({@link SiteChange} checks the count). */
    private ChangeStats write(java.util.function.Supplier<ChangeStats> change) {
        lock.writeLock().lock();
        try {
            ChangeStats stats = change.get();
            modifications++;
            return stats;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Only the indicators at a date — what the dashboards, the target trends and an import's report need. Same
     * values as {@code evaluate(asOf, filter).indicators()}, without building the per-settlement list and the road
     * and rail stretch geometries (most of an evaluation's time).
     */
    public Indicators indicators(LocalDate asOf, CoverageFilter filter) {
        return underReadLock(asOf, filter, SnapshotEvaluator::indicatorsOnly);
    }

    /**
     * Evaluates coverage and indicators on {@code asOf} for the filter. Does no geometry beyond building the output
     * stretch lines.
     */
    public CoverageSnapshot evaluate(LocalDate asOf, CoverageFilter filter) {
        return underReadLock(asOf, filter, SnapshotEvaluator::snapshot);
    }

    /**
     * Signal classes and gap reasons for a snapshot this model made ({@link SignalDiagnoser}): per settlement and
     * mobile service, and per stretch, the best level, its cell, the class and, where the service is missing, the
     * reason. Run once per stored run (~the cost of an evaluation); {@link #evaluate} stays as fast as before.
     */
    public SignalReport diagnose(CoverageSnapshot snapshot) {
        return diagnose(snapshot, null, Set.of());
    }

    /**
     * {@link #diagnose(CoverageSnapshot)} keeping the answers of {@code previous} (any date, same filter) that still
     * hold ({@link SignalDiagnosis}); {@code touchedSettlementIds}: the union of {@link ChangeStats#touchedSettlementIds}
     * of every site change since {@code previous} was made, on this model.
     */
    public SignalReport diagnose(CoverageSnapshot snapshot, SignalReport previous, Set<Long> touchedSettlementIds) {
        return read(() -> diagnoser(snapshot).report(snapshot, previous, touchedSettlementIds));
    }

    /**
     * The same diagnosis, made in parts by the caller: each part takes this model's read lock on its own. Valid only
     * while the model is not updated (the caller starts again when it was).
     */
    public SignalDiagnosis diagnosisInParts(CoverageSnapshot snapshot, SignalReport previous, Set<Long> touchedSettlementIds) {
        return read(() -> new SignalDiagnosis(diagnoser(snapshot), snapshot, previous, touchedSettlementIds,
                lock.readLock()));
    }

    /** A diagnoser of the snapshot's date and filter; the caller holds the read lock (package-private for tests). */
    SignalDiagnoser diagnoser(CoverageSnapshot snapshot) {
        return new SignalDiagnoser(parts, new ActiveCells(snapshot.asOf(), snapshot.filter(), parts.cells(),
                parts.operators()), footprints, uz.qamrov.engine.signal.SignalSettings.of(settings.linkBudget()));
    }

    /**
     * Only the road and rail stretches at a date: the same list as {@code evaluate(asOf, filter).stretches()}, without
     * the settlements and indicators (a stored run keeps each operator's stretches).
     */
    public List<LineStretch> stretches(LocalDate asOf, CoverageFilter filter) {
        return underReadLock(asOf, filter, SnapshotEvaluator::stretchesOnly);
    }

    /** Fixed-broadband evaluations computed so far, not taken from the fibre's memo (for tests). */
    long fixedBroadbandComputed() {
        return parts.fiber().fixedBroadbandComputed();
    }

    private <T> T underReadLock(LocalDate asOf, CoverageFilter filter, Function<SnapshotEvaluator, T> work) {
        if (asOf == null) {
            throw InvalidInputException.of("asOf is required", "asOf", null);
        }
        CoverageFilter f = filter == null ? CoverageFilter.ANY : filter;
        return read(() -> work.apply(
                new SnapshotEvaluator(parts, new ActiveCells(asOf, f, parts.cells(), parts.operators()))));
    }

    private <T> T read(java.util.function.Supplier<T> r) {
        lock.readLock().lock();
        try {
            return r.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public CoverageSettings settings() {
        return settings;
    }

    public GeometryFactory geometryFactory() {
        return parts.geometryFactory();
    }

    public List<AdminArea> adminAreas() {
        return adminAreas;
    }

    /** Settlements in input order. */
    public List<Settlement> settlements() {
        return java.util.stream.IntStream.range(0, parts.settlements().size()).mapToObj(i -> parts.settlements().get(i).s)
                .toList();
    }

    /** Current cells (after incremental changes) that count on some date, in slot order. */
    public List<Cell> cells() {
        return read(() -> parts.cells().cells.live().stream().map(c -> c.cell).toList());
    }

    public List<Site> sites() {
        return read(() -> parts.cells().sites().stream().map(SiteRec::site).toList());
    }

    public List<FiberRoute> fiberRoutes() {
        return read(() -> parts.fiber().routes.live().stream().map(r -> r.route).toList());
    }

    public List<FiberNode> fiberNodes() {
        return read(() -> parts.fiber().nodes.live().stream().map(n -> n.node).toList());
    }

    /** Footprint of a current cell, or null if unknown. */
    public Footprint footprintOf(long cellId) {
        CellRec rec = read(() -> parts.cells().cells.get(cellId));
        return rec == null ? null : rec.footprint;
    }

    /**
     * The footprint this model would give {@code cell} if it were added: the same footprint model, link budget,
     * environment classes and terrain as the model's own cells. The model is not changed (planning asks this for
     * hypothetical cells, so that a candidate is judged by the same model as the real network).
     */
    public Footprint footprintFor(Cell cell) {
        return footprints.of(cell).footprint();
    }

    /**
     * The footprints of the current cells, for a model built next from (mostly) the same cells
     * ({@link CoverageModelBuilder#reuseFootprints}); a snapshot, later changes of this model do not reach it.
     */
    public ReusableFootprints reusableFootprints() {
        return read(() -> ReusableFootprints.of(footprints, parts.cells().cells.live(), layout,
                () -> read(() -> EdgeIntervalsByCell.of(parts.cells(), parts.edges()))));
    }

    /**
     * How many footprints this model took instead of computing them: from {@link ReusableFootprints} at its build,
     * and from the cell it held when a change altered only a cell's period on air.
     */
    public long footprintsReused() {
        return footprints.reusedCount();
    }

    /** How many cells took their hits (what their footprint reaches) from {@link ReusableFootprints} at the build. */
    public long hitsReused() {
        return reach.hitsReused();
    }

    /** Range of a current cell (null if unknown or when a custom footprint model is used). */
    public CellRange rangeOf(long cellId) {
        CellRec rec = read(() -> parts.cells().cells.get(cellId));
        return rec == null ? null : rec.range;
    }

    /** Number of line edges (≤ segment max length) the model precomputed; for diagnostics. */
    public int edgeCount() {
        return parts.edges().edgeCount;
    }

    /** Total geodesic length of a line in km, or NaN if unknown. */
    public double lineLengthKm(long lineId, LineKind kind) {
        return parts.edges().lineLengthKm(lineId, kind);
    }

    /** Footprints of cells active on {@code asOf}, of technology ≥ {@code atLeast} (null = any) and operator. */
    List<Footprint> activeFootprints(LocalDate asOf, Technology atLeast, String operator) {
        return read(() -> {
            List<Footprint> out = new ArrayList<>();
            for (CellRec c : parts.cells().cells.live()) {
                if (c.cell.validity().contains(asOf) && (operator == null || operator.equals(c.cell.operator()))
                        && (atLeast == null || c.cell.technology().atLeast(atLeast))) {
                    out.add(c.footprint);
                }
            }
            return out;
        });
    }

    AreaIndex areaIndex() {
        return parts.scopes().areaIndex();
    }

    /** Cell slots in use, tombstones included; for tests of compaction. */
    int cellSlotCount() {
        return read(() -> parts.cells().cells.slotCount());
    }

    /** Operators in use; for tests of id reuse. */
    int operatorCount() {
        return read(() -> parts.operators().size());
    }
}
