package uz.qamrov.engine.planning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;

/**
 * The nearest point of the households-serving fiber (access routes and nodes with broadband ports) active on a date,
 * optionally of one operator — where a fiber extension to a settlement would start. Unlike the gap lists' nearest
 * fiber, backbone cables do not count: households cannot be tapped from them. Distances are measured in the query
 * point's {@link LocalMetric} plane (exact to ~1e-5 within tens of km); the search widens from 2 km, doubling, up to
 * {@code maxSearchM}.
 */
public final class AccessFiberFinder {

    /** A point on the fiber (lon/lat) and its distance in metres from the query point. */
    public record Hit(double lon, double lat, double distanceM) {
    }

    private record Seg(double lon0, double lat0, double lon1, double lat1) {
    }

    private final STRtree tree = new STRtree();
    private final double maxSearchM;

    public AccessFiberFinder(Collection<FiberRoute> routes, Collection<FiberNode> nodes, LocalDate asOf, String operator,
            double maxSearchM) {
        this.maxSearchM = maxSearchM;
        for (FiberRoute r : routes) {
            if (!r.access() || !r.validity().contains(asOf) || (operator != null && !operator.equals(r.operator()))) {
                continue;
            }
            Coordinate[] cs = r.geometry().getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                Seg s = new Seg(cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y);
                tree.insert(new Envelope(cs[i], cs[i + 1]), s);
            }
        }
        for (FiberNode n : nodes) {
            if (n.broadbandPorts() > 0 && n.validity().contains(asOf)
                    && (operator == null || operator.equals(n.operator()))) {
                tree.insert(new Envelope(n.lon(), n.lon(), n.lat(), n.lat()), new Seg(n.lon(), n.lat(), n.lon(), n.lat()));
            }
        }
        tree.build();
    }

    /** Nearest fiber point within the maximum search distance, or null. */
    public Hit nearest(double lon, double lat) {
        LocalMetric m = LocalMetric.at(lon, lat);
        double[] a = new double[2];
        double[] b = new double[2];
        for (double r = 2_000; ; r = Math.min(r * 2, maxSearchM)) {
            double dLat = r / 110_000;
            double dLon = r / (110_000 * Math.cos(Math.toRadians(lat)) + 1e-9);
            @SuppressWarnings("unchecked")
            List<Seg> found = tree.query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat));
            Hit best = null;
            for (Seg s : found) {
                m.toLocal(s.lon0(), s.lat0(), a);
                m.toLocal(s.lon1(), s.lat1(), b);
                double dx = b[0] - a[0];
                double dy = b[1] - a[1];
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / len2));
                double px = a[0] + t * dx;
                double py = a[1] + t * dy;
                double d = Math.hypot(px, py);
                if (best == null || d < best.distanceM()) {
                    best = new Hit(s.lon0() + t * (s.lon1() - s.lon0()), s.lat0() + t * (s.lat1() - s.lat0()), d);
                }
            }
            // a hit inside the searched radius is the nearest overall; one outside it may be beaten by a farther box
            if (best != null && best.distanceM() <= r) {
                return best;
            }
            if (r >= maxSearchM) {
                return best != null && best.distanceM() <= maxSearchM ? best : null;
            }
        }
    }
}
