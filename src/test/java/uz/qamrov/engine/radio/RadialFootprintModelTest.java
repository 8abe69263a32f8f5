package uz.qamrov.engine.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.footprint.CellRange;
import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * Radial footprints against ranges worked on paper. A rural 4G 1800 MHz cell at 30 m, default budget and pattern
 * (65°, A_m 25 dB, 10° vertical beam, 2° tilt):
 *
 * <pre>
 * allowed = 61 − 10·log 1200 + 105 − 8 − 3 = 124.208 dB
 * COST-231 (rural: Hata open-area term) I = 104.273 dB at 1 km, S = 44.9 − 6.55·log 30 = 35.225 dB/decade
 * back lobe (|φ| ≥ 93.8°): A = −25 whatever θ → d = 10^((124.208 − 25 − 104.273)/35.225) = 0.7181 km
 * 60° off boresight: A_H = −12·(60/65)² = −10.225; solving 124.208 + A_H + A_V(θ(d)) = L(d) → 1.8678 km
 * boresight: A_V(θ) = −0.288 dB at the edge → 3.6122 km
 * </pre>
 * (the last two solved by bisection on the same formulas in a separate script; A_V = −12·((atan(28.5/d) − 2°)/10°)²).
 */
class RadialFootprintModelTest {

    static final double LON = 66.5;
    static final double LAT = 40.5;

    static Cell sector(long id, double az) {
        return new Cell(id, 1, "op", Technology.G4, 1800, az, 65, 30, null, null, LON, LAT, Validity.ALWAYS);
    }

    static RadialFootprintModel.Result build(Cell c) {
        return new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null).build(c,
                EnvironmentClass.RURAL);
    }

    @Test
    void radialsMatchThePaperRanges() {
        RadialFootprintModel.Result r = build(sector(1, 90));
        RadialFootprint f = r.footprint();
        assertThat(f.radials()).isEqualTo(360);
        assertThat(f.rangeM(90)).isCloseTo(3612.2, within(3.0));
        assertThat(f.rangeM(150)).isCloseTo(1867.8, within(2.0));
        assertThat(f.rangeM(30)).isCloseTo(1867.8, within(2.0));
        assertThat(f.rangeM(270)).isCloseTo(718.1, within(1.0));
        assertThat(f.rangeM(200)).isCloseTo(718.1, within(1.0));
        assertThat(r.range().radiusM()).isCloseTo(3612.2, within(3.0));
        assertThat(r.range().clamped()).isFalse();
        assertThat(r.range().source()).isEqualTo(CellRange.Source.LINK_BUDGET);
    }

    /**
     * The Qoraobod case: a village 238 m behind a 3-sector 4G site lay outside all three 65° wedges and was called
     * uncovered. Behind a sector the back lobe alone reaches 718 m (above), so 238 m is covered; 1 km is not.
     */
    @Test
    void villageBehindASectorIsCoveredByTheBackLobe() {
        RadialFootprint f = build(sector(1, 0)).footprint();
        double[] village = LocalMetric.destination(LON, LAT, 180, 238);
        double[] far = LocalMetric.destination(LON, LAT, 180, 1000);
        assertThat(f.contains(village[0], village[1])).isTrue();
        assertThat(f.contains(far[0], far[1])).isFalse();
        // and between two sectors of a 3-sector site (60° off each): 1.87 km
        RadialFootprint s2 = build(sector(2, 120)).footprint();
        double[] between = LocalMetric.destination(LON, LAT, 60, 1800);
        double[] beyond = LocalMetric.destination(LON, LAT, 60, 1950);
        assertThat(f.contains(between[0], between[1]) || s2.contains(between[0], between[1])).isTrue();
        assertThat(f.contains(beyond[0], beyond[1]) || s2.contains(beyond[0], beyond[1])).isFalse();
    }

    @Test
    void explicitRangeIsTheBoresightRangeAndTheObservedRangeCapsEveryRadial() {
        Cell explicit = new Cell(1, 1, "op", Technology.G4, 1800, 0.0, 65, 30, null, 5000.0, LON, LAT, Validity.ALWAYS);
        RadialFootprint f = build(explicit).footprint();
        assertThat(f.rangeM(0)).isCloseTo(5000, within(0.5));
        // the back lobe is 25 dB down, i.e. 10^(−25/35.225) = 0.195 of the boresight range; the boresight radial also
        // carries A_V ≈ −0.2 dB at 5 km, which the back lobe does not (capped at A_m), hence ±3%
        assertThat(f.rangeM(180)).isBetween(5000 * Math.pow(10, -25 / 35.225) * 0.97, 5000 * Math.pow(10, -25 / 35.225) * 1.03);
        Cell observed = new Cell(1, 1, "op", Technology.G4, 1800, 0.0, 65, 30, null, null, LON, LAT, Validity.ALWAYS, null,
                null, 1000.0);
        RadialFootprintModel.Result o = build(observed);
        assertThat(o.footprint().rangeM(0)).isEqualTo(1000);
        assertThat(o.footprint().rangeM(180)).isCloseTo(718.1, within(1.0));
        assertThat(o.range().source()).isEqualTo(CellRange.Source.OBSERVED_BOUND);
    }

    @Test
    void omniIsRound() {
        Cell omni = new Cell(1, 1, "op", Technology.G4, 1800, null, 360, 30, null, null, LON, LAT, Validity.ALWAYS);
        RadialFootprint f = build(omni).footprint();
        for (int i = 0; i < 360; i++) {
            assertThat(f.rangeM(i)).isCloseTo(3612.2, within(3.0));
        }
    }
}
