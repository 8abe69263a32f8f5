package uz.qamrov.planner.target;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import uz.qamrov.planner.web.ApiException;

/**
 * Which transport lines a line target counts, written as text so it lives in {@code targets.subject_lines} and an
 * admin can change it: {@code <kind>:class=<c1>,<c2>} (highways by road class), {@code <kind>:key=<k1>,<k2>}
 * (highway refs such as M39, railway line keys such as tashkent_samarkand_bukhara) or {@code <kind>:name~<pattern>}
 * (SQL LIKE on the English or Uzbek name, case-insensitive: {@code %} any run, {@code _} one character), with kind
 * {@code highway} or {@code railway}.
 */
public record LineSubject(String kind, String field, List<String> values) {

    /** One line as the target feature sees it. */
    public record Line(String kind, long id, String key, String lineClass, String nameEn, String nameUz, double lengthKm) {
    }

    private static final List<String> KINDS = List.of("highway", "railway");
    private static final List<String> FIELDS = List.of("class", "key", "name");

    public static LineSubject parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "empty", "detail.line-subject-empty", Map.of());
        }
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw bad(text, "expected <highway|railway>:<class=…|key=…|name~…>", "detail.line-subject-syntax",
                    Map.of());
        }
        String kind = s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw bad(text, "kind must be highway or railway", "detail.line-subject-kind", Map.of());
        }
        String rest = s.substring(colon + 1).strip();
        if (rest.startsWith("name~")) {
            String pattern = rest.substring(5).strip();
            if (pattern.isEmpty()) {
                throw bad(text, "empty name pattern", "detail.line-subject-pattern", Map.of());
            }
            return new LineSubject(kind, "name", List.of(pattern));
        }
        int eq = rest.indexOf('=');
        String field = eq < 0 ? "" : rest.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field) || "name".equals(field)) {
            throw bad(text, "expected class=…, key=… or name~…", "detail.line-subject-field", Map.of());
        }
        List<String> values = Arrays.stream(rest.substring(eq + 1).split(",")).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
        if (values.isEmpty()) {
            throw bad(text, "no " + field + " given", "detail.line-subject-values", Map.of("field", field));
        }
        return new LineSubject(kind, field, values);
    }

    public boolean matches(Line line) {
        if (!kind.equals(line.kind())) {
            return false;
        }
        return switch (field) {
            case "class" -> line.lineClass() != null && values.contains(line.lineClass());
            case "key" -> values.contains(line.key());
            default -> {
                Pattern p = like(values.get(0));
                yield (line.nameEn() != null && p.matcher(line.nameEn()).matches())
                        || (line.nameUz() != null && p.matcher(line.nameUz()).matches());
            }
        };
    }

    /** The canonical text, as stored. */
    public String text() {
        return kind + ":" + ("name".equals(field) ? "name~" + values.get(0) : field + "=" + String.join(",", values));
    }

    static Pattern like(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** A 400 naming the subject; {@code key} names the translated detail, {@code args} its placeholders but one. */
    private static ApiException bad(String text, String why, String key, Map<String, Object> args) {
        Map<String, Object> all = new java.util.HashMap<>(args);
        all.put("subject", String.valueOf(text));
        return ApiException.badRequest("invalid line subject '" + text + "': " + why,
                Map.of("subjectLines", String.valueOf(text))).withMessage(key, all);
    }
}
