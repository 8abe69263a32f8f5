package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/** Region and district boundaries with every name-like property, matched against the database later. */
final class BoundaryRowValidator implements LayerRowValidator {

    private final ValidationContext ctx;
    private final Findings findings;

    BoundaryRowValidator(ValidationContext ctx, Findings findings) {
        this.ctx = ctx;
        this.findings = findings;
    }

    @Override
    public List<Rows.ImportRow> validate(List<SourceFeature> features) {
        Layer layer = ctx.layer();
        List<Rows.ImportRow> out = new ArrayList<>();
        for (SourceFeature f : features) {
            RowGeometry c = new RowGeometry(f, f.attrs(), findings, ctx);
            if (c.rejectedEarly()) {
                continue;
            }
            MultiPolygon mp = c.polygons(true);
            Map<String, String> names = new LinkedHashMap<>();
            String code = null;
            String parent = null;
            for (var e : f.attrs().entrySet()) {
                String k = e.getKey();
                String v = e.getValue().strip();
                if (v.matches("UZ-[A-Z]{2}")) {
                    if (layer == Layer.REGIONS || k.contains("region") || k.contains("parent") || k.startsWith("adm1")) {
                        if (layer == Layer.REGIONS) {
                            code = v;
                        } else {
                            parent = v;
                        }
                    }
                } else if (k.contains("name") || k.matches("adm[12]_(en|ru|uz|uz_cyrl|uz_latn)") || k.startsWith("name_")) {
                    if (layer == Layer.DISTRICTS && (k.startsWith("adm1") || k.startsWith("region"))) {
                        continue;
                    }
                    String problem = StrictValues.textProblem(v, StrictValues.MAX_TEXT_CHARS);
                    if (problem != null) {
                        c.error(k, v, problem);
                        continue;
                    }
                    names.put(k, v);
                }
            }
            if (layer == Layer.DISTRICTS) {
                code = c.id("code", false);
            }
            if (names.isEmpty() && code == null) {
                c.error("name", null, "the feature has neither a code nor a name to match");
            }
            if (c.failed || mp == null) {
                continue;
            }
            String display = names.values().stream().findFirst().orElse(code);
            out.add(new Rows.Boundary(List.of(f.number()), code, parent, names, display, mp));
        }
        return out;
    }
}
