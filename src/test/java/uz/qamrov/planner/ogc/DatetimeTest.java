package uz.qamrov.planner.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

class DatetimeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2025-01-01, 2025-01-01",
        "2025-06-30T12:00:00Z, 2025-06-30",
        "2024-01-01/2025-01-01, 2025-01-01",
        "../2025-03-01, 2025-03-01",
        "2025-01-01/.., null",
        "null, null"})
    void asOfIsTheInstantOrTheIntervalsEnd(String datetime, LocalDate expected) {
        assertThat(OgcController.asOf(datetime)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2025-13-01"})
    void rejectsWhatIsNotADate(String datetime) {
        assertThatThrownBy(() -> OgcController.asOf(datetime)).isInstanceOf(ApiException.class)
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "uz-Latn"))
                        .isEqualTo("datetime RFC 3339 boʻyicha sana, vaqt lahzasi yoki oraliq boʻlishi kerak"));
    }
}
