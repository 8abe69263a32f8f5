package uz.qamrov.geodata.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import uz.qamrov.geodata.calibration.Terrain;

/**
 * The siting rule on a paper DEM: 21 × 21 cells of 1′ from 64.0°E, 40.8°N, a valley floor at 500 m crossed by a
 * north–south ridge at 900 m in column 10 (lon 64.175°). At 41°N a cell is 1,400 m wide and 1,849 m high, so the
 * cells within 5 km of a ridge cell are 7 + 2 × 7 + 2 × 5 = 31, of which 5 on the ridge: the median is 500 m and a
 * ridge cell stands 400 m above it (more than 100 m: a ridge).
 * <pre>
 *   500 500 … 500 [900] 500 … 500      row 10 from the south: lat 40.975
 *                  ^ col 10
 * </pre>
 */
class SiteSitingTest {

    private static final double RIDGE_LON = 64.0 + 10.5 / 60;
    private static final double VALLEY_LON = 64.0 + 4.5 / 60;
    private static final double LAT = 40.8 + 10.5 / 60;

    private static Terrain paperGrid() {
        short[] z = new short[21 * 21];
        for (int i = 0; i < z.length; i++) {
            z[i] = (short) (i % 21 == 10 ? 900 : 500);
        }
        return Terrain.of(21, 21, 64.0, 40.8, 1.0 / 60, z);
    }

    private static SiteSiting siting(double[]... settlements) {
        PointGrid g = new PointGrid(0.05);
        for (double[] s : settlements) {
            g.add(s[0], s[1], 0);
        }
        return new SiteSiting(paperGrid(), g);
    }

    @Test
    void theLocalMedianIgnoresTheRidge() {
        assertEquals(500, paperGrid().localMedianM(RIDGE_LON, LAT, 5_000), 0);
        assertEquals(400, siting().excessM(RIDGE_LON, LAT), 0);
        assertEquals(0, siting().excessM(VALLEY_LON, LAT), 0);
    }

    @Test
    void aRidgeFarFromSettlementsIsRejectedTheValleyAndAHilltopVillageAreNot() {
        assertTrue(siting().onRidge(RIDGE_LON, LAT));
        assertFalse(siting().onRidge(VALLEY_LON, LAT));
        // a village 0.003° (≈ 333 m) north of the ridge point keeps its mast; one 0.006° (≈ 666 m) away does not
        assertFalse(siting(new double[] {RIDGE_LON, LAT + 0.003}).onRidge(RIDGE_LON, LAT));
        assertTrue(siting(new double[] {RIDGE_LON, LAT + 0.006}).onRidge(RIDGE_LON, LAT));
    }

    @Test
    void aRidgeCandidateMovesToTheFirstRedrawOffTheRidge() {
        SiteSiting s = siting();
        Coordinate valley = new Coordinate(VALLEY_LON, LAT);
        Iterator<Coordinate> redraws = List.of(new Coordinate(RIDGE_LON, LAT + 0.01), valley).iterator();
        assertSame(valley, s.place(new Coordinate(RIDGE_LON, LAT), redraws::next));
        Coordinate ok = new Coordinate(VALLEY_LON, LAT);
        assertSame(ok, s.place(ok, () -> {
            throw new AssertionError("no redraw off a ridge");
        }));
        assertEquals(1, s.relocated());
        assertEquals(0, s.keptHigh());
    }

    @Test
    void withNoRedrawOffTheRidgeTheCandidateStays() {
        SiteSiting s = siting();
        Coordinate ridge = new Coordinate(RIDGE_LON, LAT);
        assertSame(ridge, s.place(ridge, () -> new Coordinate(RIDGE_LON, LAT - 0.02)));
        assertEquals(1, s.keptHigh());
    }
}
