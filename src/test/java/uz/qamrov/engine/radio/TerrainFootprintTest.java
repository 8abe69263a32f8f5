package uz.qamrov.engine.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.terrain.Dem;

/**
 * Terrain worked examples on synthetic DEMs (0.001° cells ≈ 85 m × 111 m around 40.5°N). The cell is a rural omni
 * 4G 800 MHz at 30 m: flat-earth range 5.9 km (paper value in {@code CellRangeCalculatorTest}; the 2° tilt takes
 * ~0.2 dB at the edge).
 */
class TerrainFootprintTest {

    static final double LON = 66.5;
    static final double LAT = 40.5;
    static final double CELL = 0.001;


    /** A 0.3° × 0.3° DEM centred on the site, heights from a function of the plane offset (metres). */
    static Dem dem(uz.qamrov.engine.Fixtures.Height h) {
        return uz.qamrov.engine.Fixtures.demAround(LON, LAT, h);
    }

    static RadialFootprint footprint(Dem dem) {
        Cell omni = new Cell(1, 1, "op", Technology.G4, 800, null, 360, 30, null, null, LON, LAT, Validity.ALWAYS);
        return new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, dem).build(omni,
                EnvironmentClass.RURAL).footprint();
    }

    static boolean covers(RadialFootprint f, double bearing, double distM) {
        double[] p = LocalMetric.destination(LON, LAT, bearing, distM);
        return f.contains(p[0], p[1]);
    }

    @Test
    void flatDemChangesNothing() {
        RadialFootprint flat = footprint(null);
        RadialFootprint onDem = footprint(dem((x, y) -> 400));
        for (int i = 0; i < 360; i += 10) {
            assertThat(onDem.rangeM(i)).isEqualTo(flat.rangeM(i));
        }
    }

    /**
     * A ridge 400 m high (plateau 400 m, ridge 800 m) running north–south 2.5 km east of the site, a village 4.5 km
     * east. By hand at the village: site antenna 430 m, village receiver 401.5 m, ridge at d1 = 2.5 km of d = 4.5 km;
     * the ray passes the ridge at 430 − 28.5·2.5/4.5 = 414.2 m, the ridge plus earth bulge (500·2.5·2/8494.7 = 0.29 m)
     * stands h ≈ 386 m above it: ν = 386·√(0.002·4.5/(0.3747·2.5·2)) = 386·0.0693 = 26.7, J = 6.9 + 20·log(53.3) = 41.4 dB,
     * far beyond the cell's flat-earth margin at 4.5 km (124.2 − L(4.5 km) ≈ 4 dB). So the village is uncovered; it
     * was covered without terrain; west of the site (flat) nothing changes.
     */
    @Test
    void ridgeBetweenSiteAndVillageMakesItUncovered() {
        Dem ridge = dem((x, y) -> Math.abs(x - 2500) < 200 ? 800 : 400);
        RadialFootprint flat = footprint(null);
        RadialFootprint withRidge = footprint(ridge);
        assertThat(covers(flat, 90, 4500)).isTrue();
        assertThat(covers(withRidge, 90, 4500)).isFalse();
        assertThat(covers(withRidge, 90, 2000)).isTrue();
        assertThat(withRidge.rangeM(90)).isLessThan(2700);
        assertThat(covers(withRidge, 270, 4500)).isTrue();
        assertThat(withRidge.rangeM(270)).isEqualTo(flat.rangeM(270));
    }

    /**
     * A valley site: the site at 400 m in a 3 km-wide valley whose walls rise to 1,400 m at 2.5 km east and west;
     * villages 5 km east and west (on the far slopes, at 900 m) are out of reach although inside the flat-earth
     * range. North and south, along the valley floor, the range is the flat one.
     */
    @Test
    void valleySiteDoesNotReachOverARange() {
        Dem valley = dem((x, y) -> {
            double ax = Math.abs(x);
            if (ax < 1500) {
                return 400;
            }
            if (ax < 2500) {
                return 400 + (ax - 1500); // up to 1,400 m
            }
            return Math.max(900, 1400 - (ax - 2500)); // down to 900 m on the far side
        });
        RadialFootprint f = footprint(valley);
        RadialFootprint flat = footprint(null);
        assertThat(covers(flat, 90, 5000)).isTrue();
        assertThat(covers(f, 90, 5000)).isFalse();
        assertThat(covers(f, 270, 5000)).isFalse();
        assertThat(f.rangeM(0)).isEqualTo(flat.rangeM(0));
        assertThat(f.rangeM(180)).isEqualTo(flat.rangeM(180));
    }
}
