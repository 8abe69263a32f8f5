package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    final ProblemMessages messages = ProblemMessages.DEFAULT;

    @Test
    void languageIsChosenByAcceptLanguageWithEnglishAsFallback() {
        assertThat(ProblemMessages.language("ru-RU,ru;q=0.9,en;q=0.8")).isEqualTo("ru");
        assertThat(ProblemMessages.language("uz")).isEqualTo("uz-Latn");
        assertThat(ProblemMessages.language("uz-UZ")).isEqualTo("uz-Latn");
        assertThat(ProblemMessages.language("uz-Cyrl-UZ, ru;q=0.5")).isEqualTo("uz-Cyrl");
        assertThat(ProblemMessages.language("de-DE, ru;q=0.3")).isEqualTo("ru");
        assertThat(ProblemMessages.language("de-DE, fr")).isEqualTo("en");
        assertThat(ProblemMessages.language(null)).isEqualTo("en");
        assertThat(ProblemMessages.language("ru;q=0, uz")).isEqualTo("uz-Latn");
        assertThat(ProblemMessages.language("not a header;;")).isEqualTo("en");
    }

    @Test
    void textsAreFilledAndLocalised() {
        assertThat(messages.resolve("ru", "detail.unknown-region", Map.of("value", "UZ-XX")))
                .isEqualTo(new ProblemMessages.Message("ru", "Неизвестная область: UZ-XX"));
        assertThat(messages.resolve("uz-Cyrl", "title.not-found", Map.of()).text()).isEqualTo("Топилмади");
        assertThat(messages.resolve("uz", "title.not-found", Map.of()).text()).isEqualTo("Topilmadi");
        assertThat(messages.resolve("fr", "detail.bad-parameter", Map.of("parameter", "limit", "value", -1)).text())
                .isEqualTo("Parameter limit has an invalid value: -1");
        // a missing placeholder value stays visible rather than silently vanishing; an unknown key is itself
        assertThat(messages.resolve("en", "detail.unknown-region", Map.of()).text()).isEqualTo("Unknown region: {value}");
        assertThat(messages.resolve("ru", "no.such.key", Map.of())).isEqualTo(new ProblemMessages.Message("en", "no.such.key"));
    }

    @Test
    void everyLanguageHasEveryKeyOfTheEnglishBundle() throws Exception {
        Properties en = load("en");
        for (String tag : new String[] {"ru", "uz_Latn", "uz_Cyrl"}) {
            assertThat(load(tag).stringPropertyNames()).as(tag).isEqualTo(en.stringPropertyNames());
        }
    }

    /** A translation that drops, adds or renames a {name} shows the reader a raw placeholder or loses a value. */
    @Test
    void everyTextHasTheSamePlaceholdersInEveryLanguage() throws Exception {
        Properties en = load("en");
        for (String tag : new String[] {"ru", "uz_Latn", "uz_Cyrl"}) {
            Properties other = load(tag);
            for (String key : en.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key))).as(tag + " " + key)
                        .isEqualTo(placeholders(en.getProperty(key)));
            }
        }
        // the check itself: a placeholder is a word in braces, however often it occurs
        assertThat(placeholders("{a} and {b_2}, {a}; {not one} {}")).containsExactly("a", "b_2");
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Properties load(String tag) throws Exception {
        Properties p = new Properties();
        try (var in = ProblemMessagesTest.class.getClassLoader().getResourceAsStream("i18n/problems_" + tag + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
