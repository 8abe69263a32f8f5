package uz.qamrov.engine.footprint;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.InvalidInputException;

/**
 * Circular sector (or full disc) around a site, exact in the site's {@link LocalMetric} plane: a point is inside
 * iff its geodesic distance is ≤ {@code radiusM} and its azimuth from the site lies within
 * {@code azimuthDeg ± beamwidthDeg/2}. Null azimuth or beamwidth ≥ 360° means omnidirectional.
 *
 * <p>In the plane the wedge is the intersection (beamwidth ≤ 180°) or the union (beamwidth > 180°, non-convex) of
 * the two half-planes bounded by the edge rays, so segment intervals come from one quadratic (circle) and two
 * linear inequalities. Points within 1 mm of the boundary count as inside; this makes "site exactly on the
 * boundary" cases deterministic. Immutable, thread-safe.
 */
public final class SectorFootprint implements Footprint, NearApexRefinement.PlaneIntervals {

    /** Boundary tolerance in metres. */
    public static final double EPS_M = 1e-3;

    private final double lon;
    private final double lat;
    private final Double azimuthDeg;
    private final double beamwidthDeg;
    private final double radiusM;
    private final LocalMetric metric;
    private final boolean omni;
    private final boolean convex;
    // unit vectors (east, north) of the clockwise-first (d1) and clockwise-last (d2) edge rays
    private final double d1x;
    private final double d1y;
    private final double d2x;
    private final double d2y;
    private final Envelope envelope;

    public SectorFootprint(double lon, double lat, Double azimuthDeg, double beamwidthDeg, double radiusM) {
        if (!(radiusM > 0) || Double.isInfinite(radiusM)) {
            throw InvalidInputException.of("footprint radius must be > 0", "radiusM", radiusM);
        }
        this.lon = lon;
        this.lat = lat;
        this.azimuthDeg = azimuthDeg;
        this.beamwidthDeg = beamwidthDeg;
        this.radiusM = radiusM;
        this.metric = LocalMetric.at(lon, lat);
        this.omni = azimuthDeg == null || beamwidthDeg >= 360;
        this.convex = beamwidthDeg <= 180;
        double half = Math.toRadians(omni ? 180 : beamwidthDeg / 2);
        double az = Math.toRadians(omni ? 0 : azimuthDeg);
        this.d1x = Math.sin(az - half);
        this.d1y = Math.cos(az - half);
        this.d2x = Math.sin(az + half);
        this.d2y = Math.cos(az + half);
        this.envelope = computeEnvelope();
    }

    public double lon() {
        return lon;
    }

    public double lat() {
        return lat;
    }

    public double radiusM() {
        return radiusM;
    }

    public boolean isOmni() {
        return omni;
    }

    /**
     * Envelope from the sector's bounding box in the site plane, converted with the radii of curvature at the
     * poleward edge (where a metre spans the most longitude) and padded by 0.5% of the radius + 1 m, which covers
     * the plane's second-order distortion (~r²/R) with a wide margin. Avoids inverse projections: this runs once per
     * cell on a national build.
     */
    private Envelope computeEnvelope() {
        double xMin = 0;
        double xMax = 0;
        double yMin = 0;
        double yMax = 0;
        if (omni) {
            xMin = yMin = -radiusM;
            xMax = yMax = radiusM;
        } else {
            double[][] pts = {{d1x, d1y}, {d2x, d2y}, {0, 1}, {1, 0}, {0, -1}, {-1, 0}};
            for (int i = 0; i < pts.length; i++) {
                if (i < 2 || inWedge(pts[i][0], pts[i][1], 0)) {
                    xMin = Math.min(xMin, pts[i][0] * radiusM);
                    xMax = Math.max(xMax, pts[i][0] * radiusM);
                    yMin = Math.min(yMin, pts[i][1] * radiusM);
                    yMax = Math.max(yMax, pts[i][1] * radiusM);
                }
            }
        }
        double pad = radiusM * 0.005 + 1;
        double phi0 = Math.toRadians(lat);
        double mPerDegLat = LocalMetric.meridionalRadiusM(phi0) * Math.PI / 180;
        double latLo = lat + (yMin - pad) / mPerDegLat;
        double latHi = lat + (yMax + pad) / mPerDegLat;
        double poleward = Math.toRadians(Math.max(Math.abs(latLo), Math.abs(latHi)));
        double mPerDegLon = LocalMetric.primeVerticalRadiusM(poleward) * Math.cos(poleward) * Math.PI / 180;
        return new Envelope(lon + (xMin - pad) / mPerDegLon, lon + (xMax + pad) / mPerDegLon, latLo, latHi);
    }

