package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.LineString;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/**
 * Highways and railways. A MultiLineString (double track, sidings, branches, a line in several OSM ways) is one line:
 * kilometre marks run along its main path ({@link LinePaths}); all its parts are kept, and the report names the
 * parts off the main path with their lengths. Under {@code duplicates=merge} the rows sharing a key are the pieces
 * of one line (a Geofabrik road is hundreds of ways with one {@code ref}): their parts are joined the same way; the
 * line takes the first name given and the highest road class (international, then state, then other); one bad piece
 * rejects the whole line, as one bad cell row rejects its site.
 */
final class LineRowValidator implements LayerRowValidator {

    static final Set<String> ROAD_CLASSES = Set.of("international", "state", "other");
    /** Highest first: a road whose pieces say trunk (international) and primary (state) is international. */
    private static final List<String> CLASS_RANK = List.of("international", "state", "other");

    private final ValidationContext ctx;
    private final Findings findings;
    private final boolean highway;
    /** Id → first row, over every chunk of the file: a duplicate in a later chunk is found. */
    private final Map<String, Integer> seen = new HashMap<>();

    LineRowValidator(ValidationContext ctx, Findings findings) {
        this.ctx = ctx;
        this.findings = findings;
        this.highway = ctx.layer() == Layer.HIGHWAYS;
    }

    boolean merges() {
        return ctx.duplicates() == DuplicatePolicy.MERGE;
    }

    /** Under {@code merge}, the line's key: all its rows must be validated in one chunk. */
    String groupKey(SourceFeature f) {
        return merges() ? new RowFields(f, f.attrs(), new Findings(), ctx).raw(keyField()) : null;
    }

    private String keyField() {
        return highway ? "ref" : "line_key";
    }

    /** One row read: its fields, or only its row number when it failed (then its line is rejected). */
    private record Piece(int row, String label, String uz, String ru, String en, List<LineString> parts) {
    }

    @Override
    public List<Rows.ImportRow> validate(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        Map<String, List<Piece>> pieces = new LinkedHashMap<>();
        for (SourceFeature f : features) {
            RowGeometry c = new RowGeometry(f, f.attrs(), findings, ctx);
            if (c.rejectedEarly()) {
                continue;
            }
            String key = c.id(keyField(), true);
            String label = highway ? c.choice("road_class", ROAD_CLASSES, "other") : c.text("line_name", true);
            String uz = c.text("name_uz_latn", highway);
            String ru = c.text("name_ru", false);
            String en = c.text("name_en", false);
            List<LineString> parts = c.lineParts();
            if (key == null) {
                continue;
            }
            boolean ok = !c.failed && label != null && parts != null;
            if (merges()) {
                List<Piece> line = pieces.get(key);
                if (line == null && c.duplicate(seen, key, keyField(), key)) {
                    continue; // in an earlier chunk: only if the grouping pass and this one read different rows
                }
                pieces.computeIfAbsent(key, k -> new ArrayList<>()).add(ok ? new Piece(f.number(), label, uz, ru, en, parts)
                        : new Piece(f.number(), null, null, null, null, null));
                continue;
            }
            if (ok && !c.duplicate(seen, key, keyField(), key)) {
                out.add(line(key, List.of(new Piece(f.number(), label, uz, ru, en, parts)), List.of(f.number())));
            }
        }
        pieces.forEach((key, line) -> {
            List<Piece> good = line.stream().filter(p -> p.parts() != null).toList();
            if (!good.isEmpty()) {
                // with every row of the line, so a failed piece rejects it whole (ValidationResult's closure)
                out.add(line(key, good, line.stream().map(Piece::row).toList()));
            }
        });
        return out;
    }

    /** The line of one or more pieces (in file order), from source {@code rows}; the report says how it was joined. */
    private Rows.Line line(String key, List<Piece> pieces, List<Integer> rows) {
        Piece first = pieces.get(0);
        List<LineString> parts = new ArrayList<>();
        String label = first.label();
        for (Piece p : pieces) {
            parts.addAll(p.parts());
            if (highway && CLASS_RANK.indexOf(p.label()) < CLASS_RANK.indexOf(label)) {
                label = p.label();
            }
        }
        LinePaths.Result path = LinePaths.mainPath(parts);
        if (rows.size() > 1) {
            findings.warnings.add(String.format(Locale.ROOT, "rows %s (%s): %d rows joined into one line (duplicates=merge)",
                    rowList(rows), key, rows.size()));
        }
        if (path.parts().size() > 1) {
            findings.warnings.add(String.format(Locale.ROOT,
                    "row %d (%s): %d parts; km marks along the main path (%.1f km), %d other part(s) kept (%s km)",
                    first.row(), key, path.parts().size(), km(path.main()), path.offPathParts().size(),
                    path.offPathParts().stream().map(p -> String.format(Locale.ROOT, "%.1f", km(p))).toList()));
        }
        return new Rows.Line(rows, key, label, firstGiven(pieces, Piece::uz),
                firstGiven(pieces, Piece::ru), firstGiven(pieces, Piece::en), path.main(), path.parts().size() > 1
                ? GeometryChecks.WGS84.createMultiLineString(path.parts().toArray(LineString[]::new)) : null);
    }

    private static String firstGiven(List<Piece> pieces, java.util.function.Function<Piece, String> field) {
        return pieces.stream().map(field).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String rowList(List<Integer> rows) {
        return rows.size() <= 5 ? rows.toString().replaceAll("[\\[\\]]", "")
                : rows.subList(0, 5).toString().replaceAll("[\\[\\]]", "") + ", …";
    }

    private static double km(LineString l) {
        return LinePaths.length(l) * 111.195;
    }
}
