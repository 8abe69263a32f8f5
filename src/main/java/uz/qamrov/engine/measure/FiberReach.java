package uz.qamrov.engine.measure;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.SettlementTable.SettlementRec;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;

/**
 * Fiber routes and nodes: their km per region/district (≤ 2 km pieces by mid-point), ports, and the settlements
 * within the drop distance of each (routes only when they are access cables). Like {@link CellReachIndex}, adding is
 * two-phase ({@link #prepare} may throw and changes nothing; {@link #commit} does not throw).
 */
final class FiberReach {

    static final class RouteRec {
        final FiberRoute route;
        final long from;
        final long to;
        final int[] scopes;
        final double[] km;
        final double totalKm;
        final int[] settlements;
        int op = -1;

        RouteRec(FiberRoute route, int[] scopes, double[] km, double totalKm, int[] settlements) {
            this.route = route;
            this.from = route.validity().fromEpochDay();
            this.to = route.validity().toEpochDay();
            this.scopes = scopes;
            this.km = km;
            this.totalKm = totalKm;
            this.settlements = settlements;
        }
    }

    static final class NodeRec {
        final FiberNode node;
        final long from;
        final long to;
        final int region;
        final int district;
        final int[] settlements;
        int op = -1;

        NodeRec(FiberNode node, int region, int district, int[] settlements) {
            this.node = node;
            this.from = node.validity().fromEpochDay();
            this.to = node.validity().toEpochDay();
            this.region = region;
            this.district = district;
            this.settlements = settlements;
        }
    }

    /** Routes and nodes validated and measured, not yet in the model. */
    record Prepared(RouteRec[] routes, NodeRec[] nodes) {
    }

    final Slots<RouteRec> routes = new Slots<>(r -> r.route.id());
    final Slots<NodeRec> nodes = new Slots<>(n -> n.node.id());
    private final SettlementTable settlements;
    private final Scopes scopes;
    private final OperatorRegistry operators;
    private final GeometryFactory gf;
    private final double dropM;
    private final double segmentMaxLengthM;
    /**
     * The latest {@link FixedBroadband} evaluations by date and filter, dropped whenever the fibre changes. Bounded to
     * ~16 MB: about 170 dates of the national data (today, the year-ends and the hundred month-ends the background
     * evaluates after every generation), least recently used out first.
     */
    private final Map<MemoKey, FixedBroadband> memo;
    private static final long MEMO_BYTES = 16L << 20;
    private final java.util.concurrent.atomic.AtomicLong fixedBroadbandComputed = new java.util.concurrent.atomic.AtomicLong();

    private record MemoKey(long day, CoverageFilter filter) {
    }

