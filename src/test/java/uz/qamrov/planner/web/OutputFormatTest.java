package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.qamrov.support.LocalisedDetails;

class OutputFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null    | null                                  | JSON",
        "null    | */*                                   | JSON",
        "null    | application/json                      | JSON",
        "null    | application/geo+json                  | GEOJSON",
        "null    | application/geo+json, application/json | GEOJSON",
        "null    | text/csv                              | CSV",
        "geojson | application/json                      | GEOJSON",
        "csv     | application/geo+json                  | CSV",
        "json    | text/csv                              | JSON"})
    void parameterFirstThenAcceptHeader(String f, String accept, OutputFormat expected) {
        assertThat(OutputFormat.negotiate(f, accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"xml", "html"})
    void unknownFormatIsABadRequest(String f) {
        assertThatThrownBy(() -> OutputFormat.negotiate(f, null)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsEntry("parameter", "f"))
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "uz-Cyrl"))
                        .isEqualTo("Қўллаб-қувватланмайдиган формат f=" + f + " (json, geojson, csv)"));
    }
}
