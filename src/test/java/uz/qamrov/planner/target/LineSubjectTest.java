package uz.qamrov.planner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

class LineSubjectTest {

    @Test
    void parsesAndWritesTheCanonicalText() {
        assertThat(LineSubject.parse(" Highway : class = international, state ").text())
                .isEqualTo("highway:class=international,state");
        assertThat(LineSubject.parse("railway:name~%Tashkent%").text()).isEqualTo("railway:name~%Tashkent%");
    }

    /** Every rejection names the subject, reads in English as its message and is translated. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "' '                 # invalid line subject ' ': empty",
        "highway             # invalid line subject 'highway': expected <highway|railway>:<class=…|key=…|name~…>",
        "road:key=M39        # invalid line subject 'road:key=M39': kind must be highway or railway",
        "railway:name~       # invalid line subject 'railway:name~': empty name pattern",
        "highway:ref=M39     # invalid line subject 'highway:ref=M39': expected class=…, key=… or name~…",
        "highway:key= , ,    # invalid line subject 'highway:key= , ,': no key given"})
    void rejectionsAreExplained(String text, String english) {
        assertThatThrownBy(() -> LineSubject.parse(text)).isInstanceOf(ApiException.class)
                .hasMessage(english)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsEntry("subjectLines", text))
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage);
    }

    @Test
    void aRejectionInRussianAndUzbek() {
        assertThatThrownBy(() -> LineSubject.parse("highway:key="))
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "ru"))
                        .isEqualTo("Некорректный выбор линий 'highway:key=': не задан key"))
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "uz-Cyrl"))
                        .isEqualTo("Йўллар танлови 'highway:key=' нотўғри: key берилмаган"));
    }
}
