package uz.qamrov.engine.footprint;

/**
 * Whether a plane segment lies inside a radial footprint's star polygon without cutting it at every radial it crosses:
 * the edge between radials j and j+1 (Δ apart, ranges r_j and r_j+1) keeps at least min(r_j, r_j+1)·cos(Δ/2) from
 * the site (the triangle site–V_j–V_j+1 holds the one with both ranges at the smaller), so a segment whose ends lie
 * within that distance of the site, over every radial of its azimuth span, lies inside (the disc is convex). Most road
 * edges a cell reaches lie well inside its footprint; for them this replaces tens of pieces by one pass over the
 * held ranges. Static, pure.
 */
final class InscribedSegment {

    private InscribedSegment() {
    }

    /**
     * @param units    the footprint's held ranges (radial i: units[i]·unitM metres)
     * @param cosHalfStep cos(Δ/2); a footprint takes it from its shared cos(Δ) by the half-angle formula (a square
     *                 root per segment, not a cosine)
     * @param j0       the first radial of the segment's azimuth span (may be negative or ≥ n: taken modulo n)
     * @param j1       its last radial, ≥ j0
     * @param farthest2 the larger of the squared distances of the segment's two ends from the site (m²)
     */
    static boolean inside(char[] units, double unitM, double cosHalfStep, int j0, int j1, double farthest2) {
        int n = units.length;
        if (j1 - j0 >= n) {
            return false; // a span of every radial: the line passes by the site, leave it to the pieces
        }
        for (int j = j0; j <= j1; j++) {
            double r = units[Math.floorMod(j, n)] * unitM * cosHalfStep;
            if (r * r < farthest2) {
                return false;
            }
        }
        return true;
    }
}
