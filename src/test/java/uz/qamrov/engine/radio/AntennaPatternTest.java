package uz.qamrov.engine.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TR 36.814 / 38.901 pattern values worked by hand for a 65° sector, 10° vertical beam, 2° tilt, A_m 25, SLA_V 20. */
class AntennaPatternTest {

    @ParameterizedTest(name = "φ={0} θ={1} → {2} dB")
    @CsvSource({
        "0, 2, 0",            // boresight at the tilt angle
        "32.5, 2, -3",        // 12·(32.5/65)² = 3
        "-65, 2, -12",        // 12·(65/65)² = 12, symmetric
        "180, 2, -25",        // 12·(180/65)² = 92 → A_m
        "0, 7, -3",           // 12·((7 − 2)/10)² = 3
        "0, 32, -20",         // 12·3² = 108 → SLA_V
        "65, 7, -15",         // −(12 + 3)
        "90, 12, -25",        // A_H = −12·(90/65)² = −23.0, A_V = −12 → −35 → capped at A_m
        "300, 2, -10.2249", // 300° wraps to −60°: 12·(60/65)² = 10.2249
    })
    void sectorPattern(double off, double down, double expected) {
        AntennaPattern p = AntennaPattern.sector(65, 2);
        assertThat(p.gainDb(off, down)).isCloseTo(expected, within(1e-4));
    }

    @ParameterizedTest(name = "omni θ={0} → {1} dB")
    @CsvSource({"2, 0", "7, -3", "40, -20"})
    void omniHasOnlyTheVerticalPattern(double down, double expected) {
        AntennaPattern p = AntennaPattern.omni(2);
        for (double off : new double[] {0, 90, 180, 270}) {
            assertThat(p.gainDb(off, down)).isCloseTo(expected, within(1e-9));
        }
    }
}
