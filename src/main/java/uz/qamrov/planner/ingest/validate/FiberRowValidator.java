package uz.qamrov.planner.ingest.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;

/** Fiber routes (lines) and fiber nodes (points) of an operator. */
final class FiberRowValidator implements LayerRowValidator {

    static final Set<String> ROUTE_KINDS = Set.of("backbone", "regional", "distribution");
    static final Set<String> NODE_KINDS = Set.of("exchange", "olt", "cabinet", "splice");

    private final ValidationContext ctx;
    private final Findings findings;

    FiberRowValidator(ValidationContext ctx, Findings findings) {
        this.ctx = ctx;
        this.findings = findings;
    }

    /** Operator + id → first row, over every chunk of the file: a duplicate in a later chunk is found. */
    private final Map<String, Integer> seen = new HashMap<>();

    /** A route of this status is stored and never counted (fibre km, fixed broadband, the map) until its status is known. */
    static final String UNKNOWN = "unknown";
    /** The network statuses, and for routes also {@link #UNKNOWN} (the ITU sets have it; nodes' sources do not). */
    static final Set<String> ROUTE_STATUSES = Set.copyOf(java.util.stream.Stream.concat(SiteRowValidator.STATUSES.stream(),
            java.util.stream.Stream.of(UNKNOWN)).toList());
    private int unknown;

    @Override
    public List<Rows.ImportRow> validate(List<SourceFeature> features) {
        return ctx.layer() == Layer.FIBER_ROUTES ? routes(features) : nodes(features);
    }

    private List<Rows.ImportRow> routes(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        for (SourceFeature f : features) {
            RowGeometry c = new RowGeometry(f, f.attrs(), findings, ctx);
            if (c.rejectedEarly()) {
                continue;
            }
            String operator = c.operator();
            String id = c.id("route_id", true);
            String status = c.choice("status", ROUTE_STATUSES, "active");
            // distribution cables make fixed broadband "possible" along them: a file must say so, never a default
            String kind = c.choice("route_kind", ROUTE_KINDS, null);
            LocalDate comm = c.date("commissioned_on");
            LocalDate decomm = c.date("decommissioned_on");
            c.dates(status, comm, decomm);
            Double cap = c.number("capacity_gbps", false, 0, 1_000_000, "must be >= 0 Gbit/s");
            List<LineString> lines = c.mergedLines();
            if (c.failed || operator == null || id == null || lines == null) {
                continue;
            }
            if (UNKNOWN.equals(status)) {
                unknown++;
            }
            for (int i = 0; i < lines.size(); i++) {
                // a MultiLineString that does not merge into one line becomes one route per part: <id>-1, <id>-2, …
                String ext = lines.size() == 1 ? id : id + "-" + (i + 1);
                if (c.duplicate(seen, operator + "\u0000" + ext, "route_id", ext)) {
                    break;
                }
                out.add(new Rows.FiberRoute(List.of(f.number()), operator, ext, lines.get(i), status, kind, comm, decomm, cap));
            }
        }
        return out;
    }

    @Override
    public List<String> closingWarnings() {
        return unknown == 0 ? List.of() : List.of(unknown + (unknown == 1 ? " route" : " routes") + " of status 'unknown':"
                + " stored, but not counted (fibre km, fixed broadband, the map) until an upload gives their status");
    }

    private List<Rows.ImportRow> nodes(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        for (SourceFeature f : features) {
            RowGeometry c = new RowGeometry(f, f.attrs(), findings, ctx);
            if (c.rejectedEarly()) {
                continue;
            }
            String operator = c.operator();
            String id = c.id("node_id", true);
            String kind = c.choice("kind", NODE_KINDS, null);
            Integer ports = c.integer("broadband_ports", false, 0, 10_000_000, "must be a port count >= 0");
            String status = c.choice("status", SiteRowValidator.STATUSES, "active");
            LocalDate comm = c.date("commissioned_on");
            LocalDate decomm = c.date("decommissioned_on");
            c.dates(status, comm, decomm);
            Point p = c.point();
            if (c.failed || operator == null || id == null || kind == null || p == null
                    || c.duplicate(seen, operator + "\u0000" + id, "node_id", id)) {
                continue;
            }
            out.add(new Rows.FiberNode(List.of(f.number()), operator, id, p, kind, ports == null ? 0 : ports, status, comm, decomm));
        }
        return out;
    }
}
