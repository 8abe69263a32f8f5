package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples computed by hand (log = log10), and inverse round trips. */
class PathLossModelTest {

    @Test
    void okumuraHataUrban900MHz() {
        // f = 900 MHz, hb = 30 m, hm = 1.5 m, d = 10 km, URBAN
        // log f = 2.954243, log hb = 1.477121, log d = 1
        // a(hm) = (1.1·2.954243 − 0.7)·1.5 − (1.56·2.954243 − 0.8) = 3.824501 − 3.808619 = 0.015882
        // L = 69.55 + 26.16·2.954243 − 13.82·1.477121 − 0.015882 + (44.9 − 6.55·1.477121)·1
        //   = 69.55 + 77.283000 − 20.413812 − 0.015882 + 35.224857 = 161.628163 dB
        RadioLink link = new RadioLink(900, 30, 1.5, EnvironmentClass.URBAN);
        assertThat(OkumuraHata.INSTANCE.pathLossDb(10, link)).isCloseTo(161.628, within(0.01));
    }

    @Test
    void okumuraHataSuburbanAndRuralCorrections() {
        RadioLink urban = new RadioLink(900, 30, 1.5, EnvironmentClass.URBAN);
        // suburban: − 2·(log(900/28))² − 5.4 = − 2·(1.507114)² − 5.4 = − 4.542786 − 5.4 = −9.942786
        assertThat(OkumuraHata.INSTANCE.pathLossDb(10, new RadioLink(900, 30, 1.5, EnvironmentClass.SUBURBAN)))
                .isCloseTo(OkumuraHata.INSTANCE.pathLossDb(10, urban) - 9.9428, within(0.001));
        // open: − 4.78·(2.954243)² + 18.33·2.954243 − 40.94 = −41.717 + 54.151 − 40.94 = −28.506
        assertThat(OkumuraHata.INSTANCE.pathLossDb(10, new RadioLink(900, 30, 1.5, EnvironmentClass.RURAL)))
                .isCloseTo(OkumuraHata.INSTANCE.pathLossDb(10, urban) - 28.506, within(0.002));
    }

    @Test
    void cost231Urban1800MHz() {
        // f = 1800 MHz, hb = 30 m, hm = 1.5 m, d = 2 km, URBAN (Cm = 3 dB)
        // log f = 3.255273; a(hm) = (1.1·3.255273 − 0.7)·1.5 − (1.56·3.255273 − 0.8) = 4.321200 − 4.278226 = 0.042974
        // L = 46.3 + 33.9·3.255273 − 13.82·1.477121 − 0.042974 + 35.224857·0.301030 + 3
        //   = 46.3 + 110.353755 − 20.413812 − 0.042974 + 10.603738 + 3 = 149.800707 dB
        RadioLink link = new RadioLink(1800, 30, 1.5, EnvironmentClass.URBAN);
        assertThat(Cost231Hata.INSTANCE.pathLossDb(2, link)).isCloseTo(149.8007, within(0.01));
        // Cm = 0 outside URBAN
        assertThat(Cost231Hata.INSTANCE.pathLossDb(2, new RadioLink(1800, 30, 1.5, EnvironmentClass.SUBURBAN)))
                .isCloseTo(146.8007, within(0.01));
    }

    @Test
    void tr38901UmaNlos3500MHz() {
        // fc = 3.5 GHz, hBS = 25 m, hUT = 1.5 m, d2D = 500 m, URBAN → UMa
        // d3D = √(500² + 23.5²) = 500.5519 m, log d3D = 2.699449; 20·log 3.5 = 10.881361
        // PL'_NLOS = 13.54 + 39.08·2.699449 + 10.881361 − 0.6·0 = 13.54 + 105.494467 + 10.881361 = 129.915828
        // d'BP = 4·24·0.5·3.5e9/3e8 = 560 m ≥ 500 → PL_LOS = 28 + 22·2.699449 + 10.881361 = 98.269 → max = 129.916 dB
        RadioLink link = new RadioLink(3500, 25, 1.5, EnvironmentClass.URBAN);
        assertThat(Tr38901.INSTANCE.pathLossDb(0.5, link)).isCloseTo(129.916, within(0.01));
    }

