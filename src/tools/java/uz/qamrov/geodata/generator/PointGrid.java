package uz.qamrov.geodata.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A bucket grid over lon/lat points for nearest-neighbour queries; distances are geodesic. */
final class PointGrid {
    private final double cell;
    private final Map<Long, List<double[]>> buckets = new HashMap<>();

    PointGrid(double cellDeg) {
        this.cell = cellDeg;
    }

    private long key(int ix, int iy) {
        return ((long) ix << 32) ^ (iy & 0xffffffffL);
    }

    /** Adds a point; {@code id} is returned by {@link #nearest}. */
    void add(double lon, double lat, double id) {
        buckets.computeIfAbsent(key((int) Math.floor(lon / cell), (int) Math.floor(lat / cell)), k -> new ArrayList<>())
                .add(new double[] {lon, lat, id});
    }

    /** Nearest point within maxM metres: {lon, lat, id, distM}, or null. */
    double[] nearest(double lon, double lat, double maxM) {
        int ix = (int) Math.floor(lon / cell);
        int iy = (int) Math.floor(lat / cell);
        int rings = (int) Math.ceil(maxM / (cell * 80_000.0)) + 1;
        double[] best = null;
        double bestApprox = Double.MAX_VALUE;
        for (int r = 0; r <= rings; r++) {
            for (int dx = -r; dx <= r; dx++) {
                for (int dy = -r; dy <= r; dy++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != r) {
                        continue;
                    }
                    List<double[]> b = buckets.get(key(ix + dx, iy + dy));
                    if (b == null) {
                        continue;
                    }
                    for (double[] p : b) {
                        double a = Geo.approxM(lon, lat, p[0], p[1]);
                        if (a < bestApprox) {
                            bestApprox = a;
                            best = p;
                        }
                    }
                }
            }
            // the ring r fully covers a radius of r*cell degrees (~ r*cell*80 km in longitude at 44N)
            if (best != null && bestApprox < r * cell * 80_000.0) {
                break;
            }
        }
        if (best == null) {
            return null;
        }
        double d = Geo.distM(lon, lat, best[0], best[1]);
        return d <= maxM ? new double[] {best[0], best[1], best[2], d} : null;
    }
}
