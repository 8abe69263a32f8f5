package uz.qamrov.geodata.calibration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The committed dataset, evaluated by the real engine (the same model the service builds), against the published
 * figures and their tolerances — the table in geodata/README.md. Loads the whole national dataset and builds its model
 * with the service's defaults, radial pattern footprints with terrain (~1 min of CPU, {@link ShippedModel}).
 */
class CalibrationTest {

    private static final Path DIR = ShippedModel.DIR;

    @Test
    void theHistoryFollowsThePublishedFigures() throws Exception {
        List<Calibration.Figure> figures = Calibration.figures(ShippedModel.inputs(), ShippedModel.model(), DIR,
                Terrain.read(DIR.resolve("dem/uz_srtm30plus_1min.asc.gz")));
        assertEquals(17, figures.size());
        assertAll(figures.stream().map(f -> (Executable) () -> assertTrue(f.ok(), f.when() + " " + f.what() + ": "
                + f.value() + " outside [" + f.lo() + ", " + f.hi() + "] (published " + f.published() + ")")));
    }
}