    @Test
    void tr38901RmaNlos2600MHz() {
        // fc = 2.6 GHz, hBS = 35 m, hUT = 1.5 m, W = 20 m, h = 5 m, d2D = 2 km, RURAL → RMa NLOS
        // 161.04 − 7.1·log 20 + 7.5·log 5 − (24.37 − 3.7·(5/35)²)·log 35 = 161.04 − 9.237 + 5.242 − 37.512 = 119.533
        // + (43.42 − 3.1·log 35)·(log d3D − 3) = 38.633·(log 2000.27 − 3) = 38.633·0.301089 = 11.632
        // + 20·log 2.6 = 8.299 − (3.2·(log 17.625)² − 4.97) = −(4.9696 − 4.97) = +0.0004 → 139.46 dB
        RadioLink link = new RadioLink(2600, 35, 1.5, EnvironmentClass.RURAL);
        assertThat(Tr38901.INSTANCE.pathLossDb(2, link)).isCloseTo(139.46, within(0.02));
    }

    @ParameterizedTest
    @CsvSource({"900,40,RURAL,7.5", "800,30,URBAN,2.2", "1800,30,SUBURBAN,3.0", "1800,30,RURAL,12",
            "2600,30,URBAN,0.8", "3500,25,RURAL,1.5", "2100,30,SUBURBAN,0.05"})
    void inverseRoundTrip(int f, double hb, EnvironmentClass env, double dKm) {
        PathLossModel m = PathLossModels.forBand(f);
        RadioLink link = new RadioLink(f, hb, 1.5, env);
        MaxDistance back = m.maxDistance(m.pathLossDb(dKm, link), link);
        assertThat(back.clamped()).isFalse();
        assertThat(back.distanceKm()).isCloseTo(dKm, within(dKm * 1e-6));
    }

    @Test
    void inverseClampsOnlyAboveValidity() {
        RadioLink link = new RadioLink(900, 40, 1.5, EnvironmentClass.RURAL);
        MaxDistance far = OkumuraHata.INSTANCE.maxDistance(200, link);
        assertThat(far).isEqualTo(new MaxDistance(20, true));
        // below 1 km Hata is extrapolated, not clamped up: intercept 96.170 dB, slope 34.407 dB/decade →
        // 10^((90 − 96.170)/34.407) = 0.6617 km (free space there is 88.0 dB, below the Hata value)
        MaxDistance near = OkumuraHata.INSTANCE.maxDistance(90, link);
        assertThat(near.distanceKm()).isCloseTo(0.6617, within(0.0005));
        assertThat(near.clamped()).isFalse();
        // 50 dB is less than free space over the 38.5 m height difference alone (63.2 dB): no range at all
        assertThat(OkumuraHata.INSTANCE.maxDistance(50, link)).isEqualTo(new MaxDistance(PathLossModel.FLOOR_KM, false));
        assertThat(Tr38901.INSTANCE.maxDistance(300, new RadioLink(3500, 25, 1.5, EnvironmentClass.URBAN)).clamped())
                .isTrue();
    }

    @Test
    void forBandPicksModelAndRejectsUnsupported() {
        assertThat(PathLossModels.forBand(900)).isSameAs(OkumuraHata.INSTANCE);
        assertThat(PathLossModels.forBand(1500)).isSameAs(OkumuraHata.INSTANCE);
        assertThat(PathLossModels.forBand(1800)).isSameAs(Cost231Hata.INSTANCE);
        assertThat(PathLossModels.forBand(2600)).isSameAs(Tr38901.INSTANCE);
        assertThatThrownBy(() -> PathLossModels.forBand(7000)).isInstanceOf(UnsupportedBandException.class)
                .satisfies(e -> assertThat(((UnsupportedBandException) e).details()).containsEntry("bandMhz", 7000));
    }
}
