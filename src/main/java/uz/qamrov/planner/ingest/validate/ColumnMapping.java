package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import uz.qamrov.planner.ingest.SourceFeature;

/**
 * Which file column feeds which Qamrov column, how values are renamed, and defaults for columns a file lacks.
 * Written as query parameters or stored as a named profile:
 * <ul>
 * <li>{@code map=line_key:osm_id,line_name:name|fclass}: target:source, alternatives after {@code |} (the first
 * non-blank one wins);</li>
 * <li>{@code values=status:Operational=active;Unknown=,road_class:motorway=international;*=other}: per field,
 * {@code from=to} pairs (case-insensitive; {@code →} or {@code ->} also separate them), an empty {@code to} makes
 * the value missing (the layer's default or "is required" then applies), {@code *} matches every other value;
 * a value not listed stays as it is (and an unknown status is a row error listing the accepted ones);</li>
 * <li>{@code defaults=route_kind:backbone}: used where the row has no value.</li>
 * </ul>
 * The mapping applied, with how many rows each value rule and default touched, goes into the report's warnings.
 */
public final class ColumnMapping {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");
    public static final ColumnMapping NONE = new ColumnMapping("none", Map.of(), Map.of(), Map.of(), null);

    private final String name;
    private final Map<String, List<String>> columns;
    private final Map<String, Map<String, String>> values;
    private final Map<String, String> defaults;
    private final DuplicatePolicy duplicates;
    private final Map<String, Integer> counts = new TreeMap<>();

    ColumnMapping(String name, Map<String, List<String>> columns, Map<String, Map<String, String>> values,
            Map<String, String> defaults, DuplicatePolicy duplicates) {
        this.name = name;
        this.columns = columns;
        this.values = values;
        this.defaults = defaults;
        this.duplicates = duplicates;
    }

    /**
     * A profile (built in or saved) with the ad-hoc parameters on top; null parameters are absent.
     *
     * @throws MappingSyntaxException with a message for the uploader when a parameter does not parse
     */
    public static ColumnMapping of(ColumnMapping profile, String map, String values, String defaults) {
        ColumnMapping base = profile == null ? NONE : profile;
        if (map == null && values == null && defaults == null) {
            // a copy: the per-rule counts are the upload's own (a job applies its mapping again on each pass)
            return base == NONE ? NONE : new ColumnMapping(base.name, base.columns, base.values, base.defaults, base.duplicates);
        }
        Map<String, List<String>> c = new LinkedHashMap<>(base.columns);
        c.putAll(parseColumns(map));
        Map<String, Map<String, String>> v = new LinkedHashMap<>(base.values);
        parseValues(values).forEach((field, rules) -> v.merge(field, rules, (x, y) -> {
            Map<String, String> m = new LinkedHashMap<>(x);
            m.putAll(y);
            return m;
        }));
        Map<String, String> d = new LinkedHashMap<>(base.defaults);
        d.putAll(parseDefaults(defaults));
        return new ColumnMapping(profile == null ? "custom" : base.name + "+custom", c, v, d, base.duplicates);
    }

