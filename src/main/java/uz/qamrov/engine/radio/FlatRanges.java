package uz.qamrov.engine.radio;

import uz.qamrov.engine.footprint.PathLossModel;

/**
 * Flat-earth ranges of all the radials of one cell from one table. Which root: a radial's range is the
 * <b>outermost</b> distance d ≤ cap where the level is still at or above the threshold,
 *
 * <pre>
 * R(A_H) = max { d ∈ [FLOOR, cap] : allowed + max(A_H + A_V(θ(d)), −A_m) − L(d) ≥ 0 }     (FLOOR if there is none)
 * </pre>
 * Near the mast the margin can change sign more than once on radials off boresight (the vertical pattern's side-lobe
 * floor makes a dip at steep angles): the footprint, star-shaped, then also covers that dip, a ring of a few tens of
 * metres next to the mast, instead of ending the radial there. This is the root the solver's fixed point from above
 * converges to; its bisection fallback could return an inner one (docs/engine.md, "Which root").
 *
 * <p>How: the margin is max(A_H + F(d), G(d)) with F(d) = allowed + A_V(θ(d)) − L(d) and G(d) = allowed − A_m − L(d),
 * so R = max(R_G, R_F(A_H)), R_G = L⁻¹(allowed − A_m) in closed form. R_F(A_H), the largest d with F(d) ≥ −A_H, is read
 * from F tabulated once per cell on a grid of log d (step {@link #STEP_LN}) between R_G and L⁻¹(allowed) (no root
 * lies outside: A_H, A_V ≤ 0), with its suffix maximum for a binary search, and linear interpolation of F in log d
 * between the two grid points around the root. Interpolation error: F's curvature in log d comes from A_V (L is
 * linear or nearly so in log d), and the root moves
 * by |ΔF| / |F'| — up to 2e-4 relative on the cells of RadialFootprintSpeedupTest (more at A_V's kink) — so the
 * root is then polished by Illinois steps on the true F inside that one grid interval (the end where F ≥ −A_H is
 * returned: never beyond the level's reach); {@link #TOLERANCE_REL} states 1e-4. Per cell ~100–200 evaluations of F
 * plus a few per distinct A_H, instead of ~5–40 per distinct A_H.
 *
 * <p>The table lives in its thread's {@link RadialScratch}: a table answers until its thread makes the next one (one
 * cell's footprint at a time). Not thread-safe.
 */
final class FlatRanges {

    /** Grid step in ln d. */
    static final double STEP_LN = 0.01;

    /** Stated bound on |R − exact outermost root| / R. */
    static final double TOLERANCE_REL = 1e-4;

    private final RadialSolver solver;
    private final double capKm;
    private final double backKm;
    private final double loLn;
    private final double hiLn;
    private final int k;
    private final double[] f;
    private final double[] suffixMax;
    // A_V and L at the cap: whether a radial reaches the cap depends on it only through A_H
    private final double capVerticalDb;
    private final double capLossDb;

    FlatRanges(RadialSolver solver) {
        this.solver = solver;
        this.capKm = solver.capKm();
        this.capVerticalDb = solver.verticalDb(capKm);
        this.capLossDb = solver.pathLossDb(capKm);
        PathLossModel.LinkInverse inverse = solver.linkInverse();
        double am = solver.pattern().frontToBackDb();
        double g = Math.min(capKm, inverse.maxDistance(solver.allowedDb() - am).distanceKm());
        // G(d) ≥ 0 up to R_G: every radial reaches at least that far (the saturated back lobe)
        this.backKm = Math.max(PathLossModel.FLOOR_KM, g);
        double hiKm = Math.min(capKm, inverse.maxDistance(solver.allowedDb()).distanceKm());
        this.loLn = Math.log(backKm);
        this.hiLn = Math.log(Math.max(hiKm, backKm));
        int n = hiKm > backKm ? (int) Math.ceil((Math.log(hiKm) - loLn) / STEP_LN) : 0;
        this.k = n;
        RadialScratch scratch = RadialScratch.ofThread();
        this.f = scratch.table(n + 1);
        this.suffixMax = scratch.suffixMax(n + 1);
        for (int i = 0; i <= n; i++) {
            // the last point is hi itself (the grid's last step is shorter)
            double d = i == n ? Math.max(hiKm, backKm) : Math.exp(loLn + i * STEP_LN);
            f[i] = fAt(d);
        }
        suffixMax[n] = f[n];
        for (int i = n - 1; i >= 0; i--) {
            suffixMax[i] = Math.max(f[i], suffixMax[i + 1]);
        }
    }

    private double fAt(double dKm) {
        return solver.allowedDb() + solver.verticalDb(dKm) - solver.pathLossDb(dKm);
    }

    /** Range in km of a radial with horizontal attenuation {@code aH} (dB, ≤ 0). */
    double rangeKm(double aH) {
        // the margin at the cap from its terms: the same arithmetic as solver.marginForHorizontalDb(aH, capKm)
        if (solver.marginFromTermsDb(aH, capVerticalDb, capLossDb) >= 0) {
            return capKm;
        }
        double t = -aH;
        if (suffixMax[0] < t) {
            return backKm;
        }
        // the largest i with F_i ≥ t: suffixMax is non-increasing, and where it first drops below t, F_i ≥ t
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (suffixMax[mid] >= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == k) {
            return Math.exp(hiLn);
        }
        double x0 = loLn + lo * STEP_LN;
        double x1 = lo + 1 == k ? hiLn : loLn + (lo + 1) * STEP_LN;
        double f0 = f[lo] - t;
        double f1 = f[lo + 1] - t;
        // Illinois (regula falsi that halves the stale end's value) on the true F inside the bracket: 2–4 evaluations
        // where F is smooth; A_V's kink where it reaches the side-lobe floor can take a few more
        int side = 0;
        for (int i = 0; i < 40 && x1 - x0 > 1e-8; i++) {
            double x = x0 + (x1 - x0) * f0 / (f0 - f1);
            double fx = fAt(Math.exp(x)) - t;
            if (fx >= 0) {
                x0 = x;
                f0 = fx;
                f1 = side == -1 ? f1 / 2 : f1;
                side = -1;
            } else {
                x1 = x;
                f1 = fx;
                f0 = side == 1 ? f0 / 2 : f0;
                side = 1;
            }
            if (Math.abs(fx) < 1e-9) {
                // on the threshold to 1e-9 dB: the root itself
                return Math.max(backKm, Math.exp(x));
            }
        }
        return Math.max(backKm, Math.exp(x0));
    }
}
