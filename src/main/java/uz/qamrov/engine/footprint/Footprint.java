package uz.qamrov.engine.footprint;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The area a cell covers, answered analytically in WGS84 lon/lat so that no polygon overlay is needed on the hot
 * path. {@link SectorFootprint} is the circle/sector model; a terrain (DEM line-of-sight) model can implement this
 * interface behind another {@link FootprintModel}.
 */
public interface Footprint {

    /** Whether the lon/lat point is covered (boundary included, with 1 mm tolerance). */
    boolean contains(double lon, double lat);

    /** Lon/lat envelope that contains the whole footprint. */
    Envelope envelope();

    /**
     * Covered parts of the straight lon/lat segment a→b as parameter intervals, flattened {@code [t0, t1, t0, t1…]},
     * sorted, disjoint, within [0, 1] (t = 0 at a). Empty array when nothing is covered. Exact for the analytic
     * shape in the site's local plane; a flat array because this runs millions of times per recompute.
     * Segments should be short (≤ 2 km) so that linear lon/lat interpolation matches the local plane.
     */
    double[] coveredIntervals(double lonA, double latA, double lonB, double latB);

    /**
     * Relation of a disc (centre lon/lat, radius in metres): 1 = wholly inside, -1 = wholly outside, 0 = partly or
     * unknown. The default answers 0, which is always correct; implementations answer exactly when cheap.
     */
    default int relateDisc(double lon, double lat, double radiusM) {
        return 0;
    }

    /** Polygon approximation in lon/lat with about {@code verticesPerFullCircle} vertices per 360° of arc. */
    Polygon toPolygon(GeometryFactory factory, int verticesPerFullCircle);

    /**
     * Feeds everything {@link #toPolygon} draws from into {@code d}, starting with the kind of footprint: two
     * footprints that feed the same numbers draw the same polygon at any {@code verticesPerFullCircle}. What a stored
     * region union is looked up by after a restart, when the footprint objects are new ones.
     */
    void feedShape(ShapeDigest d);

    /**
     * The SHA-256 of what {@link #feedShape} feeds, alone (32 bytes, a copy). A region union's key hashes the digest of
     * each of its footprints, and a footprint is in up to eight of them (any operator and its own, each technology at
     * or below its own); implementations may keep it, as footprints are immutable.
     */
    default byte[] shapeDigest() {
        ShapeDigest d = new ShapeDigest();
        feedShape(d);
        return d.finish();
    }
}
