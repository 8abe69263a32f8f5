package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The main path of a multi-part line (double track, sidings, branches, a line cut into OSM ways).
 *
 * <p>The parts are split wherever they touch or cross (JTS {@link UnaryUnionOp} nodes them) and become the edges of
 * a graph whose nodes are the pieces' end points. The main path is found by a double sweep: the farthest node A from an end of the
 * longest edge, then the farthest node B from A, both by shortest path; the main path is the shortest path from A
 * to B. On a tree that is the longest path exactly; on a double-tracked line (two parallel tracks joined at
 * stations) it runs end to end along one track. Kilometre marks are measured along it; the other parts (the second
 * track, sidings, branches, pieces not connected to the main path) are kept as they are and reported with their
 * lengths. The main path runs the way the file's first part along it runs ({@link #runningAsTheFileDoes}). Lengths here are only for choosing; they use degrees scaled by cos(latitude).
 */
public final class LinePaths {

    /**
     * @param main the path from end to end, in order
     * @param parts the input parts as given (stored as they are)
     * @param offPathParts the pieces (parts split at junctions) not on the main path
     */
    public record Result(LineString main, List<LineString> parts, List<LineString> offPathParts) {
    }

    private record Edge(int from, int to, LineString line, double length) {
    }

    private LinePaths() {
    }

    /** The main path of the given lines (flat, each with at least two distinct points). */
    public static Result mainPath(List<LineString> lines) {
        if (lines.size() == 1) {
            return new Result(lines.get(0), lines, List.of());
        }
        List<LineString> pieces = noded(lines);
        if (pieces.size() == 1) {
            return new Result(pieces.get(0), lines, List.of());
        }
        List<LineString> parts = pieces;
        Map<String, Integer> nodes = new HashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (LineString p : parts) {
            int a = node(nodes, p.getCoordinateN(0));
            int b = node(nodes, p.getCoordinateN(p.getNumPoints() - 1));
            edges.add(new Edge(a, b, p, length(p)));
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            adjacent.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            adjacent.get(edges.get(e).from()).add(e);
            adjacent.get(edges.get(e).to()).add(e);
        }
        Edge longest = edges.stream().max((x, y) -> Double.compare(x.length(), y.length())).orElseThrow();
        int a = farthest(sweep(longest.from(), nodes.size(), edges, adjacent).distance);
        Sweep fromA = sweep(a, nodes.size(), edges, adjacent);
        int b = farthest(fromA.distance);
        List<Integer> path = new ArrayList<>();
        for (int n = b; n != a; ) {
            int e = fromA.via[n];
            path.add(0, e);
            Edge edge = edges.get(e);
            n = edge.from() == n ? edge.to() : edge.from();
        }
        CoordinateList coords = new CoordinateList();
        int at = a;
        for (int e : path) {
            Edge edge = edges.get(e);
            Coordinate[] cs = edge.line().getCoordinates();
            boolean forward = edge.from() == at;
            for (int i = 0; i < cs.length; i++) {
                coords.add(cs[forward ? i : cs.length - 1 - i], false);
            }
            at = forward ? edge.to() : edge.from();
        }
        List<LineString> off = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (!path.contains(e)) {
                off.add(edges.get(e).line());
            }
        }
        LineString main = GeometryChecks.WGS84.createLineString(coords.toCoordinateArray());
        return new Result(runningAsTheFileDoes(main, lines), lines, off);
    }

    /**
     * The main path in the direction the file runs, so that kilometre 0 is where the file starts the line: the
     * direction of the first part (in the file's order) that runs along it, measured by projecting the part's two
     * ends onto the path. The graph search above picks the ends, not an order; a line given as one part keeps its own.
     * A part perpendicular to the path (a branch) says nothing and the next one decides.
     */
    static LineString runningAsTheFileDoes(LineString main, List<LineString> parts) {
        LengthIndexedLine along = new LengthIndexedLine(main);
        double tolerance = 1e-9 * Math.max(main.getLength(), 1e-12);
        for (LineString part : parts) {
            double from = along.project(part.getCoordinateN(0));
            double to = along.project(part.getCoordinateN(part.getNumPoints() - 1));
            if (Math.abs(to - from) > tolerance) {
                return to > from ? main : main.reverse();
            }
        }
        return main;
    }

    /**
     * The parts split at every point where they touch or cross (a way that starts in the middle of another joins
     * it there), as the edges of the graph; if the overlay fails on odd input, the parts as they are.
     */
    private static List<LineString> noded(List<LineString> lines) {
        try {
            Geometry union = UnaryUnionOp.union(GeometryChecks.WGS84.createMultiLineString(lines.toArray(LineString[]::new)));
            List<LineString> out = new ArrayList<>();
            for (int i = 0; i < union.getNumGeometries(); i++) {
                if (union.getGeometryN(i) instanceof LineString ls && ls.getNumPoints() >= 2) {
                    out.add(ls);
                }
            }
            return out.isEmpty() ? lines : out;
        } catch (RuntimeException e) {
            return lines;
        }
    }

    private static final class Sweep {
        final double[] distance;
        final int[] via;

        Sweep(int n) {
            distance = new double[n];
            via = new int[n];
            java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(via, -1);
        }
    }

    private static Sweep sweep(int start, int n, List<Edge> edges, List<List<Integer>> adjacent) {
        Sweep s = new Sweep(n);
        s.distance[start] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        queue.add(new double[] {0, start});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int u = (int) top[1];
            if (top[0] > s.distance[u]) {
                continue;
            }
            for (int e : adjacent.get(u)) {
                Edge edge = edges.get(e);
                int v = edge.from() == u ? edge.to() : edge.from();
                double d = s.distance[u] + edge.length();
                if (d < s.distance[v]) {
                    s.distance[v] = d;
                    s.via[v] = e;
                    queue.add(new double[] {d, v});
                }
            }
        }
        return s;
    }

    private static int farthest(double[] distance) {
        int best = 0;
        for (int i = 1; i < distance.length; i++) {
            if (Double.isFinite(distance[i]) && (!Double.isFinite(distance[best]) || distance[i] > distance[best])) {
                best = i;
            }
        }
        return best;
    }

    private static int node(Map<String, Integer> nodes, Coordinate c) {
        // end points closer than ~1 cm are the same junction
        String key = Math.round(c.x * 1e7) + ":" + Math.round(c.y * 1e7);
        return nodes.computeIfAbsent(key, k -> nodes.size());
    }

    /** Length in degrees with longitude scaled by cos(latitude): enough to compare paths of one line. */
    static double length(LineString l) {
        double sum = 0;
        Coordinate[] cs = l.getCoordinates();
        for (int i = 1; i < cs.length; i++) {
            double k = Math.cos(Math.toRadians((cs[i].y + cs[i - 1].y) / 2));
            sum += Math.hypot((cs[i].x - cs[i - 1].x) * k, cs[i].y - cs[i - 1].y);
        }
        return sum;
    }
}
