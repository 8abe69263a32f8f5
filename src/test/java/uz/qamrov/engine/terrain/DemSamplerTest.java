package uz.qamrov.engine.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * {@link Dem.Sampler} against {@link Dem#elevationM} on the national DEM: the same NaNs (outside the grid, on its
 * edges) and heights within 1e-6 m (the reciprocal of the cell size moves the grid position by an ulp).
 */
class DemSamplerTest {

    @Test
    void sameHeightsAsElevationM() throws Exception {
        Dem dem;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz")))) {
            dem = EsriAsciiGridReader.read(in);
        }
        Dem.Sampler sampler = dem.sampler();
        long seed = Long.getLong("qamrov.seed", 29L);
        Random rnd = new Random(seed);
        double max = 0;
        int nan = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // a margin of 0.5° round the grid: points outside must be NaN in both
            double lon = dem.westLon() - 0.5 + (dem.eastLon() - dem.westLon() + 1) * rnd.nextDouble();
            double lat = dem.southLat() - 0.5 + (dem.northLat() - dem.southLat() + 1) * rnd.nextDouble();
            double expected = dem.elevationM(lon, lat);
            double actual = sampler.elevationM(lon, lat);
            assertThat(Double.isNaN(actual)).as("%s,%s seed %d", lon, lat, seed).isEqualTo(Double.isNaN(expected));
            if (Double.isNaN(expected)) {
                nan++;
            } else {
                max = Math.max(max, Math.abs(actual - expected));
            }
        }
        for (double[] corner : new double[][] {{dem.westLon(), dem.northLat()}, {dem.eastLon(), dem.southLat()}}) {
            assertThat(sampler.elevationM(corner[0], corner[1])).isEqualTo(dem.elevationM(corner[0], corner[1]));
        }
        System.out.printf("DemSamplerTest: max |Δ| %.3g m, %d outside%n", max, nan);
        assertThat(max).isLessThanOrEqualTo(1e-6);
        assertThat(nan).isGreaterThan(10_000);
    }
}
