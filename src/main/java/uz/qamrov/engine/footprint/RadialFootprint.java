package uz.qamrov.engine.footprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import uz.qamrov.engine.geodesy.FdlibmAtan;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.InvalidInputException;

/**
 * A footprint built from radials: {@code n} rays from the site at azimuths {@code i·360°/n} (clockwise from north),
 * each with its range in metres, joined by straight lines <em>in the site's {@link LocalMetric} plane</em>. The shape
 * is a star-shaped polygon around the site, so a point is inside iff it lies on the site's side of the one edge
 * that spans its azimuth; the radial end points are geodesic (the plane is azimuthal-equidistant).
 *
 * <p>{@link #toPolygon} draws exactly this shape (each plane edge walked in ≤ 2.5 km lon/lat steps), so the map
 * and the engine agree. Points within 1 mm of the boundary count as inside. Immutable, thread-safe.
 *
 * <p>Ranges are held in 16 bits ({@link RangeUnits}: whole units of 1/65,535 of the longest radial, rounded towards
 * the site). Every method, the drawn polygon included, uses the held ranges, so the engine and the map agree exactly.
 */
public final class RadialFootprint implements Footprint, NearApexRefinement.PlaneIntervals {

    public static final double EPS_M = SectorFootprint.EPS_M;
    private static final double[] NONE = new double[0];

    private final double lon;
    private final double lat;
    private final LocalMetric metric;
    private final int n;
    private final double stepRad;
    // radial i's range is units[i] · unitM metres (RangeUnits)
    private final char[] units;
    private final double unitM;
    // sin/cos of the radial azimuths (RadialDirections): vertex k in the plane is (sin·r, cos·r), not stored
    private final double[][] dirs;
    private final double maxRangeM;
    private final Envelope envelope;
    /** {@link #shapeDigest}, once asked. */
    private volatile byte[] shapeDigest;

    /** @param rangesM range of radial {@code i} at azimuth {@code i·360°/rangesM.length}; ≥ 0, at least one > 0 */
    public RadialFootprint(double lon, double lat, double[] rangesM) {
        if (rangesM.length < 3) {
            throw InvalidInputException.of("a radial footprint needs at least 3 radials", "radials", rangesM.length);
        }
        double unit = RangeUnits.unitFor(rangesM);
        char[] held = RangeUnits.hold(rangesM, unit);
        double max = 0;
        for (char u : held) {
            max = Math.max(max, u * unit);
        }
        this.lon = lon;
        this.lat = lat;
        this.metric = LocalMetric.at(lon, lat);
        this.n = rangesM.length;
        this.stepRad = 2 * Math.PI / n;
        this.units = held;
        this.unitM = unit;
        this.dirs = RadialDirections.of(n);
        this.maxRangeM = max;
        this.envelope = LocalMetricEnvelope.around(lon, lat, planeBox(), max);
    }

    public double lon() {
        return lon;
    }

    public double lat() {
        return lat;
    }

    /** Number of radials. */
    public int radials() {
        return n;
    }

    /** Range in metres of radial {@code i} (azimuth {@code i·360°/radials()}), as held: rounded towards the site. */
    public double rangeM(int i) {
        return units[i] * unitM;
    }

    /** The step of the held ranges in metres (1/65,535 of the longest given radial): each is below its given range by less. */
    public double rangeResolutionM() {
        return unitM;
    }

    /** Longest radial in metres. */
    public double maxRangeM() {
        return maxRangeM;
    }

    /** Vertex k (0..n, n wrapping to 0) in the plane: metres east. */
    private double vx(int k) {
        int i = k == n ? 0 : k;
        return dirs[0][i] * (units[i] * unitM);
    }

    /** Vertex k in the plane: metres north. */
    private double vy(int k) {
        int i = k == n ? 0 : k;
        return dirs[1][i] * (units[i] * unitM);
    }

