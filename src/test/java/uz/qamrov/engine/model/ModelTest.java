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
        assertThat(Validity.ALWAYS.intersect(Validity.ALWAYS)).isEqualTo(Validity.ALWAYS);
    }

    /** Rows that never count are an empty interval, never an exception (the loader folds them like this). */
    @Test
    void emptyValidityIsNeverNotAnError() {
        LocalDate dec1 = LocalDate.of(2026, 12, 1);
        // commissioned_on = decommissioned_on: [D, D) contains nothing
        Validity sameDay = Validity.between(dec1, dec1);
        assertThat(sameDay).isEqualTo(Validity.NEVER);
        assertThat(sameDay.isNever()).isTrue();
        // a version closed on the day it opened: [2026-12-01, ∞) ∩ [2026-12-01, 2026-12-01)
        assertThat(Validity.from(dec1).intersect(new Validity(dec1, dec1))).isEqualTo(Validity.NEVER);
        // a planned row (commissioned 2027-03-01) whose version is closed on 2026-12-01: from > to
        Validity planned = Validity.from(LocalDate.of(2027, 3, 1));
        Validity closedVersion = Validity.between(LocalDate.of(2026, 6, 1), dec1);
        assertThat(planned.intersect(closedVersion)).isEqualTo(Validity.NEVER);
        assertThat(Validity.between(JUL, JAN)).isEqualTo(Validity.NEVER);
        // touching intervals do not overlap
        assertThat(Validity.between(JAN, JUL).intersect(Validity.from(JUL))).isEqualTo(Validity.NEVER);
        // NEVER contains no date, and intersecting with it stays NEVER
        for (LocalDate d : new LocalDate[] {LocalDate.MIN, LocalDate.EPOCH, dec1, LocalDate.MAX}) {
            assertThat(Validity.NEVER.contains(d)).as("%s", d).isFalse();
        }
        assertThat(Validity.ALWAYS.intersect(Validity.NEVER)).isEqualTo(Validity.NEVER);
        assertThat(Validity.NEVER.intersect(Validity.ALWAYS)).isEqualTo(Validity.NEVER);
        assertThat(Validity.NEVER.fromEpochDay()).isEqualTo(Validity.NEVER.toEpochDay());
        // an ordinary one-day interval is not empty
        assertThat(Validity.between(dec1, dec1.plusDays(1)).isNever()).isFalse();
        assertThat(Validity.ALWAYS.isNever()).isFalse();
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
