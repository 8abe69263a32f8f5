package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.locationtech.jts.geom.Coordinate;

/**
 * Shortest paths along the roads between terminal points (lon/lat): each terminal joins the {@link RoadGraph} at its
 * nearest road point (if one lies within {@code maxAccessM}), which becomes a node of its own that splits the road
 * piece it lies on — several terminals on one piece are chained in their order along it, so the road distance between
 * two of them is the distance along the road, not a detour through the piece's ends. The straight access segment from
 * a terminal to its road point is not part of the road distance: the caller prices it (straight × route factor).
 *
 * <p>Dijkstra with a binary heap (JGraphT would do the same, but the engine imports only the JDK, JTS and
 * GeographicLib). Not thread-safe: {@link #from} keeps the last search's distances for {@link #roadM}.
 */
final class RoadCorridors {

    /** One direction of a road stretch: to a node, its length, and which stretch of which piece it follows. */
    private record Arc(int to, double lengthM, int edge, double fromAlongM, double toAlongM) {
    }

    private record Queued(int node, double distM) {
    }

    private final RoadGraph roads;
    private final RoadGraph.Attachment[] attachments;
    private final int[] terminalNode;
    private final List<List<Arc>> arcs = new ArrayList<>();
    private final double[] dist;
    private final Arc[] via;
    private final int[] viaFrom;
    private final List<Integer> touched = new ArrayList<>();

    /** @param terminals {lon, lat} of each terminal; those with no road within {@code maxAccessM} stay off the road */
    RoadCorridors(RoadGraph roads, List<double[]> terminals, double maxAccessM) {
        this.roads = roads;
        int n = terminals.size();
        attachments = new RoadGraph.Attachment[n];
        terminalNode = new int[n];
        int nodes = roads.nodeCount();
        List<List<Integer>> onEdge = new ArrayList<>();
        roads.edges().forEach(e -> onEdge.add(new ArrayList<>()));
        for (int t = 0; t < n; t++) {
            attachments[t] = roads.nearest(terminals.get(t)[0], terminals.get(t)[1], maxAccessM);
            terminalNode[t] = attachments[t] == null ? -1 : nodes++;
            if (attachments[t] != null) {
                onEdge.get(attachments[t].edge()).add(t);
            }
        }
        for (int i = 0; i < nodes; i++) {
            arcs.add(new ArrayList<>());
        }
        for (int e = 0; e < roads.edgeCount(); e++) {
            RoadGraph.Edge edge = roads.edges().get(e);
            List<Integer> ts = onEdge.get(e);
            ts.sort(Comparator.comparingDouble(t -> attachments[t].alongM()));
            int prev = edge.a();
            double prevAlong = 0;
            for (int t : ts) {
                connect(prev, terminalNode[t], e, prevAlong, attachments[t].alongM());
                prev = terminalNode[t];
                prevAlong = attachments[t].alongM();
            }
            connect(prev, edge.b(), e, prevAlong, edge.lengthM());
        }
        dist = new double[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        via = new Arc[nodes];
        viaFrom = new int[nodes];
    }

    private void connect(int u, int v, int edge, double fromAlongM, double toAlongM) {
        double len = Math.max(0, toAlongM - fromAlongM);
        arcs.get(u).add(new Arc(v, len, edge, fromAlongM, toAlongM));
        arcs.get(v).add(new Arc(u, len, edge, toAlongM, fromAlongM));
    }

    /** The terminal's straight distance to its road point in metres, or +∞ when it has none. */
    double accessM(int terminal) {
        return attachments[terminal] == null ? Double.POSITIVE_INFINITY : attachments[terminal].accessM();
    }

    /** Searches the roads from a terminal's road point up to {@code maxRoadM}; then ask {@link #roadM}. */
    void from(int terminal, double maxRoadM) {
        search(terminal, maxRoadM, -1);
    }

    /** Road metres from the last {@link #from} terminal's road point to this one's, or +∞ (beyond the bound, none). */
    double roadM(int terminal) {
        return terminalNode[terminal] < 0 ? Double.POSITIVE_INFINITY : dist[terminalNode[terminal]];
    }

    /**
     * The road path's vertices from one terminal's road point to the other's (both included), or an empty list
     * when the roads do not connect them.
     */
    List<Coordinate> path(int fromTerminal, int toTerminal) {
        int target = terminalNode[toTerminal];
        if (target < 0 || terminalNode[fromTerminal] < 0) {
            return List.of();
        }
        search(fromTerminal, Double.POSITIVE_INFINITY, target);
        if (Double.isInfinite(dist[target])) {
            return List.of();
        }
        List<List<Coordinate>> pieces = new ArrayList<>();
        for (int node = target; via[node] != null; node = viaFrom[node]) {
            Arc a = via[node];
            pieces.add(roads.stretch(a.edge(), a.fromAlongM(), a.toAlongM()));
        }
        Collections.reverse(pieces);
        List<Coordinate> out = new ArrayList<>();
        if (pieces.isEmpty()) {
            RoadGraph.Attachment start = attachments[fromTerminal];
            out.add(new Coordinate(start.lon(), start.lat()));
        }
        pieces.forEach(piece -> piece.forEach(c -> appendDistinct(out, c)));
        return out;
    }

    /**
     * Appends a vertex unless it repeats the last one within 1e-9° (~0.1 mm): a road point computed from two sides
     * (the end of one stretch, the start of the next) may differ in the last bits.
     */
    static void appendDistinct(List<Coordinate> line, Coordinate c) {
        if (line.isEmpty() || !line.get(line.size() - 1).equals2D(c, 1e-9)) {
            line.add(c);
        }
    }

    private void search(int terminal, double maxM, int stopAt) {
        for (int node : touched) {
            dist[node] = Double.POSITIVE_INFINITY;
            via[node] = null;
        }
        touched.clear();
        int source = terminalNode[terminal];
        if (source < 0) {
            return;
        }
        PriorityQueue<Queued> queue = new PriorityQueue<>(Comparator.comparingDouble(Queued::distM));
        dist[source] = 0;
        touched.add(source);
        queue.add(new Queued(source, 0));
        while (!queue.isEmpty()) {
            Queued q = queue.poll();
            if (q.distM() > dist[q.node()]) {
                continue;
            }
            if (q.node() == stopAt) {
                return;
            }
            for (Arc a : arcs.get(q.node())) {
                double d = q.distM() + a.lengthM();
                if (d < dist[a.to()] && d <= maxM) {
                    if (Double.isInfinite(dist[a.to()])) {
                        touched.add(a.to());
                    }
                    dist[a.to()] = d;
                    via[a.to()] = a;
                    viaFrom[a.to()] = q.node();
                    queue.add(new Queued(a.to(), d));
                }
            }
        }
    }
}