    /**
     * Relation of a disc (centre lon/lat, radius in metres) to this footprint: 1 = wholly inside, -1 = wholly
     * outside, 0 = partly or unknown. Lets area sampling skip settlements that are trivially in or out.
     */
    @Override
    public int relateDisc(double lonC, double latC, double discRadiusM) {
        double[] p = new double[2];
        metric.toLocal(lonC, latC, p);
        double d = Math.hypot(p[0], p[1]);
        // the disc is measured in its own plane; allow 0.1% for the difference between the two planes
        double rc = discRadiusM * 1.001 + EPS_M;
        if (d - rc > radiusM) {
            return -1;
        }
        boolean inCircle = d + rc <= radiusM;
        if (omni) {
            return inCircle ? 1 : 0;
        }
        double ca = d1x * p[1] - d1y * p[0];
        double cb = -(d2x * p[1] - d2y * p[0]);
        boolean inA = ca <= -rc;
        boolean inB = cb <= -rc;
        boolean outA = ca > rc;
        boolean outB = cb > rc;
        boolean inWedge = convex ? inA && inB : inA || inB;
        boolean outWedge = convex ? outA || outB : outA && outB;
        if (outWedge) {
            return -1;
        }
        return inCircle && inWedge ? 1 : 0;
    }

    private boolean inWedge(double x, double y, double eps) {
        if (omni) {
            return true;
        }
        boolean a = d1x * y - d1y * x <= eps;
        boolean b = d2x * y - d2y * x >= -eps;
        return convex ? a && b : a || b;
    }

