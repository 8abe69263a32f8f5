package uz.qamrov.planner.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem titles and details in the caller's language, chosen by {@code Accept-Language} among Uzbek (Latin and
 * Cyrillic), Russian and English; English when none of them is accepted or a text is missing. The texts live in
 * {@code i18n/problems_<tag>.properties} (UTF-8). For the error handler:
 * <pre>{@code
 * var m = ProblemMessages.DEFAULT.resolve(request.getHeader("Accept-Language"), "title.not-found", Map.of());
 * pd.setTitle(m.text()); response header Content-Language: m.language()
 * }</pre>
 */
public final class ProblemMessages {

    /** The supported languages as BCP 47 tags, in the order of preference when a range matches several. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "uz-Latn", "uz-Cyrl");
    public static final ProblemMessages DEFAULT = new ProblemMessages();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** A resolved text and the language it is in (for {@code Content-Language}). */
    public record Message(String language, String text) {
    }

    private final Map<String, Properties> bundles = new LinkedHashMap<>();

    private ProblemMessages() {
        for (String tag : LANGUAGES) {
            bundles.put(tag, load("i18n/problems_" + tag.replace('-', '_') + ".properties"));
        }
    }

    /**
     * The text for {@code key} in the best accepted language, with {@code {name}} placeholders filled from
     * {@code args}; the key itself when no language has it.
     */
    public Message resolve(String acceptLanguage, String key, Map<String, ?> args) {
        return find(acceptLanguage, key, args).orElseGet(() -> new Message("en", fill(key, args)));
    }

    /**
     * The text for {@code key} in the best accepted language, else in English; empty when no bundle has the key
     * (the caller keeps its own text).
     */
    public Optional<Message> find(String acceptLanguage, String key, Map<String, ?> args) {
        String lang = language(acceptLanguage);
        String text = bundles.get(lang).getProperty(key);
        if (text == null) {
            lang = "en";
            text = bundles.get("en").getProperty(key);
        }
        return text == null ? Optional.empty() : Optional.of(new Message(lang, fill(text, args)));
    }

    /** The supported language an {@code Accept-Language} header asks for first; "en" when none. */
    public static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return "en";
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String r = range.getRange().toLowerCase(Locale.ROOT);
            if (r.equals("*")) {
                return "en";
            }
            if (r.startsWith("uz")) {
                // plain "uz" is Latin: the official script since 1995 (uz-UZ too); Cyrillic only when asked for
                return r.contains("cyrl") ? "uz-Cyrl" : "uz-Latn";
            }
            if (r.startsWith("ru")) {
                return "ru";
            }
            if (r.startsWith("en")) {
                return "en";
            }
        }
        return "en";
    }

    private static String fill(String text, Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = args == null ? null : args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ProblemMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