    static Map<String, List<String>> parseColumns(String map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : split(map, ",")) {
            String[] p = pair.split(":", 2);
            if (p.length != 2) {
                throw new MappingSyntaxException("map: '" + pair + "' is not target:source (such as line_key:osm_id)",
                        "detail.mapping-map-pair", Map.of("text", pair));
            }
            List<String> sources = new ArrayList<>();
            for (String s : p[1].split("\\|")) {
                sources.add(name("map", s));
            }
            out.put(name("map", p[0]), List.copyOf(sources));
        }
        return out;
    }

    static Map<String, Map<String, String>> parseValues(String values) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String group : split(values, ",")) {
            String[] p = group.split(":", 2);
            if (p.length != 2) {
                throw new MappingSyntaxException("values: '" + group
                        + "' is not field:from=to;from=to (such as status:Operational=active)",
                        "detail.mapping-values-group", Map.of("text", group));
            }
            Map<String, String> rules = new LinkedHashMap<>();
            for (String rule : split(p[1], ";")) {
                String r = rule.replace("→", "=").replace("->", "=");
                int eq = r.indexOf('=');
                if (eq <= 0) {
                    throw new MappingSyntaxException("values: '" + rule
                            + "' is not from=to (such as Operational=active)", "detail.mapping-values-rule",
                            Map.of("text", rule));
                }
                String from = r.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String to = r.substring(eq + 1).strip();
                if (StrictValues.textProblem(from, StrictValues.MAX_TEXT_CHARS) != null || StrictValues.textProblem(to, StrictValues.MAX_TEXT_CHARS) != null) {
                    throw new MappingSyntaxException("values: '" + StrictValues.shown(rule)
                            + "' is not plain text of at most " + StrictValues.MAX_TEXT_CHARS + " characters",
                            "detail.mapping-values-text",
                            Map.of("text", StrictValues.shown(rule), "max", StrictValues.MAX_TEXT_CHARS));
                }
                rules.put(from, to);
            }
            out.put(name("values", p[0]), rules);
        }
        return out;
    }

    static Map<String, String> parseDefaults(String defaults) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : split(defaults, ",")) {
            String[] p = pair.split(":", 2);
            if (p.length != 2 || p[1].isBlank() || StrictValues.textProblem(p[1], StrictValues.MAX_TEXT_CHARS) != null) {
                throw new MappingSyntaxException("defaults: '" + StrictValues.shown(pair)
                        + "' is not field:value (such as route_kind:backbone)", "detail.mapping-defaults-pair",
                        Map.of("text", StrictValues.shown(pair)));
            }
            out.put(name("defaults", p[0]), p[1].strip());
        }
        return out;
    }

    private static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String part : s.split(Pattern.quote(sep))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String name(String param, String s) {
        String n = s.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new MappingSyntaxException(param + ": '" + StrictValues.shown(s)
                    + "' is not a column name (letters, digits, _)", "detail.mapping-column-name",
                    Map.of("parameter", param, "text", StrictValues.shown(s)));
        }
        return n;
    }

    public String name() {
        return name;
    }

    public boolean isEmpty() {
        return columns.isEmpty() && values.isEmpty() && defaults.isEmpty();
    }

    /** The profile's duplicate policy, or null when it leaves it to the format. */
    public DuplicatePolicy duplicates() {
        return duplicates;
    }

    /**
     * The columns every row of a file with this header has after {@link #apply}: the header's own, each mapped
     * target with a source in the header, and each field with a default.
     */
    public Set<String> columnsAfter(Collection<String> header) {
        Set<String> out = new LinkedHashSet<>(header);
        columns.forEach((target, sources) -> {
            if (sources.stream().anyMatch(header::contains)) {
                out.add(target);
            }
        });
        out.addAll(defaults.keySet());
        return out;
    }

    /** The file columns a target is read from (alternatives in order); empty when the mapping does not map it. */
    public List<String> sourcesOf(String target) {
        return columns.getOrDefault(target, List.of());
    }

    /** Every file column the mapping reads from (all targets' sources). */
    public Set<String> sources() {
        Set<String> out = new LinkedHashSet<>();
        columns.values().forEach(out::addAll);
        return out;
    }

    /** The features with the mapping applied (the originals when it is empty). */
    public List<SourceFeature> apply(List<SourceFeature> features) {
        if (isEmpty()) {
            return features;
        }
        List<SourceFeature> out = new ArrayList<>(features.size());
        for (SourceFeature f : features) {
            out.add(new SourceFeature(f.number(), apply(f.attrs()), f.geometry(), f.readError()));
        }
        return out;
    }

    /** One feature with the mapping applied (itself when the mapping is empty). */
    public SourceFeature apply(SourceFeature f) {
        return isEmpty() ? f : new SourceFeature(f.number(), apply(f.attrs()), f.geometry(), f.readError());
    }

    Map<String, String> apply(Map<String, String> attrs) {
        Map<String, String> a = new LinkedHashMap<>(attrs);
        columns.forEach((target, sources) -> {
            for (String s : sources) {
                String v = attrs.get(s);
                if (v != null && !v.isBlank()) {
                    a.put(target, v);
                    return;
                }
            }
        });
        values.forEach((field, rules) -> {
            String v = a.get(field);
            if (v == null || v.isBlank()) {
                return;
            }
            String key = v.strip().toLowerCase(Locale.ROOT);
            String to = rules.containsKey(key) ? rules.get(key) : rules.get("*");
            if (to == null) {
                return;
            }
            counts.merge("values " + field + ": " + v.strip() + "→" + (to.isEmpty() ? "(missing)" : to), 1, Integer::sum);
            if (to.isEmpty()) {
                a.remove(field);
            } else {
                a.put(field, to);
            }
        });
        defaults.forEach((field, value) -> {
            if (a.get(field) == null || a.get(field).isBlank()) {
                a.put(field, value);
                counts.merge("default " + field + "=" + value, 1, Integer::sum);
            }
        });
        return a;
    }

    /** What was applied, for the report: the column rules, then each value rule and default with its row count. */
    public List<String> describe() {
        if (isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        columns.forEach((t, s) -> cols.add(t + " ← " + String.join(" | ", s)));
        out.add("mapping '" + name + "' applied" + (cols.isEmpty() ? "" : ": " + String.join(", ", cols)));
        counts.forEach((rule, n) -> out.add("mapping '" + name + "': " + rule + " (" + n + " row" + (n == 1 ? "" : "s") + ")"));
        return out;
    }
}
