package uz.qamrov.engine.measure;

import java.util.Arrays;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Regular grid of about {@code target} sample points inside a lon/lat polygon, equal spacing in metres (so each
 * sample stands for the same area). Thin polygons are refined up to 3 times; a polygon that still holds no grid
 * point is represented by its interior point.
 */
final class PolygonSampler {

    private PolygonSampler() {
    }

    /** {lons, lats}. */
    static double[][] sample(Geometry polygon, int target) {
        Envelope env = polygon.getEnvelopeInternal();
        double lat = env.centre().y;
        double phi = Math.toRadians(lat);
        double mPerDegLat = LocalMetric.meridionalRadiusM(phi) * Math.PI / 180;
        double mPerDegLon = LocalMetric.primeVerticalRadiusM(phi) * Math.cos(phi) * Math.PI / 180;
        double areaM2 = Math.max(1e-6, LocalMetric.areaM2(polygon));
        double h = Math.sqrt(areaM2 / target);
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(polygon);
        double[] lons = new double[0];
        double[] lats = new double[0];
        for (int round = 0; round < 4; round++) {
            double dLon = h / mPerDegLon;
            double dLat = h / mPerDegLat;
            int nx = Math.max(1, (int) Math.ceil(env.getWidth() / dLon));
            int ny = Math.max(1, (int) Math.ceil(env.getHeight() / dLat));
            // centre the grid on the envelope so symmetric shapes get symmetric samples
            double x0 = env.centre().x - (nx - 1) * dLon / 2;
            double y0 = env.centre().y - (ny - 1) * dLat / 2;
            int cap = nx * ny;
            lons = new double[Math.min(cap, 4 * target + 16)];
            lats = new double[lons.length];
            int n = 0;
            Coordinate c = new Coordinate();
            for (int iy = 0; iy < ny && n < lons.length; iy++) {
                for (int ix = 0; ix < nx && n < lons.length; ix++) {
                    c.x = x0 + ix * dLon;
                    c.y = y0 + iy * dLat;
                    if (loc.locate(c) != Location.EXTERIOR) {
                        lons[n] = c.x;
                        lats[n] = c.y;
                        n++;
                    }
                }
            }
            lons = Arrays.copyOf(lons, n);
            lats = Arrays.copyOf(lats, n);
            if (n >= target / 4) {
                break;
            }
            h /= 2;
        }
        if (lons.length == 0) {
            Coordinate p = polygon.getInteriorPoint().getCoordinate();
            return new double[][] {{p.x}, {p.y}};
        }
        return new double[][] {lons, lats};
    }
}
