package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/** Settlements: a point, or a polygon whose interior point becomes the location. */
final class SettlementRowValidator implements LayerRowValidator {

    static final Set<String> SETTLEMENT_KINDS = Set.of("city", "urban_settlement", "village");

    private final ValidationContext ctx;
    private final Findings findings;
    /** Id → first row, over every chunk of the file: a duplicate in a later chunk is found. */
    private final Map<String, Integer> seen = new HashMap<>();

    SettlementRowValidator(ValidationContext ctx, Findings findings) {
        this.ctx = ctx;
        this.findings = findings;
    }

    @Override
    public List<Rows.ImportRow> validate(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        for (SourceFeature f : features) {
            RowGeometry c = new RowGeometry(f, f.attrs(), findings, ctx);
            if (c.rejectedEarly()) {
                continue;
            }
            String id = c.id("external_id", true);
            String name = c.text("name_uz_latn", true);
            String kind = c.choice("kind", SETTLEMENT_KINDS, "village");
            Integer pop = c.integer("population", true, 0, 50_000_000, "must be a count >= 0");
            Integer hh = c.integer("households", false, 0, 50_000_000, "must be a count >= 0");
            String cyrl = c.text("name_uz_cyrl", false);
            String ru = c.text("name_ru", false);
            String en = c.text("name_en", false);
            String region = c.id("region_code", false);
            String district = c.id("district_code", false);
            Point p;
            MultiPolygon boundary = null;
            if (f.geometry() != null && f.geometry().getDimension() == 2) {
                boundary = c.polygons(false);
                p = boundary == null ? null : GeometryChecks.WGS84.createPoint(boundary.getInteriorPoint().getCoordinate());
            } else {
                p = c.point();
            }
            if (c.failed || id == null || name == null || pop == null || p == null || c.duplicate(seen, id, "external_id", id)) {
                continue;
            }
            out.add(new Rows.Settlement(List.of(f.number()), id, name, cyrl, ru, en, kind, pop, hh == null ? 0 : hh, region,
                    district, p, boundary));
        }
        return out;
    }
}
