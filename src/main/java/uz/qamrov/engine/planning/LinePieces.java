package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Cuts a WGS84 lon/lat line into ⌈length / {@code maxM}⌉ consecutive pieces of equal geodesic length (so each is at
 * most {@code maxM} metres), each as its mid-point and length. Points are interpolated linearly in lon/lat inside a vertex pair, which
 * is exact enough for the ≤ 2 km vertex spacing of our lines.
 */
final class LinePieces {

    record Piece(double midLon, double midLat, double lengthM) {
    }

    private LinePieces() {
    }

    static List<Piece> cut(LineString line, double maxM) {
        Coordinate[] cs = line.getCoordinates();
        double[] cum = new double[cs.length];
        for (int i = 1; i < cs.length; i++) {
            cum[i] = cum[i - 1] + LocalMetric.distanceM(cs[i - 1].x, cs[i - 1].y, cs[i].x, cs[i].y);
        }
        double total = cum[cs.length - 1];
        List<Piece> out = new ArrayList<>();
        if (total <= 0) {
            return out;
        }
        int n = Math.max(1, (int) Math.ceil(total / maxM - 1e-9));
        double step = total / n;
        for (int k = 0; k < n; k++) {
            double[] mid = at(cs, cum, (k + 0.5) * step);
            out.add(new Piece(mid[0], mid[1], step));
        }
        return out;
    }

    /** Geodesic length in metres (sum of the vertex-to-vertex distances). */
    static double lengthM(LineString line) {
        Coordinate[] cs = line.getCoordinates();
        double sum = 0;
        for (int i = 1; i < cs.length; i++) {
            sum += LocalMetric.distanceM(cs[i - 1].x, cs[i - 1].y, cs[i].x, cs[i].y);
        }
        return sum;
    }

    /** The point at geodesic distance {@code d} metres from the start. */
    static double[] at(Coordinate[] cs, double[] cum, double d) {
        int i = 1;
        while (i < cs.length - 1 && cum[i] < d) {
            i++;
        }
        double segLen = cum[i] - cum[i - 1];
        double t = segLen <= 0 ? 0 : Math.max(0, Math.min(1, (d - cum[i - 1]) / segLen));
        return new double[] {cs[i - 1].x + t * (cs[i].x - cs[i - 1].x), cs[i - 1].y + t * (cs[i].y - cs[i - 1].y)};
    }
}
