package uz.qamrov.engine.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Validity;

/**
 * A fiber extension plan as one shared tree: every settlement without fixed broadband (the engine's own evaluation,
 * as for {@link CandidateGenerator}) is connected to the existing households-serving fiber — access routes and nodes
 * with broadband ports ({@link AccessFiberFinder}), all of it contracted into one root — by a minimum spanning tree
 * (Kruskal) over candidate corridors: from each settlement to its nearest access fiber point, and between every two
 * such settlements at most {@code fiberExtensionMaxKm} apart in a straight line. The tree is the cheapest set of such
 * corridors that reaches every reachable settlement (the MST of the terminals with the network as one terminal: a
 * Steiner-tree 2-approximation). Each corridor's route is the shorter of
 * <ul>
 * <li>the straight line × {@code fiberRouteFactor}, and</li>
 * <li>along the roads ({@link RoadGraph}, shortest path by {@link RoadCorridors}): each end's straight access segment
 * to its nearest road point × {@code fiberRouteFactor}, plus the road distance between the two road points;</li>
 * </ul>
 * a road route's cable follows the road. Roads only shorten corridors: which pairs are corridors at all is decided by
 * the straight distance, as without roads. Each connected settlement gets its OLT/cabinets and drops priced as a
 * single extension ({@link PlanningCosts#fiberExtensionUsd}), times its region's multiplier.
 *
 * <p>Units: distances in km, straight ones measured in the local metric plane of one end (exact to ~1e-5 at these
 * distances), road ones as geodesic sums along the road vertices. Empty input gives an empty plan; no roads give the
 * straight-line tree. Limitations: a settlement's corridor to the network goes to its nearest access point by straight
 * line — another access point nearer by road is not sought; a branch may serve a settlement whose own households
 * barely pay for it (see each region's households per km); no capacity limit on a branch; two links along the same
 * road each pay for their stretch (no shared duct).
 */
public final class FiberTreePlanner {

    /**
     * The cable into one settlement: from the existing fiber ({@code fromSettlementId} 0, at the nearest access
     * point) or from another settlement of the tree, with the settlement's cabinets and drops. {@code routeKm} is
     * what is priced; {@code roadKm} the part of it along roads (0 for a straight corridor); {@code cable} the
     * cable's lon/lat line from its start to the settlement (two points when straight, the road's vertices when not).
     */
    public record Link(long settlementId, String regionCode, long fromSettlementId, double fromLon, double fromLat,
            double toLon, double toLat, double straightKm, double routeKm, double roadKm, int households, int cabinets,
            double costUsd, LineString cable) {
    }

    /** One region's share of the tree: the links into its settlements. */
    public record RegionSummary(String regionCode, int settlements, int households, double routeKm, int cabinets,
            double costUsd) {

        /** Households gained per km of new route (0 when no route is needed). */
        public double householdsPerKm() {
            return routeKm > 0 ? households / routeKm : 0;
        }
    }

    /**
     * The tree: links in building order (every link's parent before it), per-region summaries (by code), the
     * settlements no corridor reaches, and the tree as a what-if delta (new access routes and a node per settlement).
     */
    public record Result(List<Link> links, List<RegionSummary> regions, List<Long> unreachableSettlementIds,
            int unreachableHouseholds, NetworkDelta delta) {

        public double totalRouteKm() {
            return links.stream().mapToDouble(Link::routeKm).sum();
        }

        public double totalCostUsd() {
            return links.stream().mapToDouble(Link::costUsd).sum();
        }

        public int households() {
            return links.stream().mapToInt(Link::households).sum();
        }
    }

    /** A corridor between tree nodes (0 = the existing fiber, i + 1 = targets[i]); roadKm 0 = straight. */
    private record Edge(int a, int b, double straightKm, double routeKm, double roadKm) {
    }

    private FiberTreePlanner() {
    }

    /** The straight-corridor tree (no roads) for the options' date, operator, region scope and costs. */
    public static Result plan(CoverageModel model, CandidateOptions o) {
        return plan(model, o, RoadGraph.EMPTY);
    }

    /**
     * The tree for the options' date, operator (its fiber; null = anyone's), region scope and costs, with corridors
     * along these roads where that is shorter.
     */
    public static Result plan(CoverageModel model, CandidateOptions o, RoadGraph roads) {
        DemandCollector.DemandSet ds = DemandCollector.collect(model.evaluate(o.asOf(), CoverageFilter.ANY),
                model.settlements(), o);
        List<Settlement> targets = ds.fixedIdx().stream().map(ds.fixedSettlements()::get).toList();
        double maxKm = o.costs().fiberExtensionMaxKm();
        AccessFiberFinder network = new AccessFiberFinder(model.fiberRoutes(), model.fiberNodes(), o.asOf(),
                o.operator(), maxKm * 1000);
        return plan(targets, network, roads, o, model.geometryFactory());
    }

