package uz.qamrov.support;

import static org.assertj.core.api.Assertions.assertThat;

import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ProblemMessages;

/**
 * For tests of a feature's errors: the {@code detail} an {@link ApiException} answers with in a language, as the
 * error handler resolves it. {@link #assertEnglishIsTheMessage} checks that a translated error reads in English
 * exactly as its message did before it had a text (the log's message and the English answer are one text).
 */
public final class LocalisedDetails {

    private LocalisedDetails() {
    }

    /** The detail in {@code acceptLanguage}; the message itself when the error names no text. */
    public static String detail(Throwable e, String acceptLanguage) {
        assertThat(e).isInstanceOf(ApiException.class);
        ApiException a = (ApiException) e;
        return a.messageKey() == null ? a.getMessage()
                : ProblemMessages.DEFAULT.resolve(acceptLanguage, a.messageKey(), a.messageArgs()).text();
    }

    /** The error names a text, every placeholder is filled in every language, and its English is the message. */
    public static void assertEnglishIsTheMessage(Throwable e) {
        assertThat(e).isInstanceOf(ApiException.class);
        ApiException a = (ApiException) e;
        assertThat(a.messageKey()).as("the detail's key of: " + a.getMessage()).isNotNull();
        for (String language : ProblemMessages.LANGUAGES) {
            assertThat(detail(a, language)).as(language + " " + a.messageKey()).doesNotContainPattern("\\{\\w+}");
        }
        assertThat(detail(a, "en")).isEqualTo(a.getMessage());
    }
}
