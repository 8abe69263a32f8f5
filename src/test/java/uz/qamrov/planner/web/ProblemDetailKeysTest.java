package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The detail keys in the code and in the bundles match: a key misspelt in the code would find no text and fall back
 * to the English message without anyone noticing, and a text no code names is dead. Reads the source text of
 * {@code src/main/java} (every {@code "detail.…"} string literal, in {@code withMessage} calls, the error handler and
 * the not-ready exceptions alike) against {@code problems_en.properties}, which every other language has key for key
 * ({@link ProblemMessagesTest}).
 */
class ProblemDetailKeysTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"(detail\\.[^\"]*)\"");
    private static final Pattern WITH_MESSAGE = Pattern.compile("withMessage\\(\\s*\"(detail\\.[^\"]*)\"");

    /** Key → the first source file naming it. */
    private static Map<String, String> keysInSource(Pattern pattern) throws IOException {
        Map<String, String> keys = new TreeMap<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.putIfAbsent(m.group(1), root.relativize(f).toString());
                }
            }
        }
        return keys;
    }

    private static Set<String> bundleKeys() throws Exception {
        Set<String> keys = new TreeSet<>(ProblemMessagesTest.load("en").stringPropertyNames());
        keys.removeIf(k -> !k.startsWith("detail."));
        return keys;
    }

    @Test
    void everyDetailKeyTheCodeNamesHasAText() throws Exception {
        Map<String, String> used = keysInSource(KEY_LITERAL);
        Set<String> known = bundleKeys();
        Map<String, String> missing = new TreeMap<>(used);
        missing.keySet().removeAll(known);
        assertThat(missing).as("keys named in the code (key=file) without a text in problems_en.properties").isEmpty();
        // the scan itself finds what it must: the handler's literals and the calls of features
        assertThat(used).containsEntry("detail.bad-parameter", "uz/qamrov/planner/web/ApiExceptionHandler.java")
                .containsKey("detail.unknown-region").containsKey("detail.coverage-not-ready");
        assertThat(keysInSource(WITH_MESSAGE).keySet()).contains("detail.unknown-region", "detail.limit-too-small")
                .isSubsetOf(used.keySet());
    }

    @Test
    void everyDetailTextIsNamedByTheCode() throws Exception {
        Set<String> dead = bundleKeys();
        dead.removeAll(keysInSource(KEY_LITERAL).keySet());
        assertThat(dead).as("detail texts no source file names").isEmpty();
    }

    @Test
    void keysAreKebabCase() throws Exception {
        assertThat(bundleKeys()).allSatisfy(k -> assertThat(k).matches("detail\\.[a-z0-9]+(-[a-z0-9]+)*"));
    }
}
