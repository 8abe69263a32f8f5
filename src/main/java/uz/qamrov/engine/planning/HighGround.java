package uz.qamrov.engine.planning;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.terrain.Dem;

/**
 * Where near a new-site point the ground is highest: the centre of the highest DEM cell within
 * {@value #RADIUS_M} m of the point, when it stands at least {@value #MIN_RISE_M} m above the point's own ground and
 * the caller accepts the place (on land, in the plan's scope). A mast on a hill sees over what hides a valley floor;
 * the candidate generator offers the hill as an alternative to the point, never instead of it, and both are judged by
 * the coverage model's own footprints, so the hill is chosen only where it reaches more.
 *
 * <p>Why 1.5 km: a macro site's search ring in rural planning is of the order of 1–2 km around its nominal point (a
 * wider ring would move the site away from the settlement it was proposed for); why 10 m: below that a "hill" is
 * noise in a 30–90 m DEM and not worth a second candidate. Distances in the point's {@link LocalMetric} plane. Cells
 * without a value are skipped; when the DEM has no height at the point itself, no high ground is sought. On a DEM
 * finer than ~25 m, cells are sampled with a stride so that a ring reads at most ~120 × 120 cells.
 */
final class HighGround {

    /** How far from its point a new site may move to high ground. */
    static final double RADIUS_M = 1_500;
    /** How much higher than the point the ground must be to count as high ground. */
    static final double MIN_RISE_M = 10;

    private static final double M_PER_DEG_LAT = 111_320;
    private static final int MAX_CELLS_ACROSS = 120;

    /** Whether a site may stand at (lon, lat): on land, in scope. */
    interface Place {
        boolean allowed(double lon, double lat);
    }

    private HighGround() {
    }

    /** {lon, lat, heightM} of the high ground near (lon, lat), or null when there is none worth a candidate. */
    static double[] near(Dem dem, double lon, double lat, Place place) {
        double z0 = dem.elevationM(lon, lat);
        if (Double.isNaN(z0)) {
            return null;
        }
        double dLat = RADIUS_M / M_PER_DEG_LAT;
        double dLon = dLat / Math.cos(Math.toRadians(lat));
        int r0 = Math.max(0, (int) Math.floor((dem.northLat() - (lat + dLat)) / dem.cellDeg()));
        int r1 = Math.min(dem.rows() - 1, (int) Math.floor((dem.northLat() - (lat - dLat)) / dem.cellDeg()));
        int c0 = Math.max(0, (int) Math.floor((lon - dLon - dem.westLon()) / dem.cellDeg()));
        int c1 = Math.min(dem.cols() - 1, (int) Math.floor((lon + dLon - dem.westLon()) / dem.cellDeg()));
        int stride = Math.max(1, (Math.max(r1 - r0, c1 - c0) + MAX_CELLS_ACROSS - 1) / MAX_CELLS_ACROSS);
        LocalMetric m = LocalMetric.at(lon, lat);
        float[] z = dem.elevationsM();
        double[] best = null;
        for (int r = r0; r <= r1; r += stride) {
            double cLat = dem.northLat() - (r + 0.5) * dem.cellDeg();
            for (int c = c0; c <= c1; c += stride) {
                float h = z[r * dem.cols() + c];
                if (h == dem.nodata() || h < z0 + MIN_RISE_M || best != null && h <= best[2]) {
                    continue;
                }
                double cLon = dem.westLon() + (c + 0.5) * dem.cellDeg();
                double[] p = m.toLocal(cLon, cLat);
                if (Math.hypot(p[0], p[1]) <= RADIUS_M && place.allowed(cLon, cLat)) {
                    best = new double[] {cLon, cLat, h};
                }
            }
        }
        return best;
    }
}
