package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/** The default link budget gives plausible ranges (the calibration table in {@link LinkBudget}). */
class CellRangeCalculatorTest {

    static Cell cell(Technology t, int band, double h, Double rangeM) {
        return new Cell(1, 1, "op", t, band, 0.0, 120, h, null, rangeM, 66, 40, Validity.ALWAYS);
    }

    @ParameterizedTest(name = "{0} {1} MHz {2} m {3} → {4}–{5} km")
    // 4G 800 MHz at 30 m, rural, by hand: allowed loss = 61 − 30.8 (1 RE of 1,200) + 110 − 8 − 3 = 129.2 dB;
    // Okumura–Hata open area at 1 km = 69.55 + 26.16·log 800 − 13.82·log 30 − a(1.5 m) − (4.78·log²800 − 18.33·log 800
    // + 40.94) = 125.08 − 28.01 = 97.07 dB, slope 44.9 − 6.55·log 30 = 35.23 dB/decade → d = 10^((129.2 − 97.07)/35.23)
    // = 8.2 km. Urban 1800 MHz falls below COST-231's 1 km validity and is clamped to 1 km.
    @CsvSource({"2G,900,40,RURAL,19.99,20.01", "4G,800,30,RURAL,8.1,8.3", "4G,800,40,RURAL,8,12", "4G,1800,30,URBAN,0.99,1.01",
            "2G,1800,30,URBAN,1,3", "4G,2600,30,URBAN,0.4,1", "5G,3500,25,URBAN,0.3,1"})
    void defaultsArePlausible(String tech, int band, double h, EnvironmentClass env, double minKm, double maxKm) {
        CellRange r = CellRangeCalculator.rangeOf(cell(Technology.fromLabel(tech), band, h, null), env,
                LinkBudget.DEFAULTS);
        System.out.printf("range %s %d MHz %.0f m %s = %.2f km (%s%s)%n", tech, band, h, env, r.radiusM() / 1000,
                r.modelName(), r.clamped() ? ", clamped" : "");
        assertThat(r.radiusM() / 1000).isBetween(minKm, maxKm);
        assertThat(r.source()).isEqualTo(CellRange.Source.LINK_BUDGET);
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
