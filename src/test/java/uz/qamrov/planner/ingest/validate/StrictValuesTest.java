package uz.qamrov.planner.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "41.3|",
        "-7|",
        "+0.5|",
        ".5|",
        "1e3|",
        "1.5E-2|",
        "0x1p3|not a number in plain decimal notation",
        "1.5d|not a number in plain decimal notation",
        "2f|not a number in plain decimal notation",
        "NaN|not a finite number",
        "-Infinity|not a finite number",
        "1e999|not a finite number",
        "41,3|decimal comma",
        "1_000|not a number in plain decimal notation",
        "'4 1'|not a number in plain decimal notation",
        "١٢|not a number in plain decimal notation",
        "00000000000000000000000000000000000000001|too long for a number"})
    void numbersArePlainDecimalsOnly(String value, String problem) {
        if (problem == null) {
            assertThat(StrictValues.numberProblem(value)).isNull();
            assertThat(StrictValues.number(value)).isEqualTo(Double.parseDouble(value));
        } else {
            assertThat(StrictValues.numberProblem(value)).contains(problem);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2021-04-01|",
        "2021-04-01T10:00:00Z|",
        "1950-01-01|",
        "2100-12-31|",
        "1949-12-31|outside the plausible range 1950-01-01 to 2100-12-31",
        "2101-01-01|outside the plausible range",
        "-4714-11-24|not a date in the form YYYY-MM-DD",
        "+10000-01-01|not a date in the form YYYY-MM-DD",
        "0001-01-01|outside the plausible range",
        "2021-02-30|no such day",
        "01.04.2021|not a date in the form YYYY-MM-DD",
        "infinity|not a date in the form YYYY-MM-DD"})
    void datesArePlausible(String value, String problem) {
        if (problem == null) {
            assertThat(StrictValues.dateProblem(value)).isNull();
        } else {
            assertThat(StrictValues.dateProblem(value)).contains(problem);
        }
    }

    @org.junit.jupiter.api.Test
    void textRejectsNulLoneSurrogatesAndLengthButKeepsPairs() {
        assertThat(StrictValues.textProblem("Toshkent", 100)).isNull();
        assertThat(StrictValues.textProblem("emoji \uD83D\uDCF6 ok", 100)).isNull(); // a surrogate pair is one character
        assertThat(StrictValues.textProblem("a\u0000b", 100)).isEqualTo("contains a NUL character");
        assertThat(StrictValues.textProblem("a\uD800b", 100)).isEqualTo("contains an unpaired UTF-16 surrogate");
        assertThat(StrictValues.textProblem("a\uDC00", 100)).isEqualTo("contains an unpaired UTF-16 surrogate");
        assertThat(StrictValues.textProblem("x".repeat(101), 100)).isEqualTo("is longer than 100 characters (101)");
        assertThat(StrictValues.textProblem("\uD83D\uDCF6".repeat(100), 100)).isNull(); // 200 chars, 100 code points
        assertThat(StrictValues.shown("a\u0000b")).isEqualTo("a\\u0000b");
        assertThat(StrictValues.shown("y".repeat(1000))).hasSize(81);
    }
}
