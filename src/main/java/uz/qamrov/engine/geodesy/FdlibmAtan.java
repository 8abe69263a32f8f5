package uz.qamrov.engine.geodesy;

/**
 * The arctangent of fdlibm 5.3 ({@code s_atan.c}, the algorithm {@link StrictMath#atan} is specified to follow) in
 * plain Java arithmetic. Why: on Java 17 {@link Math#atan2} is a native call into fdlibm (no JIT intrinsic), and the
 * depression angle of every flat-earth margin evaluation was ~10% of a national build; the same arithmetic without
 * the native transition is ~4× cheaper and gives the same bits (FdlibmAtanTest compares it bit for bit with
 * {@code StrictMath.atan2} on millions of arguments), so no answer moves.
 *
 * <p>Algorithm: reduce |x| to |t| &lt; 7/16 by atan(x) = atan(c) + atan((x − c)/(1 + x·c)) with c ∈ {½, 1, 3/2, ∞},
 * then an odd polynomial of degree 23 in t; atan(c) is kept as a hi/lo pair so the subtraction keeps its low bits.
 */
public final class FdlibmAtan {

    private static final double[] ATAN_HI = {
        4.63647609000806093515e-01, // atan(0.5) hi
        7.85398163397448278999e-01, // atan(1.0) hi
        9.82793723247329054082e-01, // atan(1.5) hi
        1.57079632679489655800e+00, // atan(inf) hi
    };
    private static final double[] ATAN_LO = {
        2.26987774529616870924e-17,
        3.06161699786838301793e-17,
        1.39033110312309984516e-17,
        6.12323399573676603587e-17,
    };
    private static final double T0 = 3.33333333333329318027e-01;
    private static final double T1 = -1.99999999998764832476e-01;
    private static final double T2 = 1.42857142725034663711e-01;
    private static final double T3 = -1.11111104054623557880e-01;
    private static final double T4 = 9.09088713343650656196e-02;
    private static final double T5 = -7.69187620504482999495e-02;
    private static final double T6 = 6.66107313738753120669e-02;
    private static final double T7 = -5.83357013379057348645e-02;
    private static final double T8 = 4.97687799461593236017e-02;
    private static final double T9 = -3.65315727442169155270e-02;
    private static final double T10 = 1.62858201153657823623e-02;

    private FdlibmAtan() {
    }

    /** π and the part of it a double misses, as fdlibm's {@code e_atan2.c} keeps them. */
    private static final double PI = 3.1415926535897931160E+00;
    private static final double PI_LO = 1.2246467991473531772E-16;

    /**
     * {@code StrictMath.atan2(y, x)}, bit for bit. Where 2^-50 &lt; |y/x| &lt; 2^50 and both are finite and y ≠ 0,
     * fdlibm's atan2 is z = atan(|y|/|x|) with its sign for x &gt; 0, and π − (z − π_lo) or (z − π_lo) − π for x &lt; 0;
     * computed here. Other arguments (zeros, NaN, infinities, extreme ratios) go to {@link StrictMath#atan2} itself.
     */
    public static double atan2(double y, double x) {
        double ay = Math.abs(y);
        double ax = Math.abs(x);
        if (!(ax < Double.POSITIVE_INFINITY && ay < ax * 0x1p50 && ay > ax * 0x1p-50)) {
            return StrictMath.atan2(y, x);
        }
        double z = atanNonNegative(ay / ax);
        if (x > 0) {
            return y < 0 ? -z : z;
        }
        return y > 0 ? PI - (z - PI_LO) : (z - PI_LO) - PI;
    }

    /** fdlibm's atan for finite 0 ≤ x &lt; 2^66. */
    private static double atanNonNegative(double x) {
        int ix = (int) (Double.doubleToRawLongBits(x) >>> 32);
        int id;
        double t = x;
        if (ix < 0x3fdc0000) {
            // |x| < 7/16; below 2^-29 atan(x) rounds to x
            if (ix < 0x3e200000) {
                return x;
            }
            id = -1;
        } else if (ix < 0x3ff30000) {
            if (ix < 0x3fe60000) {
                // 7/16 ≤ x < 11/16
                id = 0;
                t = (2.0 * x - 1.0) / (2.0 + x);
            } else {
                // 11/16 ≤ x < 19/16
                id = 1;
                t = (x - 1.0) / (x + 1.0);
            }
        } else if (ix < 0x40038000) {
            // 19/16 ≤ x < 39/16
            id = 2;
            t = (x - 1.5) / (1.0 + 1.5 * x);
        } else {
            id = 3;
            t = -1.0 / x;
        }
        double z = t * t;
        double w = z * z;
        // the odd and even halves of the polynomial, as fdlibm splits them
        double s1 = z * (T0 + w * (T2 + w * (T4 + w * (T6 + w * (T8 + w * T10)))));
        double s2 = w * (T1 + w * (T3 + w * (T5 + w * (T7 + w * T9))));
        if (id < 0) {
            return t - t * (s1 + s2);
        }
        return ATAN_HI[id] - ((t * (s1 + s2) - ATAN_LO[id]) - t);
    }
}
