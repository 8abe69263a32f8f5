package uz.qamrov.geodata.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Geodesic helpers on the WGS84 ellipsoid (GeographicLib) for lon/lat coordinates, EPSG:4326. Every distance
 * and length in the generator goes through here, never degrees-as-metres.
 */
final class Geo {
    /** All output coordinates are on a 1e-6 degree grid (6 decimals in WKT). */
    static final PrecisionModel PM = new PrecisionModel(1e6);
    static final GeometryFactory GF = new GeometryFactory(PM, 4326);
    private static final Geodesic G = Geodesic.WGS84;

    private Geo() {
    }

    static double distM(double lon1, double lat1, double lon2, double lat2) {
        return G.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
    }

    static double distM(Coordinate a, Coordinate b) {
        return distM(a.x, a.y, b.x, b.y);
    }

    /** Cheap lower-accuracy distance for pre-filtering (equirectangular, metres); confirm with {@link #distM}. */
    static double approxM(double lon1, double lat1, double lon2, double lat2) {
        double k = Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double dx = (lon2 - lon1) * k * 111_320.0;
        double dy = (lat2 - lat1) * 110_950.0;
        return Math.sqrt(dx * dx + dy * dy);
    }

    static double lengthM(Geometry line) {
        Coordinate[] c = line.getCoordinates();
        double s = 0;
        for (int i = 1; i < c.length; i++) {
            s += distM(c[i - 1], c[i]);
        }
        return s;
    }

    static Coordinate destination(double lon, double lat, double aziDeg, double distM) {
        GeodesicData d = G.Direct(lat, lon, aziDeg, distM);
        return new Coordinate(d.lon2, d.lat2);
    }

    static double azimuth(Coordinate a, Coordinate b) {
        return G.Inverse(a.y, a.x, b.y, b.x, GeodesicMask.AZIMUTH).azi1;
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static Coordinate round(Coordinate c) {
        return new Coordinate(round6(c.x), round6(c.y));
    }

    static Point point(double lon, double lat) {
        return GF.createPoint(new Coordinate(round6(lon), round6(lat)));
    }

    /**
     * Densifies a route through anchor points so that no segment is longer than {@code maxStepM}, with a gentle
     * deterministic lateral wiggle (zero at the anchors) of amplitude about {@code wiggleM}. Vertices that would
     * fall outside {@code inside} are pulled back onto it.
     */
    static LineString densify(List<Coordinate> anchors, double maxStepM, double wiggleM, double periodM,
            SplittableRandom rnd, Geometry insideGeom, PreparedGeometry inside) {
        List<Coordinate> out = new ArrayList<>();
        out.add(keepInside(anchors.get(0), insideGeom, inside));
        for (int i = 1; i < anchors.size(); i++) {
            Coordinate a = anchors.get(i - 1);
            Coordinate b = anchors.get(i);
            GeodesicLine gl = G.InverseLine(a.y, a.x, b.y, b.x);
            double d = gl.Distance();
            int n = Math.max(1, (int) Math.ceil(d / maxStepM));
            double k = Math.max(1, Math.round(d / periodM));
            double m = Math.max(2, Math.round(d / 7_000.0));
            double ph1 = rnd.nextDouble() * 2 * Math.PI;
            double ph2 = rnd.nextDouble() * 2 * Math.PI;
            double amp = wiggleM * Math.min(1.0, d / 20_000.0);
            for (int j = 1; j <= n; j++) {
                double t = (double) j / n;
                GeodesicData p = gl.Position(t * d, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.AZIMUTH);
                double env = Math.sin(Math.PI * t);
                double off = j == n ? 0 : env * (amp * Math.sin(2 * Math.PI * k * t + ph1)
                        + 0.15 * amp * Math.sin(Math.PI * m * t + ph2));
                Coordinate c = Math.abs(off) < 1 ? new Coordinate(p.lon2, p.lat2)
                        : destination(p.lon2, p.lat2, p.azi2 + 90, off);
                c = keepInside(c, insideGeom, inside);
                Coordinate r = round(c);
                if (!r.equals2D(out.get(out.size() - 1))) {
                    out.add(r);
                }
            }
        }
        // chords that still cut a corner of the outline get an extra vertex pulled inside (a few passes)
        for (int pass = 0; pass < 4 && inside != null; pass++) {
            List<Coordinate> fixed = new ArrayList<>();
            fixed.add(out.get(0));
            boolean changed = false;
            for (int i = 1; i < out.size(); i++) {
                Coordinate a = out.get(i - 1);
                Coordinate b = out.get(i);
                Coordinate mid = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
                if (!inside.contains(GF.createPoint(mid))) {
                    Coordinate m = keepInside(mid, insideGeom, inside);
                    if (!m.equals2D(a) && !m.equals2D(b)) {
                        fixed.add(m);
                        changed = true;
                    }
                }
                fixed.add(b);
            }
            out = fixed;
            if (!changed) {
                break;
            }
        }
        return GF.createLineString(out.toArray(new Coordinate[0]));
    }

    static Coordinate keepInside(Coordinate c, Geometry insideGeom, PreparedGeometry inside) {
        Point p = GF.createPoint(c);
        if (inside == null || inside.contains(p)) {
            return round(c);
        }
        Coordinate[] np = DistanceOp.nearestPoints(insideGeom, p);
        return round(np[0]);
    }

    /** Uniform random point in a geodesic disk of the given radius. */
    static Coordinate randomInDisk(double lon, double lat, double radiusM, SplittableRandom rnd) {
        double r = radiusM * Math.sqrt(rnd.nextDouble());
        return destination(lon, lat, rnd.nextDouble() * 360, r);
    }
}
