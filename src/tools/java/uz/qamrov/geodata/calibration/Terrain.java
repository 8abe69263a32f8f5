package uz.qamrov.geodata.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The national DEM grid (SRTM30_PLUS, 1 arc-minute, ESRI ASCII grid, gzip): elevation in metres at a lon/lat,
 * nearest cell. Outside the grid or on a no-data cell: 0. Also the local median used by the generator's siting rule
 * ({@code uz.qamrov.geodata.generator.SiteSiting}). Not thread-safe (the median cache).
 */
public final class Terrain {

    private final int ncols;
    private final int nrows;
    private final double xll;
    private final double yll;
    private final double cell;
    private final short[] z;
    private float[] medianCache;
    private double medianCacheRadiusM;

    private Terrain(int ncols, int nrows, double xll, double yll, double cell, short[] z) {
        this.ncols = ncols;
        this.nrows = nrows;
        this.xll = xll;
        this.yll = yll;
        this.cell = cell;
        this.z = z;
    }

    public static Terrain read(Path ascGz) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(ascGz)),
                StandardCharsets.US_ASCII), 1 << 16)) {
            int ncols = (int) header(r.readLine());
            int nrows = (int) header(r.readLine());
            double xll = header(r.readLine());
            double yll = header(r.readLine());
            double cell = header(r.readLine());
            int nodata = (int) header(r.readLine());
            short[] z = new short[ncols * nrows];
            int i = 0;
            String line;
            while ((line = r.readLine()) != null && i < z.length) {
                for (String tok : line.trim().split("\\s+")) {
                    if (!tok.isEmpty() && i < z.length) {
                        int v = Integer.parseInt(tok);
                        z[i++] = (short) (v == nodata ? 0 : v);
                    }
                }
            }
            return new Terrain(ncols, nrows, xll, yll, cell, z);
        }
    }

    /**
     * A grid in memory, e.g. a paper case in a test: {@code z} row by row from the north, like the file.
     *
     * @param xll  west edge of the grid (degrees)
     * @param yll  south edge of the grid (degrees)
     * @param cell cell size (degrees)
     */
    public static Terrain of(int ncols, int nrows, double xll, double yll, double cell, short[] z) {
        if (z.length != ncols * nrows) {
            throw new IllegalArgumentException("grid of " + ncols + " x " + nrows + " needs " + ncols * nrows + " heights");
        }
        return new Terrain(ncols, nrows, xll, yll, cell, z.clone());
    }

    private static double header(String line) {
        return Double.parseDouble(line.trim().split("\\s+")[1]);
    }

    public double elevationM(double lon, double lat) {
        int col = (int) Math.floor((lon - xll) / cell);
        int rowFromBottom = (int) Math.floor((lat - yll) / cell);
        if (col < 0 || col >= ncols || rowFromBottom < 0 || rowFromBottom >= nrows) {
            return 0;
        }
        return z[(nrows - 1 - rowFromBottom) * ncols + col];
    }

    /**
     * Median elevation (m) of the grid cells whose centres lie within {@code radiusM} of the centre of the cell that
     * contains the point (local equirectangular metric; the cell itself included), cached per cell for the last
     * radius asked. Outside the grid: 0.
     */
    public double localMedianM(double lon, double lat, double radiusM) {
        int col = (int) Math.floor((lon - xll) / cell);
        int rowFromBottom = (int) Math.floor((lat - yll) / cell);
        if (col < 0 || col >= ncols || rowFromBottom < 0 || rowFromBottom >= nrows) {
            return 0;
        }
        if (medianCache == null || medianCacheRadiusM != radiusM) {
            medianCache = new float[z.length];
            java.util.Arrays.fill(medianCache, Float.NaN);
            medianCacheRadiusM = radiusM;
        }
        int row = nrows - 1 - rowFromBottom;
        int at = row * ncols + col;
        if (Float.isNaN(medianCache[at])) {
            double centreLat = yll + (rowFromBottom + 0.5) * cell;
            double dyM = cell * 110_950.0;
            double dxM = cell * 111_320.0 * Math.cos(Math.toRadians(centreLat));
            int dr = (int) Math.floor(radiusM / dyM);
            int dc = (int) Math.floor(radiusM / dxM);
            short[] v = new short[(2 * dr + 1) * (2 * dc + 1)];
            int n = 0;
            for (int r = Math.max(0, row - dr); r <= Math.min(nrows - 1, row + dr); r++) {
                for (int c = Math.max(0, col - dc); c <= Math.min(ncols - 1, col + dc); c++) {
                    double x = (c - col) * dxM;
                    double y = (r - row) * dyM;
                    if (x * x + y * y <= radiusM * radiusM) {
                        v[n++] = z[r * ncols + c];
                    }
                }
            }
            java.util.Arrays.sort(v, 0, n);
            medianCache[at] = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2f;
        }
        return medianCache[at];
    }
}
