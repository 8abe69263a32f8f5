package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/** Link-budget ranges against values worked on paper; explicit ranges win; observed ranges only cap. */
class CellRangeCalculatorTest {

    static Cell cell(Technology t, int band, double h, Double rangeM) {
        return new Cell(1, 1, "op", t, band, 0.0, 120, h, null, rangeM, 66, 40, Validity.ALWAYS);
    }

    /*
     * Each expected range is worked on paper (log = log10, a(hm) the Hata small-city correction at hm = 1.5 m):
     * allowed loss = EIRP + reference share + 105/97/102 threshold − 8 fade − 3 body:
     *   2G 58 + 0 + 102 − 11 = 149 dB; 4G 61 − 10·log 1200 + 105 − 11 = 124.208 dB; 5G 70 − 10·log 3276 + 105 − 11 = 128.847 dB.
     * Hata/COST-231 intercept I and slope S = 44.9 − 6.55·log hb; d = 10^((allowed − I)/S):
     *   2G 900 MHz 40 m rural:  I = 99.20, S = 34.41 → 34.3 km → beyond Hata's 20 km: 20 km, clamped.
     *   4G 800 MHz 30 m rural:  I = 97.07, S = 35.22 → 5.899 km.
     *   4G 800 MHz 40 m rural:  I = 95.31, S = 34.41 → 6.907 km.
     *   4G 1800 MHz 30 m urban (COST-231, Cm = 3): I = 139.20, S = 35.22 → 0.3754 km: below the 1 km validity, so
     *     extrapolated (it used to be clamped up to 1 km, 7× the area). Free space at 375 m is 89 dB, far below.
     *   2G 1800 MHz 30 m urban: 1.898 km.
     * TR 38.901 UMa NLOS: log d3D = (allowed − 13.54 − 20·log fc)/39.08, d2D = √(d3D² − (hb − 1.5)²):
     *   4G 2600 MHz 30 m: d3D = 416.36 m → 415.38 m (LOS branch 93.9 dB < NLOS there, d2D < d'BP = 503 m).
     *   5G 3500 MHz 25 m: d3D = 469.99 m → 469.40 m.
     */
    @ParameterizedTest(name = "{0} {1} MHz {2} m {3} → {4} km clamped={5}")
    @CsvSource({"2G,900,40,RURAL,20.0,true", "4G,800,30,RURAL,5.899,false", "4G,800,40,RURAL,6.907,false",
            "4G,1800,30,URBAN,0.3754,false", "2G,1800,30,URBAN,1.898,false", "4G,2600,30,URBAN,0.41538,false",
            "5G,3500,25,URBAN,0.46940,false"})
    void rangesWorkedOnPaper(String tech, int band, double h, EnvironmentClass env, double km, boolean clamped) {
        CellRange r = CellRangeCalculator.rangeOf(cell(Technology.fromLabel(tech), band, h, null), env,
                LinkBudget.DEFAULTS);
        assertThat(r.radiusM() / 1000).isCloseTo(km, within(km * 0.001));
        assertThat(r.clamped()).isEqualTo(clamped);
        assertThat(r.source()).isEqualTo(CellRange.Source.LINK_BUDGET);
    }

    @Test
    void observedRangeIsAnUpperBoundOnly() {
        // 4G 800 MHz 30 m rural reaches 5.899 km: an observed 3 km caps it, an observed 9 km does not extend it
        Cell capped = new Cell(1, 1, "op", Technology.G4, 800, 0.0, 120, 30, null, null, 66, 40, Validity.ALWAYS, null, null,
                3000.0);
        Cell loose = new Cell(1, 1, "op", Technology.G4, 800, 0.0, 120, 30, null, null, 66, 40, Validity.ALWAYS, null, null,
                9000.0);
        CellRange a = CellRangeCalculator.rangeOf(capped, EnvironmentClass.RURAL, LinkBudget.DEFAULTS);
        CellRange b = CellRangeCalculator.rangeOf(loose, EnvironmentClass.RURAL, LinkBudget.DEFAULTS);
        assertThat(a.radiusM()).isEqualTo(3000);
        assertThat(a.source()).isEqualTo(CellRange.Source.OBSERVED_BOUND);
        assertThat(b.radiusM()).isCloseTo(5899, within(6.0));
        assertThat(b.source()).isEqualTo(CellRange.Source.LINK_BUDGET);
    }

    @Test
    void explicitRangeWins() {
        CellRange r = CellRangeCalculator.rangeOf(cell(Technology.G4, 800, 30, 4321.0), EnvironmentClass.RURAL,
                LinkBudget.DEFAULTS);
        assertThat(r).isEqualTo(new CellRange(4321, CellRange.Source.EXPLICIT, "explicit", false));
    }

    @Test
    void higherEirpReachesFurther() {
        Cell weak = new Cell(1, 1, "op", Technology.G4, 800, null, 360, 30, 40.0, null, 66, 40, Validity.ALWAYS);
        Cell strong = new Cell(2, 1, "op", Technology.G4, 800, null, 360, 30, 46.0, null, 66, 40, Validity.ALWAYS);
        assertThat(CellRangeCalculator.rangeOf(strong, EnvironmentClass.RURAL, LinkBudget.DEFAULTS).radiusM())
                .isGreaterThan(CellRangeCalculator.rangeOf(weak, EnvironmentClass.RURAL, LinkBudget.DEFAULTS).radiusM());
    }
}
