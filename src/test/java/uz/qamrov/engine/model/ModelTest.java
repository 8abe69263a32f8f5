package uz.qamrov.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ModelTest {

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate JUL = LocalDate.of(2026, 7, 1);

    @Test
    void validityIsHalfOpen() {
        Validity v = Validity.between(JAN, JUL);
        assertThat(v.contains(JAN)).isTrue();
        assertThat(v.contains(JUL.minusDays(1))).isTrue();
        assertThat(v.contains(JUL)).isFalse();
        assertThat(v.contains(JAN.minusDays(1))).isFalse();
        assertThat(Validity.ALWAYS.contains(LocalDate.MIN)).isTrue();
        assertThat(Validity.from(JUL).intersect(Validity.between(JAN, LocalDate.of(2027, 1, 1))))
                .isEqualTo(Validity.between(JUL, LocalDate.of(2027, 1, 1)));
        assertThat(Validity.between(JAN, JUL).intersect(Validity.from(JUL))).isNull();
        assertThat(Validity.ALWAYS.intersect(Validity.ALWAYS)).isEqualTo(Validity.ALWAYS);
        assertThatThrownBy(() -> Validity.between(JUL, JAN)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void technologyAndServiceKeys() {
        assertThat(Technology.fromLabel("4g")).isEqualTo(Technology.G4);
        assertThat(Technology.G5.label()).isEqualTo("5G");
        assertThat(Technology.G4.atLeast(Technology.G3)).isTrue();
        assertThatThrownBy(() -> Technology.fromLabel("6G")).isInstanceOf(InvalidInputException.class);
        assertThat(Service.fromKey("high_speed_mobile")).isEqualTo(Service.HIGH_SPEED_MOBILE);
        assertThat(Service.MOBILE_INTERNET.providedBy(Technology.G2)).isFalse();
        assertThat(Service.MOBILE_INTERNET.providedBy(Technology.G5)).isTrue();
        assertThat(Service.FIXED_BROADBAND.isMobile()).isFalse();
        assertThat(LineKind.RAILWAY.key()).isEqualTo("railway");
    }
}
