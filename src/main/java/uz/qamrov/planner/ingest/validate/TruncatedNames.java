package uz.qamrov.planner.ingest.validate;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import uz.qamrov.planner.ingest.Layer;

/**
 * Reads a shapefile's cut column names as the fields they were cut from. A .dbf field name holds at most 10
 * characters, so GDAL ({@code ogr2ogr -f "ESRI Shapefile"}), ArcGIS and QGIS write {@code antenna_height_m} as
 * {@code antenna_he} and {@code decommissioned_on} as {@code decommissi}.
 *
 * <p>The rule: a column of exactly 10 characters that is not itself a name of the layer ({@link LayerFields}: a
 * field or an alias) and is the start of a longer name of exactly one field is read as that field. When it starts
 * the longer names of two or more fields it is ambiguous and the upload is refused naming them (a guess could put a
 * value in the wrong field); a column the column mapping names as a source is the uploader's word and is left alone,
 * which is also how an ambiguous column is resolved ({@code ?map=field:column}). Shorter columns were not cut.
 * Only for shapefiles: in other formats a 10-character name is what its author wrote.
 *
 * <p>When two long names cut to the same 10 characters GDAL renames the later one to its first 8 characters and a
 * number: {@code %.8s_%d} ({@code name_uz__1}), from the tenth on {@code %.8s%02d}. Such a column stands for a name
 * longer than 10 that starts with the 10-character column it collided with (a column of the file that starts with
 * the same 8 characters). When that column is a name of its own (a field, an alias, or a column the mapping reads),
 * the renamed column is read as the one remaining field starting with it; when the colliding column is itself a cut,
 * which of the two columns holds which field depends on the order of the fields in the source file, which the
 * shapefile does not keep: ambiguous.
 *
 * <p>Why ambiguity refuses the file (400, before any row is read) and is not a row error: the assignment of columns
 * to fields is the same for every row, so no row is more wrong than another; a job report with every row rejected
 * for the same reason would say less than the problem, which names the column, the fields it may hold and the
 * {@code ?map=} parameter that settles it.
 */
public final class TruncatedNames {

    /** The longest field name a dBASE III table can hold. */
    public static final int DBF_NAME_CHARS = 10;

    private TruncatedNames() {
    }

    /**
     * A cut column that starts the names of more than one field, or a cut and a column GDAL numbered after it. The
     * message is English; {@link #messageKey()} and {@link #messageArgs()} name its translated text in the problem
     * bundles.
     */
    public static final class Ambiguous extends IllegalArgumentException {
        private final String column;
        private final List<String> candidates;
        private final String base;

        Ambiguous(String column, List<String> candidates) {
            super("shapefile column '" + column + "' is a cut (dBASE names hold 10 characters) of more than one field: "
                    + String.join(", ", candidates) + "; name the one it holds with ?map=" + candidates.get(0) + ":" + column);
            this.column = column;
            this.candidates = candidates;
            this.base = null;
        }

        /** A column GDAL renamed after its cut collided with {@code base}, itself a cut of one of {@code candidates}. */
        static Ambiguous collided(String column, String base, List<String> candidates) {
            return new Ambiguous(candidates, column, base, withPeer(column, base, candidates));
        }

        private Ambiguous(List<String> candidates, String column, String base, String message) {
            super(message);
            this.column = column;
            this.candidates = candidates;
            this.base = base;
        }

        public String messageKey() {
            if (base == null) {
                return "detail.shapefile-column-ambiguous";
            }
            return candidates.size() == 1 ? "detail.shapefile-columns-collided-one"
                    : "detail.shapefile-columns-collided";
        }

        /** column, base (only for a collision), the candidates comma-separated, and the first of them. */
        public Map<String, Object> messageArgs() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("column", column);
            args.put("candidates", String.join(", ", candidates));
            args.put("first", candidates.get(0));
            if (base != null) {
                args.put("base", base);
            }
            return args;
        }

        private static String withPeer(String column, String base, List<String> candidates) {
            return "shapefile columns '" + base + "' and '" + column + "' are both cuts (dBASE names hold 10 characters;"
                    + " GDAL numbered the second when the cuts collided) of names starting with '" + base + "', and "
                    + String.join(", ", candidates) + (candidates.size() == 1 ? " is" : " are") + " such a field; which column"
                    + " holds which depends on the source's field order, which the shapefile does not keep: name it with ?map="
                    + candidates.get(0) + ":" + base + " or ?map=" + candidates.get(0) + ":" + column;
        }

