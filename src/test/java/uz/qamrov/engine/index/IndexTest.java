package uz.qamrov.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.EnvironmentSettings;
import uz.qamrov.engine.footprint.SectorFootprint;

class IndexTest {

    @Test
    void areaIndexFindsDistrictAndRegion() {
        //  +--R1--------------+--R2 (no districts)--+
        //  | D1      | D2     |                     |
        //  66       66.1     66.2                  66.4
        AreaIndex idx = new AreaIndex(List.of(
                Fixtures.region("R1", "POLYGON((66 39.9, 66.2 39.9, 66.2 40.1, 66 40.1, 66 39.9))"),
                Fixtures.region("R2", "POLYGON((66.2 39.9, 66.4 39.9, 66.4 40.1, 66.2 40.1, 66.2 39.9))"),
                Fixtures.district("D1", "R1", "POLYGON((66 39.9, 66.1 39.9, 66.1 40.1, 66 40.1, 66 39.9))"),
                Fixtures.district("D2", "R1", "POLYGON((66.1 39.9, 66.2 39.9, 66.2 40.1, 66.1 40.1, 66.1 39.9))")));
        assertThat(idx.lookup(66.05, 40)).isEqualTo(new AreaIndex.AreaCodes("R1", "D1"));
        assertThat(idx.lookup(66.15, 40)).isEqualTo(new AreaIndex.AreaCodes("R1", "D2"));
        assertThat(idx.lookup(66.3, 40)).isEqualTo(new AreaIndex.AreaCodes("R2", null));
        assertThat(idx.lookup(70, 40)).isEqualTo(AreaIndex.AreaCodes.NONE);
        // a point on the shared border goes to the first area in input order
        assertThat(idx.lookup(66.1, 40).districtCode()).isEqualTo("D1");
    }

    @Test
    void footprintIndexFiltersByEnvelopeThenExactly() {
        var a = new SectorFootprint(66, 40, null, 360, 1_000);
        var b = new SectorFootprint(66.05, 40, 90.0, 60, 1_000);
        FootprintIndex idx = new FootprintIndex(List.of(a, b));
        assertThat(idx.containing(66.001, 40)).containsExactly(0);
        // west of b's site is in b's envelope? no: the sector faces east, so its envelope starts at the site
        assertThat(idx.query(new Envelope(66.045, 66.046, 40, 40))).isEmpty();
        assertThat(idx.containing(66.055, 40)).containsExactly(1);
        assertThat(idx.containing(66.02, 40.02)).isEmpty();
    }

    @Test
    void environmentFromPopulationWithin3Km() {
        var city = Fixtures.village(1, 66, 40, 150_000);
        var town = Fixtures.village(2, 66.5, 40, 12_000);
        EnvironmentClassifier c = new EnvironmentClassifier(List.of(city, town), EnvironmentSettings.DEFAULTS);
        double[] near = Fixtures.from(66, 40, 45, 2_900);
        double[] beyond = Fixtures.from(66, 40, 45, 3_100);
        assertThat(c.classify(near[0], near[1])).isEqualTo(EnvironmentClass.URBAN);
        assertThat(c.classify(beyond[0], beyond[1])).isEqualTo(EnvironmentClass.RURAL);
        assertThat(c.classify(66.5, 40.01)).isEqualTo(EnvironmentClass.SUBURBAN);
    }
}
