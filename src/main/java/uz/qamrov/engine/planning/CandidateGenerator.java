package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.SectorFootprintModel;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.index.AreaIndex;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.LineStretch;
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
 * <p>Candidates:
 * <ul>
 * <li>4G upgrade of every site (in scope) with no active 4G/5G cell: a 4G cell beside each existing cell, same
 * azimuth, beamwidth, height and band;</li>
 * <li>an added 4G sector on sites whose 4G sectors leave a gap wider than 180°, pointing into the middle of it;</li>
 * <li>new sites (three 120° 4G sectors) at the centre of every settlement without mobile internet, every
 * {@code lineSiteSpacingKm} along uncovered stretches of the goal roads and rail, and at the population-weighted
 * centre of the uncovered settlements of each {@code gridKm} grid cell; backhaul priced by
 * {@link PlanningCosts#backhaul};</li>
 * <li>a fiber extension (with cabinets and drops) from the nearest access fiber to each settlement without fixed
 * broadband, when within {@code fiberExtensionMaxKm}; it also serves the other such settlements within the model's
 * drop distance of the new cable.</li>
 * </ul>
 * Radio footprints come from the same {@link SectorFootprintModel} (link budget and environment classes of the
 * model's settings) as real cells: no second coverage model. A demand counts as closed by a candidate when its point
 * lies in one of the candidate's footprints; settlements judged by area in the engine may differ — the plan's
 * projected indicators therefore come from an engine what-if, not from these counts.
 *
 * <p>Limitations: no terrain (high ground is not preferred yet); 5G upgrades are not generated because no goal counts
 * 5G; candidate ids are negative so that they never clash with real ones.
 */
public final class CandidateGenerator {

    private static final double[] NEW_SITE_AZIMUTHS = {0, 120, 240};

    private final CoverageModel model;
    private final CandidateOptions o;
    private final SectorFootprintModel footprints;
    private final AreaIndex areas;
    private final AtomicLong ids = new AtomicLong();
    private final String builder;

    private CandidateGenerator(CoverageModel model, CandidateOptions o) {
        this.model = model;
        this.o = o;
        this.footprints = new SectorFootprintModel(
                new EnvironmentClassifier(model.settlements(), model.settings().environment()),
                model.settings().linkBudget());
        this.areas = new AreaIndex(model.adminAreas());
        this.builder = o.operator() == null ? "NEUTRAL_HOST" : o.operator();
    }

    /** Demands, candidates and baselines for the options' date, scope and costs. */
    public static PlanningProblem generate(CoverageModel model, CandidateOptions options) {
        return new CandidateGenerator(model, options).run();
    }

    private PlanningProblem run() {
        CoverageSnapshot snap = model.evaluate(o.asOf(), CoverageFilter.ANY);
        DemandCollector.DemandSet ds = DemandCollector.collect(snap, model.settlements(), o);
        DemandIndex index = new DemandIndex(ds);
        List<Candidate> out = new ArrayList<>();
        upgrades(out, index);
        newSites(out, index, ds);
        fiberExtensions(out, ds);
        return new PlanningProblem(ds.demands(), out, ds.totals(), ds.baseline(), null);
    }

    // ------------------------------------------------------------------ upgrades and sectors

    private void upgrades(List<Candidate> out, DemandIndex index) {
        Map<Long, List<Cell>> bySite = new LinkedHashMap<>();
        for (Cell c : model.cells()) {
            if (c.validity().contains(o.asOf()) && (o.operator() == null || o.operator().equals(c.operator()))) {
                bySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Candidate> found = new ArrayList<>();
        bySite.forEach((siteId, cells) -> {
            Cell first = cells.get(0);
            String region = areas.lookup(first.lon(), first.lat()).regionCode();
            if (!o.inScope(region)) {
                return;
            }
            List<Cell> lte = cells.stream().filter(c -> c.technology().atLeast(Technology.G4)).toList();
            double mult = o.multiplier(region);
            if (lte.isEmpty()) {
                List<Cell> added = cells.stream().map(c -> new Cell(-ids.incrementAndGet(), siteId, c.operator(),
                        Technology.G4, c.bandMhz(), c.isOmni() ? null : c.azimuthDeg(), c.beamwidthDeg(),
                        c.antennaHeightM(), null, null, c.lon(), c.lat(), Validity.ALWAYS)).toList();
                found.add(radio("upgrade4g:site:" + siteId, CandidateType.UPGRADE_TO_4G, "4G on site " + siteId,
                        first.lon(), first.lat(), region, o.costs().upgrade3gTo4gUsd() * mult, Backhaul.EXISTING,
                        added, List.of(), index));
                return;
            }
            Double azimuth = widestGapMiddle(lte);
            if (azimuth != null) {
                Cell t = lte.get(0);
                Cell sector = new Cell(-ids.incrementAndGet(), siteId, t.operator(), Technology.G4, t.bandMhz(), azimuth,
                        65, t.antennaHeightM(), null, null, t.lon(), t.lat(), Validity.ALWAYS);
                found.add(radio("sector:site:" + siteId, CandidateType.ADD_SECTOR,
                        "4G sector at " + Math.round(azimuth) + "° on site " + siteId, first.lon(), first.lat(), region,
                        o.costs().newSectorUsd() * mult, Backhaul.EXISTING, List.of(sector), List.of(), index));
            }
        });
        found.stream().filter(c -> c.covers().length > 0).forEach(out::add);
    }

    /** Middle of the widest gap between the directional sectors' edges, when wider than 180°; null otherwise. */
    static Double widestGapMiddle(List<Cell> sectors) {
        if (sectors.stream().anyMatch(Cell::isOmni)) {
            return null;
        }
        double[] az = sectors.stream().mapToDouble(Cell::azimuthDeg).sorted().toArray();
        double best = -1;
        double mid = 0;
        for (int i = 0; i < az.length; i++) {
            double from = az[i];
            double to = i + 1 < az.length ? az[i + 1] : az[0] + 360;
            if (to - from > best) {
                best = to - from;
                mid = (from + (to - from) / 2) % 360;
            }
        }
        return best > 180 ? mid : null;
    }

    // ------------------------------------------------------------------ new sites

    private void newSites(List<Candidate> out, DemandIndex index, DemandCollector.DemandSet ds) {
        Map<String, Point> points = new LinkedHashMap<>();
        for (int i : ds.mobileIdx()) {
            Demand d = ds.demands().get(i);
            addPoint(points, "settlement", d.lon(), d.lat());
        }
        for (LineStretch st : ds.openStretches()) {
            for (LinePieces.Piece p : LinePieces.cut(st.geometry(), o.lineSiteSpacingKm() * 1000)) {
                addPoint(points, st.lineKind().key(), p.midLon(), p.midLat());
            }
        }
        Map<String, double[]> grid = new LinkedHashMap<>();
        double cellLat = o.gridKm() / 111.0;
        for (int i : ds.mobileIdx()) {
            Demand d = ds.demands().get(i);
            double cellLon = o.gridKm() / (111.0 * Math.cos(Math.toRadians(d.lat())));
            String key = Math.floor(d.lon() / cellLon) + ":" + Math.floor(d.lat() / cellLat);
            double w = Math.max(1, d.amount(Goal.POPULATION_MOBILE_INTERNET));
            double[] acc = grid.computeIfAbsent(key, k -> new double[4]);
            acc[0] += d.lon() * w;
            acc[1] += d.lat() * w;
            acc[2] += w;
            acc[3]++;
        }
        grid.values().stream().filter(a -> a[3] >= 2).forEach(a -> addPoint(points, "grid", a[0] / a[2], a[1] / a[2]));

        NearestFinder nearest = NearestFinder.of(model);
        List<Point> list = new ArrayList<>(points.values());
        Candidate[] built = new Candidate[list.size()];
        IntStream.range(0, list.size()).parallel().forEach(k -> {
            double lon = list.get(k).lon();
            double lat = list.get(k).lat();
            String region = areas.lookup(lon, lat).regionCode();
            if (!o.inScope(region)) {
                return;
            }
            double fiberM = nearest.nearestFiber(lon, lat, o.asOf(), o.operator()).map(n -> n.distanceM())
                    .orElse(Double.POSITIVE_INFINITY);
            double siteM = nearest.nearestSite(lon, lat, o.asOf(), o.operator()).map(n -> n.distanceM())
                    .orElse(Double.POSITIVE_INFINITY);
            Backhaul bh = o.costs().backhaul(fiberM, siteM);
            long siteId = -ids.incrementAndGet();
            List<Cell> cells = new ArrayList<>();
            for (double az : NEW_SITE_AZIMUTHS) {
                cells.add(new Cell(-ids.incrementAndGet(), siteId, builder, Technology.G4, o.newSiteBandMhz(), az, 120,
                        o.newSiteHeightM(), null, null, lon, lat, Validity.ALWAYS));
            }
            Site site = new Site(siteId, builder, lon, lat, Validity.ALWAYS);
            double cost = (o.costs().newMacroSiteUsd() + bh.costUsd()) * o.multiplier(region);
            String kind = list.get(k).kind();
            built[k] = radio("new:" + kind + ":" + String.format(java.util.Locale.ROOT, "%.4f,%.4f", lon, lat),
                    CandidateType.NEW_SITE, "new site (" + kind + ")", lon, lat, region, cost, bh, cells, List.of(site),
                    index);
        });
        for (Candidate c : built) {
            if (c != null && c.covers().length > 0) {
                out.add(c);
            }
        }
    }

    private record Point(String kind, double lon, double lat) {
    }

    private static void addPoint(Map<String, Point> points, String kind, double lon, double lat) {
        // ~100 m: a settlement centre and a road point that fall together are one candidate (the first kind wins)
        points.putIfAbsent(Math.round(lon * 1000) + ":" + Math.round(lat * 1000), new Point(kind, lon, lat));
    }

    private Candidate radio(String ref, CandidateType type, String label, double lon, double lat, String region,
            double cost, Backhaul bh, List<Cell> cells, List<Site> sites, DemandIndex index) {
        int[] covers = index.coveredBy(cells.stream().map(footprints::footprintOf).toList());
        NetworkDelta delta = new NetworkDelta(sites, cells, List.of(), List.of(), List.of(), List.of());
        return new Candidate(ref, type, label, lon, lat, region, cost, bh, covers, delta);
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
