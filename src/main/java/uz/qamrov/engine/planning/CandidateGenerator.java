package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.footprint.CellRangeCalculator;
import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.index.AreaIndex;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * Builds a {@link PlanningProblem} from the real coverage model: demands from its evaluation on a date
 * ({@link DemandCollector}), priced candidates, and which demands each candidate closes.
 *
 * <p>Candidate rules, one definition each:
 * <ul>
 * <li>on existing sites ({@link ExistingSiteCandidates}): a 4G upgrade of every site without 4G, a 5G upgrade of every
 * 4G site without 5G, an added 4G sector on every directional 4G site whose beams leave an angle uncovered;</li>
 * <li>new sites, three 120° 4G sectors, at the places {@link NewSitePoints} lists (every settlement centre, every
 * {@code lineSiteSpacingKm} along uncovered goal roads and rail, a coarse grid over uncovered settlements, and
 * optionally a dense grid over populated land); backhaul priced by {@link PlanningCosts#backhaul};</li>
 * <li>a fiber extension (with cabinets and drops) from the nearest access fiber to each settlement without fixed
 * broadband, when within {@code fiberExtensionMaxKm}; it also serves the other such settlements within the model's
 * drop distance of the new cable.</li>
 * </ul>
 * Radio footprints are the coverage model's own ({@link CoverageModel#footprintFor}: same footprint model, link
 * budget, environment classes and terrain as the real cells — no second coverage model). They are built only for
 * candidates with a demand within the reach bound of their cells (the link budget's flat-earth boresight range + 10%:
 * antenna patterns and terrain only shorten a footprint); with a custom footprint model, whose reach is unknown, every
 * footprint is built. A demand counts as closed by a candidate when its point lies in one of the candidate's
 * footprints; settlements judged by area in the engine may differ — the plan's projected indicators therefore come
 * from an engine what-if, not from these counts. {@link #generateWithCensus} also reports how many candidates each
 * rule generated, how many were judged by their footprints and how many close a demand ({@link CandidateCensus}).
 *
 * <p>High ground: with a DEM ({@link PlanningIndexes#terrain}), each new-site point whose surroundings rise at least
 * 10 m within 1.5 km gets the highest place there as an exclusive alternative ({@link HighGround}); both are judged
 * by the model's footprints (with terrain when the model has it), and the optimiser builds at most one.
 *
 * <p>Limitations: candidate ids are negative so that they never clash with real ones.
 */
public final class CandidateGenerator {

    private static final double[] NEW_SITE_AZIMUTHS = {0, 120, 240};
    /** Slack on the link-budget reach bound (rounding of the environment and path-loss models). */
    private static final double REACH_SLACK = 1.1;
    private static final String CUSTOM_FOOTPRINTS = "custom footprint model";

    /** The problem and how it was made. */
    public record Generated(PlanningProblem problem, CandidateCensus census) {
    }

    private final CoverageModel model;
    private final CandidateOptions o;
    private final EnvironmentClassifier environment;
    private final LinkBudget budget;
    private final boolean reachBounded;
    private final AreaIndex areas;
    private final AtomicLong ids = new AtomicLong();
    private final String builder;
    private final Map<String, CandidateCensus.Counts> census = new LinkedHashMap<>();
    private final Map<String, Long> phaseMs = new LinkedHashMap<>();
    private final Map<RangeKey, Double> ranges = new ConcurrentHashMap<>();

    private final PlanningIndexes shared;

    private CandidateGenerator(CoverageModel model, CandidateOptions o, boolean boundReach, PlanningIndexes shared) {
        this.model = model;
        this.shared = shared == null ? PlanningIndexes.NONE : shared;
        this.o = o;
        this.environment = new EnvironmentClassifier(model.settlements(), model.settings().environment());
        this.budget = model.settings().linkBudget();
        this.reachBounded = boundReach && !CUSTOM_FOOTPRINTS.equals(model.terrainDescription());
        this.areas = new AreaIndex(model.adminAreas());
        this.builder = o.operator() == null ? "NEUTRAL_HOST" : o.operator();
    }

    /** Demands, candidates and baselines for the options' date, scope and costs. */
    public static PlanningProblem generate(CoverageModel model, CandidateOptions options) {
        return generateWithCensus(model, options).problem();
    }

    /** {@link #generate}, with the candidates counted by class and the phases timed. */
    public static Generated generateWithCensus(CoverageModel model, CandidateOptions options) {
        return new CandidateGenerator(model, options, true, PlanningIndexes.NONE).run();
    }

    /**
     * {@link #generateWithCensus(CoverageModel, CandidateOptions)} with what the caller keeps per model generation:
     * the nearest-site/fiber index of {@code model}'s network (it must be of the same network, or the backhaul is
     * priced against another one) and the terrain for high ground.
     */
    public static Generated generateWithCensus(CoverageModel model, CandidateOptions options, PlanningIndexes shared) {
        return new CandidateGenerator(model, options, true, shared).run();
    }

    /** With {@code boundReach} false every footprint is built: the check that the reach bound drops nothing. */
    static Generated generateWithCensus(CoverageModel model, CandidateOptions options, boolean boundReach) {
        return new CandidateGenerator(model, options, boundReach, PlanningIndexes.NONE).run();
    }

    private Generated run() {
        long t = System.nanoTime();
        CoverageSnapshot snap = model.evaluate(o.asOf(), CoverageFilter.ANY);
        DemandCollector.DemandSet ds = DemandCollector.collect(snap, model.settlements(), o);
        DemandIndex index = new DemandIndex(ds);
        t = phase("demands (engine evaluation)", t);
        List<RadioSpec> specs = new ArrayList<>(ExistingSiteCandidates.specs(model.cells(), o, ids::incrementAndGet));
        t = phase("rules: existing sites", t);
        Collection<NewSitePoints.Point> points = NewSitePoints.collect(ds, model.settlements(), o);
        t = phase("rules: new-site points", t);
        if (shared.terrain() == null) {
            points.forEach(p -> specs.add(newSite(p, false, null)));
        } else {
            highGround(points, specs);
            t = phase("rules: high ground", t);
        }
        Judged[] judged = new Judged[specs.size()];
        IntStream.range(0, specs.size()).parallel().forEach(k -> judged[k] = judge(specs.get(k), index));
        t = phase("reach and footprints", t);
        // the index over every fiber route piece is the expensive part of backhaul pricing (up to 119 s under load):
        // a caller that plans repeatedly on one model generation passes it in (PlanningIndexes), so no plan pays it
        NearestFinder nearest = shared.nearest();
        if (nearest == null) {
            nearest = NearestFinder.of(model);
            t = phase("backhaul index (built for this plan)", t);
        }
        List<Candidate> out = new ArrayList<>();
        price(specs, judged, out, nearest);
        t = phase("backhaul and prices", t);
        fiberExtensions(out, ds);
        phase("fiber extensions", t);
        PlanningProblem problem = new PlanningProblem(ds.demands(), out, ds.totals(), ds.baseline(), null);
        return new Generated(problem, new CandidateCensus(census, phaseMs));
    }

    private long phase(String name, long since) {
        long now = System.nanoTime();
        phaseMs.put(name, (now - since) / 1_000_000);
        return now;
    }

    /**
     * Each point, and where the terrain offers it, the high ground near it ({@link HighGround}) as an exclusive
     * alternative (group {@code place:<point ref>}): the optimiser builds at most one of the two, the one whose own
     * footprints reach more per USD. A hill that is already a candidate place (another point, another point's hill)
     * is not offered twice.
     */
    private void highGround(Collection<NewSitePoints.Point> points, List<RadioSpec> specs) {
        Set<String> taken = new HashSet<>();
        points.forEach(p -> taken.add(NewSitePoints.key(p.lon(), p.lat())));
        for (NewSitePoints.Point p : points) {
            double[] hill = HighGround.near(shared.terrain(), p.lon(), p.lat(), this::mayStand);
            if (hill == null || !taken.add(NewSitePoints.key(hill[0], hill[1]))) {
                specs.add(newSite(p, false, null));
                continue;
            }
            String group = "place:" + newSiteRef(p, false);
            specs.add(newSite(p, false, group));
            specs.add(newSite(new NewSitePoints.Point(p.kind(), hill[0], hill[1]), true, group));
        }
    }

    /** A new site may stand here: inside an admin area of the plan's scope (anywhere when the model has none). */
    private boolean mayStand(double lon, double lat) {
        if (model.adminAreas().isEmpty()) {
            return true;
        }
        String region = areas.lookup(lon, lat).regionCode();
        return region != null && o.inScope(region);
    }

    private RadioSpec newSite(NewSitePoints.Point p, boolean highGround, String group) {
        long siteId = -ids.incrementAndGet();
        List<Cell> cells = new ArrayList<>();
        for (double az : NEW_SITE_AZIMUTHS) {
            cells.add(new Cell(-ids.incrementAndGet(), siteId, builder, Technology.G4, o.newSiteBandMhz(), az, 120,
                    o.newSiteHeightM(), null, null, p.lon(), p.lat(), Validity.ALWAYS));
        }
        Site site = new Site(siteId, builder, p.lon(), p.lat(), Validity.ALWAYS);
        boolean grid = NewSitePoints.POPULATED_GRID.equals(p.kind());
        String kind = highGround ? p.kind() + ", high ground" : p.kind();
        return new RadioSpec(highGround ? "new site: high ground" : "new site: " + p.kind(), newSiteRef(p, highGround),
                CandidateType.NEW_SITE, "new site (" + kind + ")", p.lon(), p.lat(), null,
                o.costs().newMacroSiteUsd(), true, grid || highGround, cells, List.of(site), group);
    }

    /** {@code new:<kind>:<lon>,<lat>}, or {@code new:<kind>-high:…} for the high ground near a point of that kind. */
    private static String newSiteRef(NewSitePoints.Point p, boolean highGround) {
        return "new:" + (highGround ? p.kind() + "-high" : p.kind()) + ":"
                + String.format(java.util.Locale.ROOT, "%.4f,%.4f", p.lon(), p.lat());
    }

    /** What judging a spec found: out of scope, or in scope with (possibly no) covered demands. */
    private record Judged(boolean inScope, boolean footprintsBuilt, String regionCode, int[] covers) {
        static final Judged OUT = new Judged(false, false, null, new int[0]);
    }

    private Judged judge(RadioSpec spec, DemandIndex index) {
        String region = spec.regionCode();
        if (region == null && (o.regionCode() != null || spec.onLandOnly())) {
            region = areas.lookup(spec.lon(), spec.lat()).regionCode();
            if (region == null && spec.onLandOnly() && !model.adminAreas().isEmpty()) {
                return Judged.OUT;
            }
        }
        if (!o.inScope(region)) {
            return Judged.OUT;
        }
        if (reachBounded && !index.anyNear(spec.lon(), spec.lat(), reachBoundM(spec))) {
            return new Judged(true, false, region, new int[0]);
        }
        List<Footprint> fps = spec.cells().stream().map(model::footprintFor).toList();
        return new Judged(true, true, region, index.coveredBy(fps));
    }

    /** What a candidate cell's link-budget range depends on (its cells carry no explicit range, EIRP or bound). */
    private record RangeKey(Technology technology, int bandMhz, double heightM, EnvironmentClass environment) {
    }

    private double reachBoundM(RadioSpec spec) {
        // the cells of a spec share one location: one environment class; ranges repeat, so they are remembered
        EnvironmentClass env = environment.classify(spec.lon(), spec.lat());
        double max = 0;
        for (Cell c : spec.cells()) {
            double r = c.rangeM() != null || c.eirpDbm() != null || c.observedRangeM() != null
                    ? CellRangeCalculator.rangeOf(c, environment.classify(c.lon(), c.lat()), budget).radiusM()
                    : ranges.computeIfAbsent(new RangeKey(c.technology(), c.bandMhz(), c.antennaHeightM(), env),
                            k -> CellRangeCalculator.rangeOf(c, env, budget).radiusM());
            max = Math.max(max, r);
        }
        return max * REACH_SLACK;
    }

    /** Candidates for the specs that close a demand (backhaul of new sites priced in parallel), census tallied. */
    private void price(List<RadioSpec> specs, Judged[] judged, List<Candidate> out, NearestFinder nearest) {
        Candidate[] built = new Candidate[specs.size()];
        IntStream.range(0, specs.size()).parallel().filter(k -> judged[k].covers().length > 0).forEach(k -> {
            RadioSpec s = specs.get(k);
            String region = judged[k].regionCode() != null ? judged[k].regionCode()
                    : areas.lookup(s.lon(), s.lat()).regionCode();
            Backhaul bh = Backhaul.EXISTING;
            if (s.newSite()) {
                double fiberM = nearest.nearestFiber(s.lon(), s.lat(), o.asOf(), o.operator()).map(n -> n.distanceM())
                        .orElse(Double.POSITIVE_INFINITY);
                double siteM = nearest.nearestSite(s.lon(), s.lat(), o.asOf(), o.operator()).map(n -> n.distanceM())
                        .orElse(Double.POSITIVE_INFINITY);
                bh = o.costs().backhaul(fiberM, siteM);
            }
            double cost = (s.baseCostUsd() + bh.costUsd()) * o.multiplier(region);
            NetworkDelta delta = new NetworkDelta(s.sites(), s.cells(), List.of(), List.of(), List.of(), List.of());
            built[k] = new Candidate(s.ref(), s.type(), s.label(), s.lon(), s.lat(), region, cost, bh,
                    judged[k].covers(), delta, s.exclusiveGroup());
        });
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (int k = 0; k < specs.size(); k++) {
            int[] n = tally.computeIfAbsent(specs.get(k).censusClass(), c -> new int[3]);
            if (judged[k].inScope()) {
                n[0]++;
                n[1] += judged[k].footprintsBuilt() ? 1 : 0;
            }
            if (built[k] != null) {
                n[2]++;
                out.add(built[k]);
            }
        }
        tally.forEach((c, n) -> census.put(c, new CandidateCensus.Counts(n[0], n[1], n[2])));
    }

    // ------------------------------------------------------------------ fiber

    private void fiberExtensions(List<Candidate> out, DemandCollector.DemandSet ds) {
        AccessFiberFinder reach = new AccessFiberFinder(model.fiberRoutes(), model.fiberNodes(), o.asOf(), o.operator(),
                o.costs().fiberExtensionMaxKm() * 1000);
        double dropM = model.settings().fiberDropDistanceM();
        GeometryFactory gf = model.geometryFactory();
        Map<Integer, AccessFiberFinder.Hit> hits = new HashMap<>();
        STRtree fixedTree = new STRtree();
        for (int i : ds.fixedIdx()) {
            Demand d = ds.demands().get(i);
            AccessFiberFinder.Hit h = reach.nearest(d.lon(), d.lat());
            if (h != null) {
                hits.put(i, h);
            }
            fixedTree.insert(new Envelope(d.lon(), d.lon(), d.lat(), d.lat()), i);
        }
        census.put("fiber extension", new CandidateCensus.Counts(ds.fixedIdx().size(), 0, hits.size()));
        for (int i : ds.fixedIdx()) {
            AccessFiberFinder.Hit h = hits.get(i);
            if (h == null) {
                continue;
            }
            Settlement s = ds.fixedSettlements().get(i);
            double km = h.distanceM() / 1000 * o.costs().fiberRouteFactor();
            double cost = o.costs().fiberExtensionUsd(km, s.households()) * o.multiplier(s.regionCode());
            List<Integer> covers = new ArrayList<>();
            Envelope env = new Envelope(h.lon(), s.lon(), h.lat(), s.lat());
            env.expandBy(dropM / (111_000 * Math.cos(Math.toRadians(s.lat()))), dropM / 111_000);
            @SuppressWarnings("unchecked")
            List<Integer> near = fixedTree.query(env);
            for (int j : near) {
                Demand d = ds.demands().get(j);
                if (j == i || distanceToSegmentM(d.lon(), d.lat(), h.lon(), h.lat(), s.lon(), s.lat()) <= dropM) {
                    covers.add(j);
                }
            }
            covers.sort(null);
            LineString cable = gf.createLineString(h.distanceM() < 1 ? new Coordinate[] {new Coordinate(s.lon(), s.lat()),
                    new Coordinate(s.lon() + 1e-5, s.lat())}
                    : new Coordinate[] {new Coordinate(h.lon(), h.lat()), new Coordinate(s.lon(), s.lat())});
            int ports = Math.max(1, (int) Math.ceil(s.households() * o.costs().fiberTakeUpRatio()));
            String owner = builder;
            NetworkDelta delta = new NetworkDelta(List.of(), List.of(), List.of(), List.of(),
                    List.of(new FiberRoute(-ids.incrementAndGet(), owner, cable, Validity.ALWAYS, true)),
                    List.of(new FiberNode(-ids.incrementAndGet(), owner, s.lon(), s.lat(), ports, Validity.ALWAYS)));
            Backhaul bh = new Backhaul(h.distanceM() <= o.costs().fiberInReachM() ? BackhaulKind.FIBER_IN_REACH
                    : BackhaulKind.FIBER_EXTENSION, km, 0, km * o.costs().fiberPerKmUsd());
            out.add(new Candidate("fiber:settlement:" + s.id(), CandidateType.FIBER_EXTENSION,
                    String.format(java.util.Locale.ROOT, "fiber %.1f km to settlement %d", km, s.id()), s.lon(),
                    s.lat(), s.regionCode(), cost, bh, covers.stream().mapToInt(Integer::intValue).toArray(), delta));
        }
    }

    static double distanceToSegmentM(double lon, double lat, double lon0, double lat0, double lon1, double lat1) {
        LocalMetric m = LocalMetric.at(lon, lat);
        double[] a = m.toLocal(lon0, lat0);
        double[] b = m.toLocal(lon1, lat1);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / len2));
        return Math.hypot(a[0] + t * dx, a[1] + t * dy);
    }
}
