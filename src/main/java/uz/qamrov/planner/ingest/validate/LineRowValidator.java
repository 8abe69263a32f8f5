package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
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
 * parts off the main path with their lengths.
 */
final class LineRowValidator implements LayerRowValidator {

    static final Set<String> ROAD_CLASSES = Set.of("international", "state", "other");

    private final ValidationContext ctx;
    private final Findings findings;
    /** Id → first row, over every chunk of the file: a duplicate in a later chunk is found. */
    private final Map<String, Integer> seen = new HashMap<>();

    LineRowValidator(ValidationContext ctx, Findings findings) {
        this.ctx = ctx;
        this.findings = findings;
    }

    @Override
    public List<Rows.ImportRow> validate(List<SourceFeature> features) {
        boolean highway = ctx.layer() == Layer.HIGHWAYS;
        List<Rows.ImportRow> out = new ArrayList<>();
        for (SourceFeature f : features) {
            RowGeometry c = new RowGeometry(f, f.attrs(), findings, ctx);
            if (c.rejectedEarly()) {
                continue;
            }
            String key = highway ? c.id("ref", true) : c.id("line_key", true);
            String label = highway ? c.choice("road_class", ROAD_CLASSES, "other") : c.text("line_name", true);
            String uz = c.text("name_uz_latn", highway);
            String ru = c.text("name_ru", false);
            String en = c.text("name_en", false);
            List<LineString> parts = c.lineParts();
            if (c.failed || key == null || label == null || parts == null || c.duplicate(seen, key, highway ? "ref" : "line_key", key)) {
                continue;
            }
            LinePaths.Result path = LinePaths.mainPath(parts);
            if (path.parts().size() > 1) {
                findings.warnings.add(String.format(Locale.ROOT,
                        "row %d (%s): %d parts; km marks along the main path (%.1f km), %d other part(s) kept (%s km)",
                        f.number(), key, path.parts().size(), km(path.main()), path.offPathParts().size(),
                        path.offPathParts().stream().map(p -> String.format(Locale.ROOT, "%.1f", km(p))).toList()));
            }
            out.add(new Rows.Line(List.of(f.number()), key, label, uz, ru, en, path.main(), path.parts().size() > 1
                    ? GeometryChecks.WGS84.createMultiLineString(path.parts().toArray(LineString[]::new)) : null));
        }
        return out;
    }

    private static double km(LineString l) {
        return LinePaths.length(l) * 111.195;
    }
}
