package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundaryNamesTest {

    static final List<IngestRepository.RegionNames> REGIONS = List.of(
            new IngestRepository.RegionNames("UZ-TK", List.of("Toshkent shahri", "Тошкент шаҳри", "город Ташкент", "Tashkent city")),
            new IngestRepository.RegionNames("UZ-TO", List.of("Toshkent viloyati", "Тошкент вилояти", "Ташкентская область", "Tashkent Region")),
            new IngestRepository.RegionNames("UZ-FA", List.of("Fargʻona viloyati", "Фарғона вилояти", "Ферганская область", "Fergana Region")),
            new IngestRepository.RegionNames("UZ-QR", List.of("Qoraqalpogʻiston Respublikasi", "Қорақалпоғистон Республикаси",
                    "Республика Каракалпакстан", "Republic of Karakalpakstan")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tashkent city|UZ-TK", "Toshkent sh.|UZ-TK", "г. Ташкент|UZ-TK", "Tashkent|UZ-TK", "Tashkent region|UZ-TO",
        "Ташкентская область|UZ-TO", "Farg'ona viloyati|UZ-FA", "FARGʼONA|UZ-FA", "Farg`ona Region|UZ-FA",
        "Qoraqalpog‘iston Respublikasi|UZ-QR", "Karakalpakstan|UZ-QR", "Atlantis|none"})
    void namesMatchInAnyLanguageAndSpelling(String name, String code) {
        assertThat(BoundaryNames.match(Map.of("name", name), REGIONS).orElse("none")).isEqualTo(code);
    }
}