    private double[] planeBox() {
        double minX = 0;
        double maxX = 0;
        double minY = 0;
        double maxY = 0;
        for (int i = 0; i < n; i++) {
            double x = vx(i);
            double y = vy(i);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new double[] {minX, maxX, minY, maxY};
    }

    private static double azimuth(double x, double y) {
        double a = FdlibmAtan.atan2(x, y);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /** Index of the angular sector [k·step, (k+1)·step) that holds the plane direction (x, y). */
    private int sectorOf(double x, double y) {
        double a = FdlibmAtan.atan2(x, y);
        if (a < 0) {
            a += 2 * Math.PI;
        }
        int k = (int) (a / stepRad);
        return k >= n ? n - 1 : k;
    }

    /**
     * Signed distance of (x, y) beyond the edge of sector k (≤ 0 inside), or +∞ when the sector's triangle is
     * degenerate (both radials 0, or the site on the edge line).
     */
    private double beyondEdge(int k, double x, double y) {
        double ex = vx(k + 1) - vx(k);
        double ey = vy(k + 1) - vy(k);
        double len = Math.hypot(ex, ey);
        // the site (origin) is on the inside; cross(E, O − V_k) gives its side
        double side = ex * -vy(k) - ey * -vx(k);
        if (len == 0 || side == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double c = ex * (y - vy(k)) - ey * (x - vx(k));
        return -Math.signum(side) * c / len;
    }

    /** {@link #beyondEdge} at two points of sector k into g[0], g[1]: the same bits, one {@code hypot} (~4% of a reach). */
    private void beyondEdge(int k, double x0, double y0, double x1, double y1, double[] g) {
        double ex = vx(k + 1) - vx(k);
        double ey = vy(k + 1) - vy(k);
        double len = Math.hypot(ex, ey);
        double side = ex * -vy(k) - ey * -vx(k);
        boolean degenerate = len == 0 || side == 0;
        g[0] = degenerate ? Double.POSITIVE_INFINITY : -Math.signum(side) * (ex * (y0 - vy(k)) - ey * (x0 - vx(k))) / len;
        g[1] = degenerate ? Double.POSITIVE_INFINITY : -Math.signum(side) * (ex * (y1 - vy(k)) - ey * (x1 - vx(k))) / len;
    }

    @Override
    public boolean contains(double lon, double lat) {
        double[] p = new double[2];
        metric.toLocal(lon, lat, p);
        return containsLocal(p[0], p[1]);
    }

    /** Point test in the site plane (metres east, north). */
    public boolean containsLocal(double x, double y) {
        double d2 = x * x + y * y;
        if (d2 <= EPS_M * EPS_M) {
            return true;
        }
        double r = maxRangeM + EPS_M;
        if (d2 > r * r) {
            return false;
        }
        int k = sectorOf(x, y);
        if (beyondEdge(k, x, y) <= EPS_M) {
            return true;
        }
        // on or next to a radial: the neighbouring sector may hold it within the tolerance
        int prev = (k + n - 1) % n;
        int next = (k + 1) % n;
        return nearRay(k, x, y) && beyondEdge(prev, x, y) <= EPS_M || nearRay(next, x, y) && beyondEdge(next, x, y) <= EPS_M;
    }

    private boolean nearRay(int k, double x, double y) {
        double a = stepRad * k;
        return Math.abs(Math.sin(a) * y - Math.cos(a) * x) <= EPS_M;
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public int relateDisc(double lonC, double latC, double discRadiusM) {
        double[] p = new double[2];
        metric.toLocal(lonC, latC, p);
        double d = Math.hypot(p[0], p[1]);
        double rc = discRadiusM * 1.001 + EPS_M;
        if (d - rc > maxRangeM) {
            return -1;
        }
        if (d <= rc) {
            return 0;
        }
        // sectors the disc can touch, and the nearest edge / farthest vertex over them
        double half = Math.asin(Math.min(1, rc / d));
        double a = FdlibmAtan.atan2(p[0], p[1]);
        int k0 = (int) Math.floor((a - half) / stepRad);
        int k1 = (int) Math.floor((a + half) / stepRad);
        double minEdge = Double.POSITIVE_INFINITY;
        double maxVertex = 0;
        for (int k = k0; k <= k1; k++) {
            int s = Math.floorMod(k, n);
            minEdge = Math.min(minEdge, edgeDistance(s));
            maxVertex = Math.max(maxVertex, Math.max(units[s], units[(s + 1) % n]) * unitM);
        }
        if (d + rc <= minEdge) {
            return 1;
        }
        return d - rc > maxVertex ? -1 : 0;
    }

    /** Distance from the site to the edge segment of sector k (its nearest point). */
    private double edgeDistance(int k) {
        double ex = vx(k + 1) - vx(k);
        double ey = vy(k + 1) - vy(k);
        double len2 = ex * ex + ey * ey;
        if (len2 == 0) {
            return Math.hypot(vx(k), vy(k));
        }
        double t = Math.max(0, Math.min(1, -(vx(k) * ex + vy(k) * ey) / len2));
        return Math.hypot(vx(k) + t * ex, vy(k) + t * ey);
    }

    @Override
    public double[] coveredIntervals(double lonA, double latA, double lonB, double latB) {
        return NearApexRefinement.coveredIntervals(metric, this, true, lonA, latA, lonB, latB);
    }

    /**
     * Covered parameter intervals of the plane segment A→B: cut it where it crosses a radial ray, then within each
     * piece (one angular sector) keep the part on the site's side of that sector's edge, a linear inequality in t.
     */
    @Override
    public double[] intervalsInPlane(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double r = maxRangeM + EPS_M;
        if (len2 == 0) {
            return containsLocal(ax, ay) ? new double[] {0, 1} : NONE;
        }
        // clip to the bounding circle first: most segments near a footprint miss it
        double qb = 2 * (ax * dx + ay * dy);
        double qc = ax * ax + ay * ay - r * r;
        double disc = qb * qb - 4 * len2 * qc;
        if (disc < 0) {
            return NONE;
        }
        double sq = Math.sqrt(disc);
        double c0 = Math.max(0, (-qb - sq) / (2 * len2));
        double c1 = Math.min(1, (-qb + sq) / (2 * len2));
        if (c0 >= c1) {
            return NONE;
        }
        // parameters where the segment crosses radial rays. Unless the line passes through the site (cross = 0: then
        // it only runs along one ray or through the apex), its azimuth changes monotonically, by less than 180°.
        double cross = ax * dy - ay * dx;
        double[] cuts;
        int nc = 0;
        if (cross != 0) {
            double az0 = azimuth(ax + c0 * dx, ay + c0 * dy);
            double az1 = azimuth(ax + c1 * dx, ay + c1 * dy);
            boolean increasing = cross < 0;
            if (increasing && az1 < az0) {
                az1 += 2 * Math.PI;
            } else if (!increasing && az1 > az0) {
                az1 -= 2 * Math.PI;
            }
            int j0 = (int) Math.floor(Math.min(az0, az1) / stepRad);
            int j1 = (int) Math.ceil(Math.max(az0, az1) / stepRad);
            if (c0 == 0 && c1 == 1 && InscribedSegment.inside(units, unitM, Math.sqrt(0.5 * (1 + dirs[1][1])), j0, j1,
                    Math.max(ax * ax + ay * ay, bx * bx + by * by))) {
                return new double[] {0, 1};
            }
            // room for the rays between the two ends only (a road segment crosses a few): sized for every radial,
            // this array was a third of the bytes an incremental round of 1,000 sites allocated
            cuts = new double[2 + Math.min(n, j1 - j0 + 1)];
            cuts[nc++] = c0;
            cuts[nc++] = c1;
            for (int j = j0; j <= j1 && nc < cuts.length; j++) {
                double ux = Math.sin(stepRad * j);
                double uy = Math.cos(stepRad * j);
                double den = ux * dy - uy * dx;
                if (den == 0) {
                    continue;
                }
                double t = -(ux * ay - uy * ax) / den;
                if (t > c0 && t < c1 && (ax + t * dx) * ux + (ay + t * dy) * uy > 0) {
                    cuts[nc++] = t;
                }
            }
        } else {
            cuts = new double[] {c0, c1};
            nc = 2;
        }
        Arrays.sort(cuts, 0, nc);
        double[] out = new double[2 * nc];
        double[] g = new double[2];
        int m = 0;
        for (int i = 0; i + 1 < nc; i++) {
            double t0 = cuts[i];
            double t1 = cuts[i + 1];
            if (t1 <= t0) {
                continue;
            }
            double tm = 0.5 * (t0 + t1);
            int k = sectorOf(ax + tm * dx, ay + tm * dy);
            beyondEdge(k, ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy, g);
            double g0 = g[0];
            double g1 = g[1];
            if (Double.isInfinite(g0)) {
                continue;
            }
            // g is linear in t within the piece: keep where g ≤ EPS
            double s;
            double e;
            if (g0 <= EPS_M && g1 <= EPS_M) {
                s = t0;
                e = t1;
            } else if (g0 > EPS_M && g1 > EPS_M) {
                continue;
            } else {
                double tx = t0 + (EPS_M - g0) / (g1 - g0) * (t1 - t0);
                s = g0 <= EPS_M ? t0 : tx;
                e = g0 <= EPS_M ? tx : t1;
            }
            if (m > 0 && s <= out[m - 1] + 1e-12) {
                out[m - 1] = Math.max(out[m - 1], e);
            } else if (e > s) {
                out[m++] = s;
                out[m++] = e;
            }
        }
        return m == out.length ? out : Arrays.copyOf(out, m);
    }

    /** The star polygon in lon/lat: each plane edge walked in ≤ 2.5 km steps (the shape {@link #contains} tests). */
    @Override
    public Polygon toPolygon(GeometryFactory factory, int verticesPerFullCircle) {
        List<Coordinate> ring = new ArrayList<>(2 * n + 2);
        for (int i = 0; i < n; i++) {
            double[] ll = metric.toLonLat(vx(i), vy(i));
            ring.add(new Coordinate(ll[0], ll[1]));
            PolygonRings.walk(metric, vx(i), vy(i), vx(i + 1), vy(i + 1), maxRangeM, ring);
        }
        ring.add(new Coordinate(ring.get(0)));
        return factory.createPolygon(ring.toArray(new Coordinate[0]));
    }

    /** The apex and the held ranges: the star {@link #toPolygon} draws (it draws no arcs). */
    @Override
    public void feedShape(ShapeDigest d) {
        d.putString("radial").putDouble(lon).putDouble(lat).putDouble(unitM).putChars(units);
    }

    /**
     * Kept once computed: after a restart the keys of ~300 region unions hashed each footprint's 720 bytes of ranges
     * up to eight times, more than half the CPU of today's polygons read back from the store (a profile with the
     * OSM railways loaded). Volatile: an array published by a plain write could be seen before its contents.
     */
    @Override
    public byte[] shapeDigest() {
        byte[] kept = shapeDigest;
        if (kept == null) {
            kept = Footprint.super.shapeDigest();
            shapeDigest = kept;
        }
        return kept.clone();
    }

    @Override
    public String toString() {
        return "RadialFootprint[" + lon + "," + lat + " radials=" + n + " max=" + maxRangeM + "m]";
    }
}
