package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlay.snap.GeometrySnapper;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Roads as a graph along which fiber can be laid: the given WGS84 lon/lat lines are snapped to themselves (vertices
 * within {@code snapToleranceM} of another line's vertex or segment are moved onto it, so a road that stops a few
 * metres short of another still joins it) and noded by a unary union (JTS splits every line where it crosses or
 * touches another, and dissolves shared stretches). Each resulting piece is one edge between its two end nodes;
 * its length is the sum of its vertex-to-vertex geodesic distances ({@link LocalMetric#distanceM}).
 *
 * <p>{@link #nearest} finds the nearest point on any road (the exact projection onto a segment, so the lines need no
 * densifying). Empty input is the empty graph ({@link #EMPTY}): every query then finds nothing. Limitations: the
 * snapping tolerance is converted to degrees with 111.32 km per degree, i.e. it is a little smaller east–west than
 * stated; a bridge over a road is taken for a junction (our highway layer has no levels).
 */
public final class RoadGraph {

    /** No roads. */
    public static final RoadGraph EMPTY = new RoadGraph(List.of(), new Coordinate[0]);

    /** One noded road piece from node {@code a} to node {@code b}: its vertices and the distance of each from a. */
    record Edge(int a, int b, Coordinate[] coordinates, double[] alongM) {

        double lengthM() {
            return alongM[alongM.length - 1];
        }
    }

    /** The nearest road point of a query point: on {@code edge}, {@code alongM} from its start. */
    record Attachment(int edge, double alongM, double lon, double lat, double accessM) {
    }

    private record Segment(int edge, int index) {
    }

    private final List<Edge> edges;
    private final Coordinate[] nodes;
    private final STRtree segments = new STRtree();

    private RoadGraph(List<Edge> edges, Coordinate[] nodes) {
        this.edges = edges;
        this.nodes = nodes;
        for (int e = 0; e < edges.size(); e++) {
            Coordinate[] cs = edges.get(e).coordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                segments.insert(new Envelope(cs[i], cs[i + 1]), new Segment(e, i));
            }
        }
        segments.build();
    }

    /** The graph of these lon/lat road lines, snapped within {@code snapToleranceM} and noded. */
    public static RoadGraph of(Collection<LineString> roads, double snapToleranceM) {
        if (roads.isEmpty()) {
            return EMPTY;
        }
        Geometry all = roads.iterator().next().getFactory().buildGeometry(roads);
        Geometry snapped = snapToleranceM > 0 ? GeometrySnapper.snapToSelf(all, snapToleranceM / 111_320, false) : all;
        Geometry noded = UnaryUnionOp.union(snapped);
        Map<Coordinate, Integer> nodeIds = new HashMap<>();
        List<Coordinate> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int g = 0; g < noded.getNumGeometries(); g++) {
            if (!(noded.getGeometryN(g) instanceof LineString line) || line.getNumPoints() < 2) {
                continue;
            }
            Coordinate[] cs = line.getCoordinates();
            double[] along = new double[cs.length];
            for (int i = 1; i < cs.length; i++) {
                along[i] = along[i - 1] + LocalMetric.distanceM(cs[i - 1].x, cs[i - 1].y, cs[i].x, cs[i].y);
            }
            if (along[cs.length - 1] <= 0) {
                continue;
            }
            int a = nodeIds.computeIfAbsent(new Coordinate(cs[0].x, cs[0].y), c -> add(nodes, c));
            int b = nodeIds.computeIfAbsent(new Coordinate(cs[cs.length - 1].x, cs[cs.length - 1].y), c -> add(nodes, c));
            edges.add(new Edge(a, b, cs, along));
        }
        return new RoadGraph(List.copyOf(edges), nodes.toArray(new Coordinate[0]));
    }

    private static int add(List<Coordinate> nodes, Coordinate c) {
        nodes.add(c);
        return nodes.size() - 1;
    }

    public int nodeCount() {
        return nodes.length;
    }

    public int edgeCount() {
        return edges.size();
    }

    /** Total length of the noded roads in km (shared stretches counted once). */
    public double lengthKm() {
        return edges.stream().mapToDouble(Edge::lengthM).sum() / 1000;
    }

    List<Edge> edges() {
        return edges;
    }

    /**
     * The nearest road point within {@code maxSearchM} of (lon, lat), or null. Distances in the query point's local
     * metric plane; the search box widens from 2 km, doubling (as {@link AccessFiberFinder#nearest}).
     */
    Attachment nearest(double lon, double lat, double maxSearchM) {
        if (edges.isEmpty()) {
            return null;
        }
        LocalMetric m = LocalMetric.at(lon, lat);
        double[] p0 = new double[2];
        double[] p1 = new double[2];
        for (double r = Math.min(2_000, maxSearchM); ; r = Math.min(r * 2, maxSearchM)) {
            double dLat = r / 110_000;
            double dLon = r / (110_000 * Math.cos(Math.toRadians(lat)) + 1e-9);
            @SuppressWarnings("unchecked")
            List<Segment> found = segments.query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat));
            Attachment best = null;
            for (Segment s : found) {
                Edge e = edges.get(s.edge());
                Coordinate c0 = e.coordinates()[s.index()];
                Coordinate c1 = e.coordinates()[s.index() + 1];
                m.toLocal(c0.x, c0.y, p0);
                m.toLocal(c1.x, c1.y, p1);
                double dx = p1[0] - p0[0];
                double dy = p1[1] - p0[1];
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(p0[0] * dx + p0[1] * dy) / len2));
                double d = Math.hypot(p0[0] + t * dx, p0[1] + t * dy);
                if (best == null || d < best.accessM()) {
                    double along = e.alongM()[s.index()] + t * (e.alongM()[s.index() + 1] - e.alongM()[s.index()]);
                    best = new Attachment(s.edge(), along, c0.x + t * (c1.x - c0.x), c0.y + t * (c1.y - c0.y), d);
                }
            }
            // a hit inside the searched radius is the nearest overall; one outside it may be beaten by a farther box
            if (best != null && best.accessM() <= r) {
                return best;
            }
            if (r >= maxSearchM) {
                return best != null && best.accessM() <= maxSearchM ? best : null;
            }
        }
    }

    /** The vertices of {@code edge} between two distances from its start, in the order given (either direction). */
    List<Coordinate> stretch(int edge, double fromM, double toM) {
        Edge e = edges.get(edge);
        List<Coordinate> out = new ArrayList<>();
        double lo = Math.min(fromM, toM);
        double hi = Math.max(fromM, toM);
        out.add(pointAt(e, lo));
        for (int i = 0; i < e.coordinates().length; i++) {
            if (e.alongM()[i] > lo && e.alongM()[i] < hi) {
                out.add(e.coordinates()[i]);
            }
        }
        out.add(pointAt(e, hi));
        if (fromM > toM) {
            Collections.reverse(out);
        }
        return out;
    }

    private static Coordinate pointAt(Edge e, double alongM) {
        double[] al = e.alongM();
        Coordinate[] cs = e.coordinates();
        for (int i = 1; i < al.length; i++) {
            if (alongM <= al[i] || i == al.length - 1) {
                double span = al[i] - al[i - 1];
                double t = span > 0 ? Math.max(0, Math.min(1, (alongM - al[i - 1]) / span)) : 0;
                return new Coordinate(cs[i - 1].x + t * (cs[i].x - cs[i - 1].x), cs[i - 1].y + t * (cs[i].y - cs[i - 1].y));
            }
        }
        return cs[0];
    }
}
