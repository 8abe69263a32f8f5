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
 * nearest cell. Outside the grid or on a no-data cell: 0.
 */
public final class Terrain {

    private final int ncols;
    private final int nrows;
    private final double xll;
    private final double yll;
    private final double cell;
    private final short[] z;

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
}