    @Override
    public boolean contains(double lon, double lat) {
        double[] p = new double[2];
        metric.toLocal(lon, lat, p);
        double r = radiusM + EPS_M;
        if (p[0] * p[0] + p[1] * p[1] > r * r) {
            return false;
        }
        return inWedge(p[0], p[1], EPS_M);
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    private static final double[] NONE = new double[0];

    @Override
    public double[] coveredIntervals(double lonA, double latA, double lonB, double latB) {
        return NearApexRefinement.coveredIntervals(metric, this, !omni, lonA, latA, lonB, latB);
    }

    /** Covered parameter intervals of the plane segment A→B (metres east, north). */
    @Override
    public double[] intervalsInPlane(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        // circle |A + tD|² ≤ r²
        double r = radiusM + EPS_M;
        double qa = dx * dx + dy * dy;
        double qb = 2 * (ax * dx + ay * dy);
        double qc = ax * ax + ay * ay - r * r;
        double c0;
        double c1;
        if (qa == 0) {
            if (qc > 0) {
                return NONE;
            }
            c0 = 0;
            c1 = 1;
        } else {
            double disc = qb * qb - 4 * qa * qc;
            if (disc < 0) {
                return NONE;
            }
            double sq = Math.sqrt(disc);
            // numerically stable roots
            double q = -0.5 * (qb + Math.copySign(sq, qb));
            double r1 = q / qa;
            double r2 = q == 0 ? r1 : qc / q;
            c0 = Math.max(0, Math.min(r1, r2));
            c1 = Math.min(1, Math.max(r1, r2));
            if (c0 >= c1) {
                return NONE;
            }
        }
        if (omni) {
            return new double[] {c0, c1};
        }
        // half-plane A: cross(d1, p) ≤ eps;  half-plane B: −cross(d2, p) ≤ eps
        double ga0 = d1x * ay - d1y * ax;
        double ga1 = d1x * dy - d1y * dx;
        double gb0 = -(d2x * ay - d2y * ax);
        double gb1 = -(d2x * dy - d2y * dx);
        double[] ia = halfPlane(ga0, ga1);
        double[] ib = halfPlane(gb0, gb1);
        if (convex) {
            double s = Math.max(c0, Math.max(ia[0], ib[0]));
            double e = Math.min(c1, Math.min(ia[1], ib[1]));
            return s < e ? new double[] {s, e} : NONE;
        }
        double s1 = Math.max(c0, ia[0]);
        double e1 = Math.min(c1, ia[1]);
        double s2 = Math.max(c0, ib[0]);
        double e2 = Math.min(c1, ib[1]);
        boolean has1 = s1 < e1;
        boolean has2 = s2 < e2;
        if (!has1 && !has2) {
            return NONE;
        }
        if (!has1) {
            return new double[] {s2, e2};
        }
        if (!has2) {
            return new double[] {s1, e1};
        }
        if (s2 < s1) {
            double t = s1;
            s1 = s2;
            s2 = t;
            t = e1;
            e1 = e2;
            e2 = t;
        }
        if (s2 <= e1) {
            return new double[] {s1, Math.max(e1, e2)};
        }
        return new double[] {s1, e1, s2, e2};
    }

    /** Sub-interval of [0, 1] where g0 + t·g1 ≤ EPS_M; empty as {1, 0}. */
    private static double[] halfPlane(double g0, double g1) {
        if (g1 == 0) {
            return g0 <= EPS_M ? new double[] {0, 1} : new double[] {1, 0};
        }
        double t = (EPS_M - g0) / g1;
        return g1 > 0 ? new double[] {0, Math.min(1, t)} : new double[] {Math.max(0, t), 1};
    }

    /**
     * The footprint as a lon/lat polygon whose edges follow the shape {@link #contains} tests: arc vertices are
     * spaced so that the chord sagitta is at most {@link PolygonRings#MAX_SAGITTA_M} (more when
     * {@code verticesPerFullCircle} asks for it), and each radial edge is walked along the geodesic ray in steps of at
     * most {@link PolygonRings#MAX_STEP_M}, because a straight lon/lat chord misses the ray by up to 7 m at 20 km.
     */
    @Override
    public Polygon toPolygon(GeometryFactory factory, int verticesPerFullCircle) {
        int perCircle = Math.max(Math.max(8, verticesPerFullCircle), PolygonRings.verticesForSagitta(radiusM));
        double spanDeg = omni ? 360 : beamwidthDeg;
        int n = Math.max(2, (int) Math.ceil(perCircle * spanDeg / 360));
        double start = omni ? 0 : azimuthDeg - beamwidthDeg / 2;
        List<Coordinate> ring = new ArrayList<>();
        if (!omni) {
            ring.add(new Coordinate(lon, lat));
            PolygonRings.walk(metric, 0, 0, ray(start, 0) * radiusM, ray(start, 1) * radiusM, radiusM, ring);
        }
        int last = omni ? n - 1 : n;
        for (int i = 0; i <= last; i++) {
            double az = Math.toRadians(start + spanDeg * i / n);
            double[] ll = metric.toLonLat(Math.sin(az) * radiusM, Math.cos(az) * radiusM);
            ring.add(new Coordinate(ll[0], ll[1]));
        }
        if (!omni) {
            PolygonRings.walk(metric, ray(start + spanDeg, 0) * radiusM, ray(start + spanDeg, 1) * radiusM, 0, 0,
                    radiusM, ring);
        }
        ring.add(new Coordinate(ring.get(0)));
        return factory.createPolygon(ring.toArray(new Coordinate[0]));
    }

    /** Component (0 = east, 1 = north) of the unit vector at azimuth {@code azDeg}. */
    private static double ray(double azDeg, int component) {
        double a = Math.toRadians(azDeg);
        return component == 0 ? Math.sin(a) : Math.cos(a);
    }

    /** The apex, the wedge (an omni disc feeds no azimuth) and the radius. */
    @Override
    public void feedShape(ShapeDigest d) {
        d.putString(omni ? "disc" : "sector").putDouble(lon).putDouble(lat).putDouble(radiusM);
        if (!omni) {
            d.putDouble(azimuthDeg).putDouble(beamwidthDeg);
        }
    }

    @Override
    public String toString() {
        return "SectorFootprint[" + lon + "," + lat + " az=" + azimuthDeg + " bw=" + beamwidthDeg + " r=" + radiusM + "m]";
    }
}
