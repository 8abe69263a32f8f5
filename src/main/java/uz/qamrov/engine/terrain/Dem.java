package uz.qamrov.engine.terrain;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * A digital elevation model on a regular WGS84 lon/lat grid: {@code rows × cols} cells of {@code cellDeg} degrees,
 * the first row the northernmost, {@code westLon}/{@code northLat} the outer north-west corner, heights in metres
 * above the geoid, {@code nodata} marking cells without a value. Each value stands for its cell's centre.
 * The array is owned by the record (callers must not change it after construction).
 */
public record Dem(double westLon, double northLat, double cellDeg, int rows, int cols, float[] elevationsM, float nodata) {

    public Dem {
        if (!(cellDeg > 0) || rows < 2 || cols < 2 || elevationsM == null || elevationsM.length != (long) rows * cols) {
            throw InvalidInputException.of("invalid DEM grid", "rows", rows, "cols", cols, "cellDeg", cellDeg);
        }
        if (!(westLon >= -180 && westLon + cols * cellDeg <= 180.0001 && northLat <= 90 && northLat - rows * cellDeg >= -90)) {
            throw InvalidInputException.of("DEM extent outside WGS84", "westLon", westLon, "northLat", northLat);
        }
    }

    public double eastLon() {
        return westLon + cols * cellDeg;
    }

    public double southLat() {
        return northLat - rows * cellDeg;
    }

    /** Whether (lon, lat) lies inside the grid's outer edges. */
    public boolean covers(double lon, double lat) {
        return lon >= westLon && lon <= eastLon() && lat >= southLat() && lat <= northLat;
    }

    /**
     * Height at (lon, lat) by bilinear interpolation between the four surrounding cell centres (edge cells are
     * extended to the grid's outer edges). NaN outside the grid or where a surrounding cell is nodata.
     */
    public double elevationM(double lon, double lat) {
        if (!covers(lon, lat)) {
            return Double.NaN;
        }
        double fx = (lon - westLon) / cellDeg - 0.5;
        double fy = (northLat - lat) / cellDeg - 0.5;
        return bilinear(fx, fy);
    }

    /** Bilinear height at fractional cell-centre coordinates (column fx, row fy), clamped to the grid. */
    private double bilinear(double fx, double fy) {
        fx = Math.max(0, Math.min(cols - 1, fx));
        fy = Math.max(0, Math.min(rows - 1, fy));
        int c0 = Math.min((int) fx, cols - 2);
        int r0 = Math.min((int) fy, rows - 2);
        double tx = fx - c0;
        double ty = fy - r0;
        float a = elevationsM[r0 * cols + c0];
        float b = elevationsM[r0 * cols + c0 + 1];
        float c = elevationsM[(r0 + 1) * cols + c0];
        float d = elevationsM[(r0 + 1) * cols + c0 + 1];
        if (a == nodata || b == nodata || c == nodata || d == nodata) {
            return Double.NaN;
        }
        return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
    }

    /** A reader of this grid for hot loops ({@link Sampler}). */
    public Sampler sampler() {
        return new Sampler(this);
    }

    /**
     * {@link #elevationM} with the two divisions by the cell size replaced by multiplications by its reciprocal: the
     * grid position moves by an ulp (heights by ~1e-12 m), and the terrain walk, which reads ~10⁸ heights in a
     * national build, saves two divisions per height. Immutable.
     */
    public static final class Sampler {
        private final Dem dem;
        private final double cellsPerDeg;
        private final double eastLon;
        private final double southLat;

        private Sampler(Dem dem) {
            this.dem = dem;
            this.cellsPerDeg = 1 / dem.cellDeg;
            this.eastLon = dem.eastLon();
            this.southLat = dem.southLat();
        }

        /** Height at (lon, lat) as {@link Dem#elevationM}: bilinear, NaN outside the grid or next to nodata. */
        public double elevationM(double lon, double lat) {
            Dem g = dem;
            if (!(lon >= g.westLon && lon <= eastLon && lat >= southLat && lat <= g.northLat)) {
                return Double.NaN;
            }
            double fx = (lon - g.westLon) * cellsPerDeg - 0.5;
            double fy = (g.northLat - lat) * cellsPerDeg - 0.5;
            return g.bilinear(fx, fy);
        }
    }

    /** North–south size of a cell in metres (≈ 1,852 m per arc-minute). */
    public double cellSizeM() {
        return cellDeg * 111_000;
    }
}
