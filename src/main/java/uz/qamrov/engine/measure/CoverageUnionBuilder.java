package uz.qamrov.engine.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import uz.qamrov.engine.footprint.CoSitedFootprints;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Technology;

/**
 * Dissolved footprint polygons of the cells active on a date, per region, clipped to the region polygon. Each
 * footprint becomes a polygon ({@link Footprint#toPolygon}; a wedge's arcs get {@link #verticesPerFullCircle} vertices
 * per 360°, inscribed), the radial footprints of one site become one ({@link CoSitedFootprints}: the same shape,
 * 1.6–3.1× less CPU to node), then JTS unary (cascaded) union per region. With a {@link RegionUnionMemo}, a region
 * whose footprints are the very ones of a union built before takes that union. Areas are geodesic
 * ({@link LocalMetric#areaM2}). For maps and the {@code coverage_polygons} table, not for indicators: it is
 * orders of magnitude slower than {@link CoverageModel#evaluate}. Empty input gives empty geometries (area 0).
 *
 * <pre>{@code
 * List<RegionCoverage> g4 = new CoverageUnionBuilder(model).technologyAtLeast(Technology.G4).build(asOf);
 * }</pre>
 */
public final class CoverageUnionBuilder {

    /**
     * The model until {@link #collect} took what a union needs from it: a union built after (background work of
     * seconds to minutes) must not keep a whole generation alive once the model has moved on.
     */
    private CoverageModel model;
    private final GeometryFactory gf;
    private Technology atLeast;
    private String operator;
    private int verticesPerFullCircle = 64;
    private RegionUnionMemo memo;
    private boolean mergeCoSited = true;
    private Runnable beforeEachUnion = () -> { };
    private Runnable betweenPieces = () -> { };

    public CoverageUnionBuilder(CoverageModel model) {
        this.model = model;
        this.gf = model.geometryFactory();
    }

    private CoverageUnionBuilder(GeometryFactory gf) {
        this.gf = gf;
    }

    /**
     * What a region's union draws from {@code fps} within {@code clip} (the same code path as {@link #build}); for
     * {@link DrawingFingerprint}.
     */
    static Geometry draw(GeometryFactory gf, List<Footprint> fps, Geometry clip, int verticesPerFullCircle,
            boolean mergeCoSited) {
        return new CoverageUnionBuilder(gf).verticesPerFullCircle(verticesPerFullCircle).mergeCoSited(mergeCoSited)
                .union(gf, fps, clip);
    }

    /** One-shot form: all regions, technology ≥ {@code atLeast} (null = any), operator (null = any). */
    public static List<RegionCoverage> union(CoverageModel model, LocalDate asOf, Technology atLeast, String operator) {
        return new CoverageUnionBuilder(model).technologyAtLeast(atLeast).operator(operator).build(asOf);
    }

    public CoverageUnionBuilder technologyAtLeast(Technology t) {
        this.atLeast = t;
        return this;
    }

    public CoverageUnionBuilder operator(String op) {
        this.operator = op;
        return this;
    }

    public CoverageUnionBuilder verticesPerFullCircle(int n) {
        this.verticesPerFullCircle = Math.max(8, n);
        return this;
    }

    /** Whether a site's radial footprints are merged before the union (default); off only to measure the gain. */
    public CoverageUnionBuilder mergeCoSited(boolean merge) {
        this.mergeCoSited = merge;
        return this;
    }

    /**
     * Runs before each region's union is built (not before one taken from the memo): where a caller lets more urgent
     * work go first. A region union is up to ~6 s for a big region, a whole build is minutes; {@link #betweenPieces}
     * pauses inside one.
     */
    public CoverageUnionBuilder beforeEachUnion(Runnable hook) {
        this.beforeEachUnion = hook;
        return this;
    }

    /**
     * Runs between the pairwise unions inside a region's union ({@link PausingUnion}: milliseconds to a fraction of a
     * second each), so that more urgent work can go first without waiting for a whole region.
     */
    public CoverageUnionBuilder betweenPieces(Runnable hook) {
        this.betweenPieces = hook;
        return this;
    }

    /** Unions built before, to take again where a region's footprints are the same (null: none). */
    public CoverageUnionBuilder memo(RegionUnionMemo m) {
        this.memo = m;
        return this;
    }

    /**
     * What a union needs from the model: the footprints active on the date (immutable objects) and the regions.
     * Taken at once, so a caller can take them under the model's read lock and union them after releasing it: a
     * change of the model meanwhile cannot touch them.
     */
    public record Inputs(List<Footprint> footprints, List<AdminArea> regions) {
    }

