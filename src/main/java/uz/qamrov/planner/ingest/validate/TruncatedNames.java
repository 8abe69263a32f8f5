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
 * <p>Not handled: when two long names cut to the same 10 characters GDAL renames the second ({@code name_uz__1});
 * such a column matches nothing and is ignored like any unknown column.
 */
public final class TruncatedNames {

    /** The longest field name a dBASE III table can hold. */
    public static final int DBF_NAME_CHARS = 10;

    private TruncatedNames() {
    }

    /** A cut column that starts the names of more than one field. */
    public static final class Ambiguous extends IllegalArgumentException {
        private final String column;
        private final List<String> candidates;

        Ambiguous(String column, List<String> candidates) {
            super("shapefile column '" + column + "' is a cut (dBASE names hold 10 characters) of more than one field: "
                    + String.join(", ", candidates) + "; name the one it holds with ?map=" + candidates.get(0) + ":" + column);
            this.column = column;
            this.candidates = candidates;
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
        return out;
    }

    private static boolean cutOf(String column, String name) {
        return name.length() > DBF_NAME_CHARS && name.startsWith(column);
    }
}
