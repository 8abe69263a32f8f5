package uz.qamrov.engine.measure;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Cuts a lon/lat line into straight edges of at most {@code maxLenM} (long edges are split evenly in lon/lat) and
 * groups consecutive edges into chunks of at most {@code maxLenM}. Chunks carry the area lookup (mid-point); edges
 * carry the exact interval geometry. Zero-length edges are dropped.
 */
final class LineChunker {

    static final class Pieces {
        int n;
        double[] lon0 = new double[16];
        double[] lat0 = new double[16];
        double[] lon1 = new double[16];
        double[] lat1 = new double[16];
        double[] lenM = new double[16];
        double[] startM = new double[16];
        int[] chunk = new int[16];
        int chunks;
        double totalM;

        void add(double a, double b, double c, double d, double len, int ch) {
            if (n == lon0.length) {
                int m = n * 2;
                lon0 = java.util.Arrays.copyOf(lon0, m);
                lat0 = java.util.Arrays.copyOf(lat0, m);
                lon1 = java.util.Arrays.copyOf(lon1, m);
                lat1 = java.util.Arrays.copyOf(lat1, m);
                lenM = java.util.Arrays.copyOf(lenM, m);
                startM = java.util.Arrays.copyOf(startM, m);
                chunk = java.util.Arrays.copyOf(chunk, m);
            }
            lon0[n] = a;
            lat0[n] = b;
            lon1[n] = c;
            lat1[n] = d;
            lenM[n] = len;
            startM[n] = totalM;
            chunk[n] = ch;
            totalM += len;
            n++;
        }

        /** Lon/lat of the mid-point (by length) of chunk c, whose edges are [first, end). */
        double[] chunkMid(int first, int end) {
            double half = 0;
            for (int i = first; i < end; i++) {
                half += lenM[i];
            }
            half /= 2;
            for (int i = first; i < end; i++) {
                if (half <= lenM[i] || i == end - 1) {
                    double t = lenM[i] == 0 ? 0 : Math.min(1, half / lenM[i]);
                    return new double[] {lon0[i] + t * (lon1[i] - lon0[i]), lat0[i] + t * (lat1[i] - lat0[i])};
                }
                half -= lenM[i];
            }
            return new double[] {lon0[first], lat0[first]};
        }
    }

    private LineChunker() {
    }

    static Pieces cut(LineString line, double maxLenM) {
        Pieces p = new Pieces();
        Coordinate[] cs = line.getCoordinates();
        double chunkLen = 0;
        int chunk = 0;
        boolean chunkEmpty = true;
        for (int i = 1; i < cs.length; i++) {
            Coordinate a = cs[i - 1];
            Coordinate b = cs[i];
            double len = LocalMetric.distanceM(a.x, a.y, b.x, b.y);
            if (len == 0) {
                continue;
            }
            int k = (int) Math.ceil(len / maxLenM);
            for (int j = 0; j < k; j++) {
                double t0 = (double) j / k;
                double t1 = (double) (j + 1) / k;
                double x0 = a.x + t0 * (b.x - a.x);
                double y0 = a.y + t0 * (b.y - a.y);
                double x1 = j == k - 1 ? b.x : a.x + t1 * (b.x - a.x);
                double y1 = j == k - 1 ? b.y : a.y + t1 * (b.y - a.y);
                double l = k == 1 ? len : LocalMetric.distanceM(x0, y0, x1, y1);
                if (!chunkEmpty && chunkLen + l > maxLenM) {
                    chunk++;
                    chunkLen = 0;
                }
                p.add(x0, y0, x1, y1, l, chunk);
                chunkLen += l;
                chunkEmpty = false;
            }
        }
        p.chunks = p.n == 0 ? 0 : chunk + 1;
        return p;
    }
}