    /** Once per builder: afterwards it holds no model. */
    public Inputs collect(LocalDate asOf) {
        if (model == null) {
            throw new IllegalStateException("this builder's inputs were collected already");
        }
        Inputs in = new Inputs(model.activeFootprints(asOf, atLeast, operator),
                model.adminAreas().stream().filter(AdminArea::isRegion).toList());
        model = null;
        return in;
    }

    public List<RegionCoverage> build(LocalDate asOf) {
        return build(collect(asOf));
    }

    /** The union of collected inputs; reads nothing else from the model. */
    public List<RegionCoverage> build(Inputs inputs) {
        List<Footprint> fps = inputs.footprints();
        List<AdminArea> regions = inputs.regions();
        if (regions.isEmpty()) {
            Geometry u = union(gf, fps, null);
            return List.of(new RegionCoverage(CoverageModel.NATIONAL_CODE, atLeast, operator, u,
                    LocalMetric.areaM2(u) / 1e6));
        }
        RegionCoverage[] out = new RegionCoverage[regions.size()];
        IntStream.range(0, regions.size()).parallel().forEach(i -> {
            AdminArea r = regions.get(i);
            Envelope box = r.polygon().getEnvelopeInternal();
            List<Footprint> near = new ArrayList<>();
            for (Footprint f : fps) {
                if (box.intersects(f.envelope())) {
                    near.add(f);
                }
            }
            RegionCoverage before = memo == null ? null
                    : memo.find(r.code(), r.polygon(), verticesPerFullCircle, mergeCoSited, atLeast, operator, near);
            if (before != null) {
                out[i] = before;
                return;
            }
            beforeEachUnion.run();
            Geometry u = union(gf, near, r.polygon());
            RegionCoverage built = new RegionCoverage(r.code(), atLeast, operator, u, LocalMetric.areaM2(u) / 1e6);
            out[i] = memo == null ? built : memo.keep(built, r.polygon(), verticesPerFullCircle, mergeCoSited, near);
        });
        return List.of(out);
    }

    private Geometry union(GeometryFactory gf, List<Footprint> fps, Geometry clip) {
        PreparedGeometry prep = clip == null ? null : PreparedGeometryFactory.prepare(clip);
        List<Geometry> polys = new ArrayList<>();
        for (Polygon p : polygons(gf, fps)) {
            if (prep == null || prep.intersects(p)) {
                polys.add(p);
            }
        }
        if (polys.isEmpty()) {
            return gf.createMultiPolygon();
        }
        Geometry u = PausingUnion.union(polys, betweenPieces);
        if (clip != null) {
            u = u.intersection(clip);
        }
        return toMultiPolygon(gf, u);
    }

    /**
     * One polygon per footprint, except that the radial footprints of one apex (a site's cells) become one polygon,
     * their exact union: a dissolve over a region then nodes each site once instead of once per cell. {@code fps} are
     * already those near the region ({@link #build(Inputs)} keeps the ones whose envelope meets the region's).
     */
    private List<Polygon> polygons(GeometryFactory gf, List<Footprint> fps) {
        List<Polygon> out = new ArrayList<>();
        Map<CoSitedFootprints.Apex, List<RadialFootprint>> sites = new LinkedHashMap<>();
        for (Footprint f : fps) {
            if (mergeCoSited && f instanceof RadialFootprint rf && CoSitedFootprints.canMerge(rf)) {
                sites.computeIfAbsent(CoSitedFootprints.Apex.of(rf), k -> new ArrayList<>(4)).add(rf);
            } else {
                out.add(f.toPolygon(gf, verticesPerFullCircle));
            }
        }
        for (List<RadialFootprint> site : sites.values()) {
            out.add(site.size() == 1 ? site.get(0).toPolygon(gf, verticesPerFullCircle)
                    : CoSitedFootprints.union(gf, site));
        }
        return out;
    }

    /** Keeps only the polygonal parts (an intersection may add slivers of lower dimension). */
    static MultiPolygon toMultiPolygon(GeometryFactory gf, Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon poly && !poly.isEmpty()) {
                parts.add(poly);
            } else if (p instanceof Polygonal && p instanceof MultiPolygon mp) {
                for (int k = 0; k < mp.getNumGeometries(); k++) {
                    parts.add((Polygon) mp.getGeometryN(k));
                }
            }
        }
        return gf.createMultiPolygon(parts.toArray(new Polygon[0]));
    }
}
