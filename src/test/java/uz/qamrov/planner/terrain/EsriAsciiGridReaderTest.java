package uz.qamrov.planner.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.terrain.Dem;

class EsriAsciiGridReaderTest {

    static Dem read(String text) throws Exception {
        return EsriAsciiGridReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void smallGridAndBilinearHeights() throws Exception {
        // 3 × 2 cells of 0.5°, lower-left corner (66, 40): north row first
        Dem d = read("ncols 3\nnrows 2\nxllcorner 66\nyllcorner 40\ncellsize 0.5\nNODATA_value -9999\n"
                + "100 200 300\n400 500 -9999\n");
        assertThat(d.westLon()).isEqualTo(66);
        assertThat(d.northLat()).isEqualTo(41);
        // cell centres: (66.25, 40.75) = 100, (66.75, 40.75) = 200, (66.25, 40.25) = 400, (66.75, 40.25) = 500
        assertThat(d.elevationM(66.25, 40.75)).isEqualTo(100);
        assertThat(d.elevationM(66.5, 40.5)).isCloseTo((100 + 200 + 400 + 500) / 4.0, within(1e-9));
        assertThat(d.elevationM(66.5, 40.75)).isCloseTo(150, within(1e-9));
        // next to the nodata cell: NaN; outside: NaN
        assertThat(d.elevationM(67.0, 40.5)).isNaN();
        assertThat(d.elevationM(65.9, 40.5)).isNaN();
    }

    @Test
    void rejectsProjectedGridsFeetAndShortFiles() {
        assertThatThrownBy(() -> read("ncols 2\nnrows 2\nxllcorner 500000\nyllcorner 4400000\ncellsize 90\n1 2 3 4\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("degrees");
        assertThatThrownBy(() -> read("ncols 2\nnrows 2\nxllcorner 66\nyllcorner 40\ncellsize 0.1\n1 2 3 25000\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metres");
        assertThatThrownBy(() -> read("ncols 2\nnrows 2\nxllcorner 66\nyllcorner 40\ncellsize 0.1\n1 2 3\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fewer");
    }

    /** The shipped national grid matches its README: 1,140 × 540 cells of 1′, 55–74°E × 37–46°N, max 6,594 m. */
    @Test
    void shippedNationalGrid() throws Exception {
        Path p = Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz");
        Dem d;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            d = EsriAsciiGridReader.read(in);
        }
        assertThat(d.cols()).isEqualTo(1140);
        assertThat(d.rows()).isEqualTo(540);
        assertThat(d.westLon()).isCloseTo(55, within(1e-9));
        assertThat(d.northLat()).isCloseTo(46, within(1e-9));
        assertThat(d.cellDeg()).isCloseTo(1 / 60.0, within(1e-12));
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        double sum = 0;
        for (float v : d.elevationsM()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
            sum += v;
        }
        assertThat(max).isEqualTo(6594);
        assertThat(min).isEqualTo(-71);
        assertThat(sum / d.elevationsM().length).isCloseTo(661.2, within(0.05));
    }
}