        public String column() {
            return column;
        }

        public List<String> candidates() {
            return candidates;
        }
    }

    /**
     * The renames (column → field) for a shapefile's columns uploaded to a layer with a mapping.
     *
     * @throws Ambiguous for the first column (in file order) that starts the names of more than one field
     */
    public static Map<String, String> forShapefile(Collection<String> columns, Layer layer, ColumnMapping mapping) {
        return resolve(columns, LayerFields.of(layer), mapping.sources());
    }

    /**
     * @param fields each field with its aliases
     * @param mapped columns the uploader named as a mapping's source: never renamed
     * @return column → the field it is read as, for each cut column that resolves; in file order
     * @throws Ambiguous for the first column that starts the longer names of more than one field
     */
    static Map<String, String> resolve(Collection<String> columns, Map<String, List<String>> fields, Set<String> mapped) {
        Set<String> known = new HashSet<>(fields.keySet());
        fields.values().forEach(known::addAll);
        Map<String, String> out = new LinkedHashMap<>();
        for (String column : columns) {
            if (column.length() != DBF_NAME_CHARS || known.contains(column) || mapped.contains(column)) {
                continue;
            }
            Set<String> candidates = new TreeSet<>();
            fields.forEach((field, aliases) -> {
                if (cutOf(column, field) || aliases.stream().anyMatch(a -> cutOf(column, a))) {
                    candidates.add(field);
                }
            });
            if (candidates.size() > 1) {
                throw new Ambiguous(column, List.copyOf(candidates));
            }
            if (candidates.size() == 1) {
                out.put(column, candidates.iterator().next());
            }
        }
        renamedOnCollision(columns, fields, known, mapped, out);
        return out;
    }

    /** GDAL's number suffix for the later of two names whose 10-character cuts collided: {@code %.8s_%d} or {@code %.8s%02d}. */
    private static final java.util.regex.Pattern COLLISION = java.util.regex.Pattern.compile("(.{8})(_\\d|\\d\\d)");

    /**
     * The columns GDAL renamed on a collision ({@code name_uz__1}), resolved into {@code out} (which already holds the
     * plain cuts); see the class comment.
     */
    private static void renamedOnCollision(Collection<String> columns, Map<String, List<String>> fields, Set<String> known,
            Set<String> mapped, Map<String, String> out) {
        // the fields the file already holds: by their name or an alias, or by a cut read as them
        Set<String> claimed = new HashSet<>(out.values());
        for (String c : columns) {
            fields.forEach((field, aliases) -> {
                if (field.equals(c) || aliases.contains(c)) {
                    claimed.add(field);
                }
            });
        }
        for (String column : columns) {
            var m = COLLISION.matcher(column);
            if (!m.matches() || known.contains(column) || mapped.contains(column)) {
                continue;
            }
            String prefix = m.group(1);
            for (String base : columns) {
                if (base.equals(column) || base.length() != DBF_NAME_CHARS || !base.startsWith(prefix)
                        || COLLISION.matcher(base).matches()) {
                    continue;
                }
                Set<String> candidates = new TreeSet<>();
                fields.forEach((field, aliases) -> {
                    if (cutOf(base, field) || aliases.stream().anyMatch(a -> cutOf(base, a))) {
                        candidates.add(field);
                    }
                });
                if (candidates.isEmpty()) {
                    continue;
                }
                boolean baseIsAName = known.contains(base) || mapped.contains(base);
                if (!baseIsAName) {
                    // both columns are cuts of names starting with base: which is which is not in the file
                    throw Ambiguous.collided(column, base, List.copyOf(candidates));
                }
                candidates.removeAll(claimed);
                if (candidates.size() > 1) {
                    throw new Ambiguous(column, List.copyOf(candidates));
                }
                if (candidates.size() == 1) {
                    String field = candidates.iterator().next();
                    out.put(column, field);
                    claimed.add(field);
                }
            }
        }
    }

    private static boolean cutOf(String column, String name) {
        return name.length() > DBF_NAME_CHARS && name.startsWith(column);
    }
}