    static Result plan(List<Settlement> targets, AccessFiberFinder network, RoadGraph roads, CandidateOptions o,
            GeometryFactory gf) {
        int n = targets.size();
        double maxKm = o.costs().fiberExtensionMaxKm();
        double factor = o.costs().fiberRouteFactor();
        // node 0 is the existing fiber, node i + 1 is targets[i]
        AccessFiberFinder.Hit[] hits = new AccessFiberFinder.Hit[n];
        List<Edge> edges = new ArrayList<>();
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            Settlement s = targets.get(i);
            hits[i] = network.nearest(s.lon(), s.lat());
            tree.insert(new Envelope(s.lon(), s.lon(), s.lat(), s.lat()), i);
        }
        RoadCorridors corridors = roads.edgeCount() == 0 ? null
                : new RoadCorridors(roads, terminals(targets, hits), maxKm * 1000);
        for (int i = 0; i < n; i++) {
            Settlement s = targets.get(i);
            if (corridors != null) {
                // a road route can only win if its road part is shorter than the longest straight route
                corridors.from(i, maxKm * factor * 1000);
            }
            if (hits[i] != null) {
                edges.add(corridor(0, i + 1, hits[i].distanceM() / 1000, corridors, i, n + i, factor));
            }
            LocalMetric m = LocalMetric.at(s.lon(), s.lat());
            double dLat = maxKm / 110.0;
            double dLon = maxKm / (110.0 * Math.cos(Math.toRadians(s.lat())));
            @SuppressWarnings("unchecked")
            List<Integer> near = tree.query(new Envelope(s.lon() - dLon, s.lon() + dLon, s.lat() - dLat, s.lat() + dLat));
            for (int j : near) {
                if (j > i) {
                    double[] p = m.toLocal(targets.get(j).lon(), targets.get(j).lat());
                    double km = Math.hypot(p[0], p[1]) / 1000;
                    if (km <= maxKm) {
                        edges.add(corridor(i + 1, j + 1, km, corridors, i, j, factor));
                    }
                }
            }
        }
        // Kruskal: shortest corridors first, skip those that close a cycle
        edges.sort(Comparator.comparingDouble(Edge::routeKm).thenComparingInt(Edge::a).thenComparingInt(Edge::b));
        int[] parent = new int[n + 1];
        Arrays.setAll(parent, i -> i);
        List<List<Edge>> adjacent = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            adjacent.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            int ra = find(parent, e.a());
            int rb = find(parent, e.b());
            if (ra != rb) {
                parent[ra] = rb;
                adjacent.get(e.a()).add(e);
                adjacent.get(e.b()).add(e);
            }
        }
        return orient(targets, hits, adjacent, corridors, o, gf);
    }

    /** RoadCorridors terminals: targets[i] is terminal i, its nearest access point (if any) terminal n + i. */
    private static List<double[]> terminals(List<Settlement> targets, AccessFiberFinder.Hit[] hits) {
        List<double[]> out = new ArrayList<>();
        targets.forEach(s -> out.add(new double[] {s.lon(), s.lat()}));
        for (int i = 0; i < targets.size(); i++) {
            // a settlement without a hit has no corridor to the network: its own point only keeps the numbering
            out.add(hits[i] == null ? out.get(i) : new double[] {hits[i].lon(), hits[i].lat()});
        }
        return out;
    }

    /**
     * The corridor between tree nodes a and b (road terminals ta, tb): straight × factor, or along the road when
     * that is shorter. Expects {@code corridors.from(ta, …)} to have been searched.
     */
    private static Edge corridor(int a, int b, double straightKm, RoadCorridors corridors, int ta, int tb,
            double factor) {
        double straightRouteKm = straightKm * factor;
        if (corridors != null) {
            double roadKm = corridors.roadM(tb) / 1000;
            double routeKm = (corridors.accessM(ta) + corridors.accessM(tb)) / 1000 * factor + roadKm;
            if (routeKm < straightRouteKm) {
                return new Edge(a, b, straightKm, routeKm, roadKm);
            }
        }
        return new Edge(a, b, straightKm, straightRouteKm, 0);
    }

    /** Walks the forest from the existing fiber outwards: links in building order; the rest is unreachable. */
    private static Result orient(List<Settlement> targets, AccessFiberFinder.Hit[] hits, List<List<Edge>> adjacent,
            RoadCorridors corridors, CandidateOptions o, GeometryFactory gf) {
        int n = targets.size();
        boolean[] seen = new boolean[n + 1];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        seen[0] = true;
        List<Link> links = new ArrayList<>();
        PlanningCosts c = o.costs();
        while (!queue.isEmpty()) {
            int from = queue.poll();
            for (Edge e : adjacent.get(from)) {
                int to = e.a() == from ? e.b() : e.a();
                if (seen[to]) {
                    continue;
                }
                seen[to] = true;
                queue.add(to);
                Settlement s = targets.get(to - 1);
                double fromLon = from == 0 ? hits[to - 1].lon() : targets.get(from - 1).lon();
                double fromLat = from == 0 ? hits[to - 1].lat() : targets.get(from - 1).lat();
                int cabinets = Math.max(1, (int) Math.ceil(s.households() * c.fiberTakeUpRatio() / c.oltCabinetPorts()));
                double cost = c.fiberExtensionUsd(e.routeKm(), s.households()) * o.multiplier(s.regionCode());
                List<Coordinate> line = new ArrayList<>();
                line.add(new Coordinate(fromLon, fromLat));
                if (e.roadKm() > 0) {
                    int fromTerminal = from == 0 ? targets.size() + to - 1 : from - 1;
                    line.addAll(corridors.path(fromTerminal, to - 1));
                }
                line.add(new Coordinate(s.lon(), s.lat()));
                links.add(new Link(s.id(), s.regionCode(), from == 0 ? 0 : targets.get(from - 1).id(), fromLon, fromLat,
                        s.lon(), s.lat(), e.straightKm(), e.routeKm(), e.roadKm(), s.households(), cabinets, cost,
                        cable(line, gf)));
            }
        }
        List<Long> unreachable = new ArrayList<>();
        int unreachableHouseholds = 0;
        for (int i = 1; i <= n; i++) {
            if (!seen[i]) {
                unreachable.add(targets.get(i - 1).id());
                unreachableHouseholds += targets.get(i - 1).households();
            }
        }
        return new Result(links, summarise(links), unreachable, unreachableHouseholds, delta(links, o, gf));
    }

    private static List<RegionSummary> summarise(List<Link> links) {
        Map<String, List<Link>> byRegion = new TreeMap<>();
        links.forEach(l -> byRegion.computeIfAbsent(String.valueOf(l.regionCode()), k -> new ArrayList<>()).add(l));
        List<RegionSummary> out = new ArrayList<>();
        byRegion.forEach((region, ls) -> out.add(new RegionSummary(region, ls.size(),
                ls.stream().mapToInt(Link::households).sum(), ls.stream().mapToDouble(Link::routeKm).sum(),
                ls.stream().mapToInt(Link::cabinets).sum(), ls.stream().mapToDouble(Link::costUsd).sum())));
        return out;
    }

    /** New access routes (one per link) and a node with the settlement's ports, under negative ids. */
    private static NetworkDelta delta(List<Link> links, CandidateOptions o, GeometryFactory gf) {
        String builder = o.operator() == null ? "NEUTRAL_HOST" : o.operator();
        AtomicLong ids = new AtomicLong();
        List<FiberRoute> routes = new ArrayList<>();
        List<FiberNode> nodes = new ArrayList<>();
        for (Link l : links) {
            // a settlement on the fiber already (0 km) still gets a (tiny) cable so its node is connected
            LineString cable = l.straightKm() < 1e-3 ? gf.createLineString(new Coordinate[] {
                new Coordinate(l.toLon() + 1e-5, l.toLat()), new Coordinate(l.toLon(), l.toLat())}) : l.cable();
            routes.add(new FiberRoute(-ids.incrementAndGet(), builder, cable, Validity.ALWAYS, true));
            int ports = Math.max(1, (int) Math.ceil(l.households() * o.costs().fiberTakeUpRatio()));
            nodes.add(new FiberNode(-ids.incrementAndGet(), builder, l.toLon(), l.toLat(), ports, Validity.ALWAYS));
        }
        return new NetworkDelta(List.of(), List.of(), List.of(), List.of(), routes, nodes);
    }

    /**
     * The line through these points without repeated ones (a terminal on the road is its own road point); it ends
     * exactly at the last point (the settlement), not at a road point a few bits away.
     */
    private static LineString cable(List<Coordinate> points, GeometryFactory gf) {
        List<Coordinate> out = new ArrayList<>();
        points.subList(0, points.size() - 1).forEach(c -> RoadCorridors.appendDistinct(out, c));
        Coordinate end = points.get(points.size() - 1);
        if (out.size() > 1 && out.get(out.size() - 1).equals2D(end, 1e-9)) {
            out.set(out.size() - 1, end);
        } else {
            RoadCorridors.appendDistinct(out, end);
        }
        if (out.size() < 2) {
            out.add(new Coordinate(out.get(0).x + 1e-5, out.get(0).y));
        }
        return gf.createLineString(out.toArray(new Coordinate[0]));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