    FiberReach(SettlementTable settlements, Scopes scopes, OperatorRegistry operators, GeometryFactory gf,
            double dropM, double segmentMaxLengthM) {
        this.settlements = settlements;
        this.scopes = scopes;
        this.operators = operators;
        this.gf = gf;
        this.dropM = dropM;
        this.segmentMaxLengthM = segmentMaxLengthM;
        long capacity = Math.max(4, MEMO_BYTES / FixedBroadband.bytesFor(settlements.size(), scopes.size()));
        this.memo = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<MemoKey, FixedBroadband> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many {@link FixedBroadband} evaluations were computed, not taken from the memo (for tests). */
    long fixedBroadbandComputed() {
        return fixedBroadbandComputed.get();
    }

    /**
     * Fixed broadband on the date and under the filter of {@code active} (the caller holds the model's read lock;
     * concurrent evaluations of one date may each compute it once).
     */
    FixedBroadband fixedBroadband(ActiveCells active) {
        MemoKey key = new MemoKey(active.asOf.toEpochDay(), active.filter);
        synchronized (memo) {
            FixedBroadband known = memo.get(key);
            if (known != null) {
                return known;
            }
        }
        FixedBroadband computed = FixedBroadband.of(this, settlements, scopes, operators, active);
        fixedBroadbandComputed.incrementAndGet();
        synchronized (memo) {
            memo.put(key, computed);
        }
        return computed;
    }

    /** The fibre changes: what was evaluated before no longer holds (the caller holds the model's write lock). */
    private void forget() {
        synchronized (memo) {
            memo.clear();
        }
    }

    /**
     * Validates the added routes and nodes against the current ones minus the removed ids (no null, no duplicate)
     * and measures them; features that never count are skipped. Changes nothing.
     */
    Prepared prepare(Collection<FiberRoute> addRoutes, Collection<Long> removedRouteIds, Collection<FiberNode> addNodes,
            Collection<Long> removedNodeIds) {
        List<FiberRoute> rl = routes.validate(addRoutes, removedRouteIds, FiberRoute::id, r -> r.validity().isNever(),
                "fiber route", "routeId");
        List<FiberNode> nl = nodes.validate(addNodes, removedNodeIds, FiberNode::id, n -> n.validity().isNever(),
                "fiber node", "nodeId");
        RouteRec[] rr = new RouteRec[rl.size()];
        IntStream.range(0, rr.length).parallel().forEach(i -> rr[i] = routeRec(rl.get(i)));
        NodeRec[] nr = new NodeRec[nl.size()];
        IntStream.range(0, nr.length).parallel().forEach(i -> nr[i] = nodeRec(nl.get(i)));
        return new Prepared(rr, nr);
    }

    void commit(Prepared p, Set<Integer> touchedS) {
        if (p.routes().length > 0 || p.nodes().length > 0) {
            // a change of sites commits no fibre (the service passes every change through here): keep the memo then
            forget();
        }
        int firstRoute = routes.slotCount();
        int[][] rs = new int[p.routes().length][];
        for (int i = 0; i < rs.length; i++) {
            RouteRec r = p.routes()[i];
            r.op = operators.acquire(r.route.operator());
            routes.add(r);
            rs[i] = r.settlements;
        }
        settlements.attachFiber(rs, firstRoute, true, touchedS);
        int firstNode = nodes.slotCount();
        int[][] ns = new int[p.nodes().length][];
        for (int i = 0; i < ns.length; i++) {
            NodeRec n = p.nodes()[i];
            n.op = operators.acquire(n.node.operator());
            nodes.add(n);
            ns[i] = n.settlements;
        }
        settlements.attachFiber(ns, firstNode, false, touchedS);
    }

    /** Users of each operator gained (+) or lost (-) if the removed ids go and {@code p} comes. */
    Map<String, Integer> operatorDelta(Set<Long> removedRouteIds, Set<Long> removedNodeIds, Prepared p) {
        Map<String, Integer> delta = new HashMap<>();
        for (long id : removedRouteIds) {
            RouteRec r = routes.get(id);
            if (r != null) {
                delta.merge(r.route.operator(), -1, Integer::sum);
            }
        }
        for (long id : removedNodeIds) {
            NodeRec n = nodes.get(id);
            if (n != null) {
                delta.merge(n.node.operator(), -1, Integer::sum);
            }
        }
        for (RouteRec r : p.routes()) {
            delta.merge(r.route.operator(), 1, Integer::sum);
        }
        for (NodeRec n : p.nodes()) {
            delta.merge(n.node.operator(), 1, Integer::sum);
        }
        return delta;
    }

    void removeRoute(long id, Set<Integer> touchedS) {
        int slot = routes.slotOf(id);
        if (slot >= 0) {
            forget();
            RouteRec r = routes.remove(id);
            for (int si : r.settlements) {
                settlements.detachFiber(si, slot, true);
                touchedS.add(si);
            }
            operators.release(r.op);
        }
    }

    void removeNode(long id, Set<Integer> touchedS) {
        int slot = nodes.slotOf(id);
        if (slot >= 0) {
            forget();
            NodeRec n = nodes.remove(id);
            for (int si : n.settlements) {
                settlements.detachFiber(si, slot, false);
                touchedS.add(si);
            }
            operators.release(n.op);
        }
    }

    void compactIfSparse() {
        int[] r = routes.compactIfSparse();
        if (r != null) {
            settlements.remapFiber(r, true);
        }
        int[] n = nodes.compactIfSparse();
        if (n != null) {
            settlements.remapFiber(n, false);
        }
    }

    private RouteRec routeRec(FiberRoute route) {
        LineChunker.Pieces p = LineChunker.cut(route.geometry(), segmentMaxLengthM);
        Map<Integer, Double> km = new TreeMap<>();
        Set<Integer> near = new HashSet<>();
        int chunkStart = 0;
        for (int i = 0; i <= p.n; i++) {
            if (i == p.n || p.chunk[i] != p.chunk[chunkStart]) {
                if (i > chunkStart) {
                    double[] mid = p.chunkMid(chunkStart, i);
                    int[] sc = scopes.at(mid[0], mid[1]);
                    double len = 0;
                    Envelope env = new Envelope();
                    for (int k = chunkStart; k < i; k++) {
                        len += p.lenM[k];
                        env.expandToInclude(p.lon0[k], p.lat0[k]);
                        env.expandToInclude(p.lon1[k], p.lat1[k]);
                    }
                    for (int s : sc) {
                        if (s >= 0) {
                            km.merge(s, len / 1000, Double::sum);
                        }
                    }
                    if (route.access()) {
                        nearSettlements(p, chunkStart, i, env, near);
                    }
                }
                chunkStart = i;
            }
        }
        int[] sc = new int[km.size()];
        double[] v = new double[km.size()];
        int j = 0;
        for (var e : km.entrySet()) {
            sc[j] = e.getKey();
            v[j++] = e.getValue();
        }
        return new RouteRec(route, sc, v, p.totalM / 1000, sorted(near));
    }

    private void nearSettlements(LineChunker.Pieces p, int from, int to, Envelope env, Set<Integer> out) {
        for (Integer si : settlements.query(expandM(env, dropM))) {
            if (out.contains(si)) {
                continue;
            }
            SettlementRec r = settlements.get(si);
            Coordinate[] cs = new Coordinate[to - from + 1];
            for (int k = from; k < to; k++) {
                double[] a = r.metric.toLocal(p.lon0[k], p.lat0[k]);
                cs[k - from] = new Coordinate(a[0], a[1]);
            }
            double[] last = r.metric.toLocal(p.lon1[to - 1], p.lat1[to - 1]);
            cs[to - from] = new Coordinate(last[0], last[1]);
            LineString local = gf.createLineString(cs);
            Geometry target = r.localBoundary != null ? r.localBoundary : gf.createPoint(new Coordinate(0, 0));
            if (target.isWithinDistance(local, dropM)) {
                out.add(si);
            }
        }
    }

    private NodeRec nodeRec(FiberNode n) {
        int[] sc = scopes.at(n.lon(), n.lat());
        if (!n.servesHouseholds()) {
            // a splice closure without ports joins cables; no household can be connected there
            return new NodeRec(n, sc[0], sc[1], new int[0]);
        }
        Set<Integer> near = new HashSet<>();
        for (Integer si : settlements.query(expandM(new Envelope(n.lon(), n.lon(), n.lat(), n.lat()), dropM))) {
            SettlementRec r = settlements.get(si);
            double d;
            if (r.localBoundary == null) {
                d = LocalMetric.distanceM(r.s.lon(), r.s.lat(), n.lon(), n.lat());
            } else {
                double[] a = r.metric.toLocal(n.lon(), n.lat());
                d = r.localBoundary.distance(gf.createPoint(new Coordinate(a[0], a[1])));
            }
            if (d <= dropM) {
                near.add(si);
            }
        }
        return new NodeRec(n, sc[0], sc[1], sorted(near));
    }

    private static int[] sorted(Set<Integer> s) {
        return s.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Envelope grown by at least {@code m} metres in every direction (degrees, widened for longitude). */
    static Envelope expandM(Envelope env, double m) {
        double dLat = m / 110_500.0 * 1.01 + 1e-9;
        double maxLat = Math.max(Math.abs(env.getMinY()), Math.abs(env.getMaxY())) + dLat;
        double dLon = dLat / Math.cos(Math.toRadians(Math.min(89, maxLat)));
        Envelope e = new Envelope(env);
        e.expandBy(dLon, dLat);
        return e;
    }
}
