package uz.qamrov.engine.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.footprint.CellRange;
import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.FootprintModel;
import uz.qamrov.engine.footprint.SectorFootprint;
import uz.qamrov.engine.footprint.SectorFootprintModel;
import uz.qamrov.engine.footprint.CellRangeCalculator;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.index.AreaIndex;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;

/**
 * Precomputed coverage geometry of a national network, evaluated for any date and filter without redoing geometry.
 *
 * <p>At build time (independent of date and filter) every cell's footprint is intersected with what it can reach
 * through STRtrees over settlements and line edges:
 * <ul>
 * <li>settlement without boundary: the cells whose footprint contains its point;</li>
 * <li>settlement with boundary: per candidate cell a bitset of the boundary's sample points it contains; on
 * evaluation the bitsets of the active cells are OR-ed and the settlement is covered when the covered share
 * reaches {@link CoverageSettings#settlementAreaCoveredRatio()} (default 0.5);</li>
 * <li>transport lines: cut into edges ≤ {@link CoverageSettings#lineSegmentMaxLengthM()} grouped in chunks of the same
 * length that take region/district from their mid-point (km marks are geodesic from the start); per edge the exact
 * covered parameter intervals of each cell;</li>
 * <li>fixed broadband: per settlement the fiber routes and nodes within
 * {@link CoverageSettings#fiberDropDistanceM()} of its point or boundary, and its declarations;</li>
 * <li>fiber length per region/district (2 km pieces by mid-point), sites and nodes per region/district (by point).</li>
 * </ul>
 * {@link #evaluate} then only checks validity ({@code validity.contains(asOf)}), the filter and technology order,
 * merges intervals and aggregates. All coordinates WGS84 lon/lat; lengths geodesic.
 *
 * <p>Incremental updates ({@link #applySiteChanges}, {@link #applyFiberChanges}) recompute only the settlements and
 * edges that the changed features reach and give the same results as a rebuild.
 *
 * <p>Thread-safety: {@code evaluate} and the read accessors take a read lock and may run concurrently; updates
 * take the write lock. Empty inputs are allowed (indicators then contain counts of 0 and no ratios).
 *
 * <p>Limitations: the area rule is sampled (≈ {@link CoverageSettings#polygonSampleCount()} points), so settlements
 * within a few percent of the threshold may differ from an exact polygon overlay; at most 64 distinct operators;
 * footprints ignore terrain unless a custom {@link FootprintModel} is supplied.
 */
public final class CoverageModel {

    /** Scope code of the national scope. */
    public static final String NATIONAL_CODE = "UZ";

    private static final int[] NO_INTS = new int[0];
    private static final double[] NO_DOUBLES = new double[0];
    private static final int MOBILE = 3;

    private final CoverageSettings settings;
    private final GeometryFactory gf;
    private final AreaIndex areaIndex;
    private final EnvironmentClassifier classifier;
    private final FootprintModel customFootprintModel;
    private final Scopes scopes;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<AdminArea> adminAreas;

    private final List<String> operators = new ArrayList<>();
    private final Map<String, Integer> operatorIds = new HashMap<>();

    // settlements (static)
    private final SettlementRec[] settlements;
    private final Map<Long, Integer> settlementIdx = new HashMap<>();
    private final STRtree settlementTree = new STRtree();

    // lines and edges (static geometry, mutable cover lists)
    private final LineRec[] lines;
    private final int edgeCount;
    private final int[] edgeLine;
    private final double[] edgeLon0;
    private final double[] edgeLat0;
    private final double[] edgeLon1;
    private final double[] edgeLat1;
    private final double[] edgeStartKm;
    private final double[] edgeLenKm;
    private final int[] edgeRegion;
    private final int[] edgeDistrict;
    private final int[][] edgeCells;
    private final double[][] edgeT;
    private final STRtree edgeTree = new STRtree();

    // network (mutable)
    private final ArrayList<CellRec> cells = new ArrayList<>();
    private final Map<Long, Integer> cellSlot = new HashMap<>();
    private final Map<Long, SiteRec> sites = new LinkedHashMap<>();
    private final ArrayList<RouteRec> routes = new ArrayList<>();
    private final Map<Long, Integer> routeSlot = new HashMap<>();
    private final ArrayList<NodeRec> nodes = new ArrayList<>();
    private final Map<Long, Integer> nodeSlot = new HashMap<>();
    private final Map<Point, EnvironmentClass> environmentCache = new ConcurrentHashMap<>();

    private record Point(double lon, double lat) {
    }

    static final class SettlementRec {
        final Settlement s;
        final int region;
        final int district;
        final double[] sampleLon;
        final double[] sampleLat;
        final int words;
        final Geometry localBoundary;
        final LocalMetric metric;
        final Envelope envelope;
        final double discLon;
        final double discLat;
        final double discRadiusM;
        final long[] allBits;
        int[] cells = NO_INTS;
        long[][] bits;
        int[] routes = NO_INTS;
        int[] nodes = NO_INTS;
        List<ServiceDeclaration> declarations = List.of();

        SettlementRec(Settlement s, int region, int district, double[][] samples, Geometry localBoundary) {
            this.s = s;
            this.region = region;
            this.district = district;
            this.sampleLon = samples == null ? null : samples[0];
            this.sampleLat = samples == null ? null : samples[1];
            this.words = samples == null ? 0 : (samples[0].length + 63) / 64;
            this.localBoundary = localBoundary;
            this.metric = LocalMetric.at(s.lon(), s.lat());
            this.envelope = s.boundary() == null ? new Envelope(s.lon(), s.lon(), s.lat(), s.lat())
                    : new Envelope(s.boundary().getEnvelopeInternal());
            this.bits = samples == null ? null : new long[0][];
            this.discLon = envelope.centre().x;
            this.discLat = envelope.centre().y;
            double rMax = 0;
            long[] all = samples == null ? null : new long[words];
            if (samples != null) {
                for (int i = 0; i < samples[0].length; i++) {
                    rMax = Math.max(rMax, LocalMetric.distanceM(discLon, discLat, samples[0][i], samples[1][i]));
                    all[i >>> 6] |= 1L << (i & 63);
                }
            }
            this.discRadiusM = rMax;
            this.allBits = all;
        }

        boolean areaRule() {
            return sampleLon != null;
        }
    }

    record LineRec(TransportLine line, int firstEdge, int endEdge, double lengthKm, boolean international,
            boolean internationalState, boolean railCorridor) {
    }

    static final class CellRec {
        final Cell cell;
        final Footprint footprint;
        final CellRange range;
        final int op;
        final long from;
        final long to;
        int[] settlements = NO_INTS;
        int[] edges = NO_INTS;

        CellRec(Cell cell, Footprint footprint, CellRange range, int op) {
            this.cell = cell;
            this.footprint = footprint;
            this.range = range;
            this.op = op;
            this.from = cell.validity().fromEpochDay();
            this.to = cell.validity().toEpochDay();
        }
    }

    record SiteRec(Site site, int op, int region, int district) {
    }

    static final class RouteRec {
        final FiberRoute route;
        final int op;
        final long from;
        final long to;
        final int[] scopes;
        final double[] km;
        final double totalKm;
        int[] settlements = NO_INTS;

        RouteRec(FiberRoute route, int op, int[] scopes, double[] km, double totalKm) {
            this.route = route;
            this.op = op;
            this.from = route.validity().fromEpochDay();
            this.to = route.validity().toEpochDay();
            this.scopes = scopes;
            this.km = km;
            this.totalKm = totalKm;
        }
    }

    static final class NodeRec {
        final FiberNode node;
        final int op;
        final long from;
        final long to;
        final int region;
        final int district;
        int[] settlements = NO_INTS;

        NodeRec(FiberNode node, int op, int region, int district) {
            this.node = node;
            this.op = op;
            this.from = node.validity().fromEpochDay();
            this.to = node.validity().toEpochDay();
            this.region = region;
            this.district = district;
        }
    }

    /** New builder; same as {@code new CoverageModelBuilder()}. */
    public static CoverageModelBuilder builder() {
        return new CoverageModelBuilder();
    }

    CoverageModel(CoverageModelBuilder b) {
        this.settings = b.settings;
        this.gf = b.geometryFactory;
        this.adminAreas = List.copyOf(b.adminAreas);
        this.areaIndex = new AreaIndex(b.adminAreas);
        this.classifier = new EnvironmentClassifier(b.settlements, settings.environment());
        this.customFootprintModel = b.footprintModel;
        this.scopes = buildScopes(b);

        // settlements
        this.settlements = new SettlementRec[b.settlements.size()];
        for (int i = 0; i < settlements.length; i++) {
            Settlement s = b.settlements.get(i);
            if (settlementIdx.put(s.id(), i) != null) {
                throw InvalidInputException.of("duplicate settlement id", "settlementId", s.id());
            }
        }
        IntStream.range(0, settlements.length).parallel().forEach(i -> settlements[i] = settlementRec(b.settlements.get(i)));
        for (int i = 0; i < settlements.length; i++) {
            settlementTree.insert(settlements[i].envelope, i);
        }
        settlementTree.build();

        // lines
        this.lines = new LineRec[b.lines.size()];
        LineChunker.Pieces[] pieces = new LineChunker.Pieces[lines.length];
        IntStream.range(0, lines.length).parallel()
                .forEach(i -> pieces[i] = LineChunker.cut(b.lines.get(i).geometry(), settings.lineSegmentMaxLengthM()));
        int total = 0;
        Set<Long> lineIds = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            TransportLine tl = b.lines.get(i);
            if (!lineIds.add(tl.id() * 2 + tl.kind().ordinal())) {
                throw InvalidInputException.of("duplicate transport line id", "lineId", tl.id(), "kind", tl.kind());
            }
            boolean intl = tl.kind() == LineKind.HIGHWAY && "international".equals(tl.lineClass());
            boolean intlState = tl.kind() == LineKind.HIGHWAY && (intl || "state".equals(tl.lineClass()));
            boolean rail = tl.kind() == LineKind.RAILWAY && IndicatorKeys.RAIL_CORRIDOR_KEY.equals(tl.key());
            lines[i] = new LineRec(tl, total, total + pieces[i].n, pieces[i].totalM / 1000, intl, intlState, rail);
            total += pieces[i].n;
        }
        this.edgeCount = total;
        edgeLine = new int[total];
        edgeLon0 = new double[total];
        edgeLat0 = new double[total];
        edgeLon1 = new double[total];
        edgeLat1 = new double[total];
        edgeStartKm = new double[total];
        edgeLenKm = new double[total];
        edgeRegion = new int[total];
        edgeDistrict = new int[total];
        edgeCells = new int[total][];
        edgeT = new double[total][];
        IntStream.range(0, lines.length).parallel().forEach(li -> fillEdges(li, pieces[li]));
        for (int e = 0; e < total; e++) {
            edgeCells[e] = NO_INTS;
            edgeT[e] = NO_DOUBLES;
            edgeTree.insert(new Envelope(edgeLon0[e], edgeLon1[e], edgeLat0[e], edgeLat1[e]), e);
        }
        edgeTree.build();

        // declarations
        Map<Integer, List<ServiceDeclaration>> decl = new HashMap<>();
        for (ServiceDeclaration d : b.declarations) {
            Integer si = settlementIdx.get(d.settlementId());
            if (si == null) {
                throw InvalidInputException.of("declaration for unknown settlement", "settlementId", d.settlementId(),
                        "operator", d.operator());
            }
            operatorId(d.operator());
            decl.computeIfAbsent(si, k -> new ArrayList<>()).add(d);
        }
        decl.forEach((si, l) -> settlements[si].declarations = List.copyOf(l));

        // network
        for (Site s : b.sites) {
            if (sites.containsKey(s.id())) {
                throw InvalidInputException.of("duplicate site id", "siteId", s.id());
            }
            sites.put(s.id(), siteRec(s));
        }
        addCells(b.cells, null, null, true);
        addRoutes(b.fiberRoutes, null);
        addNodes(b.fiberNodes, null);
    }

    // ------------------------------------------------------------------ build helpers

    private Scopes buildScopes(CoverageModelBuilder b) {
        TreeMap<String, String> regions = new TreeMap<>();
        TreeMap<String, String> districts = new TreeMap<>();
        for (AdminArea a : b.adminAreas) {
            if (a.isRegion()) {
                regions.put(a.code(), a.code());
            } else {
                regions.putIfAbsent(a.regionCode(), a.regionCode());
                districts.put(a.code(), a.regionCode());
            }
        }
        for (Settlement s : b.settlements) {
            if (s.regionCode() != null) {
                regions.putIfAbsent(s.regionCode(), s.regionCode());
            }
            if (s.districtCode() != null) {
                districts.putIfAbsent(s.districtCode(), s.regionCode());
            }
        }
        return new Scopes(regions, districts);
    }

    private int[] scopesAt(double lon, double lat) {
        AreaIndex.AreaCodes c = areaIndex.lookup(lon, lat);
        return new int[] {scopes.region(c.regionCode()), scopes.district(c.districtCode())};
    }

    private SettlementRec settlementRec(Settlement s) {
        int region = scopes.region(s.regionCode());
        int district = scopes.district(s.districtCode());
        if (s.regionCode() == null) {
            int[] sc = scopesAt(s.lon(), s.lat());
            region = sc[0];
            district = district >= 0 ? district : sc[1];
        }
        if (s.boundary() == null) {
            return new SettlementRec(s, region, district, null, null);
        }
        double[][] samples = PolygonSampler.sample(s.boundary(), settings.polygonSampleCount());
        LocalMetric m = LocalMetric.at(s.lon(), s.lat());
        Geometry local = s.boundary().copy();
        local.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double[] p = m.toLocal(c.x, c.y);
            c.x = p[0];
            c.y = p[1];
        });
        local.geometryChanged();
        return new SettlementRec(s, region, district, samples, local);
    }

    private void fillEdges(int li, LineChunker.Pieces p) {
        int base = lines[li].firstEdge();
        int chunkStart = 0;
        for (int i = 0; i <= p.n; i++) {
            if (i == p.n || p.chunk[i] != p.chunk[chunkStart]) {
                if (i > chunkStart) {
                    double[] mid = p.chunkMid(chunkStart, i);
                    int[] sc = scopesAt(mid[0], mid[1]);
                    for (int k = chunkStart; k < i; k++) {
                        edgeRegion[base + k] = sc[0];
                        edgeDistrict[base + k] = sc[1];
                    }
                }
                chunkStart = i;
            }
            if (i < p.n) {
                int e = base + i;
                edgeLine[e] = li;
                edgeLon0[e] = p.lon0[i];
                edgeLat0[e] = p.lat0[i];
                edgeLon1[e] = p.lon1[i];
                edgeLat1[e] = p.lat1[i];
                edgeStartKm[e] = p.startM[i] / 1000;
                edgeLenKm[e] = p.lenM[i] / 1000;
            }
        }
    }

    private synchronized int operatorId(String op) {
        Integer id = operatorIds.get(op);
        if (id == null) {
            if (operators.size() == 64) {
                throw InvalidInputException.of("more than 64 operators", "operator", op);
            }
            id = operators.size();
            operators.add(op);
            operatorIds.put(op, id);
        }
        return id;
    }

    private SiteRec siteRec(Site s) {
        int[] sc = scopesAt(s.lon(), s.lat());
        return new SiteRec(s, operatorId(s.operator()), sc[0], sc[1]);
    }

    private CellRec cellRec(Cell c) {
        int op = operatorId(c.operator());
        if (customFootprintModel != null) {
            return new CellRec(c, customFootprintModel.footprintOf(c), null, op);
        }
        EnvironmentClass env = environmentCache.computeIfAbsent(new Point(c.lon(), c.lat()),
                p -> classifier.classify(p.lon(), p.lat()));
        CellRange range = CellRangeCalculator.rangeOf(c, env, settings.linkBudget());
        return new CellRec(c, SectorFootprintModel.footprintOf(c, range), range, op);
    }

    /** Settlement hits {idx, bits-or-null} and edge hits {idx, intervals} of one footprint. Pure, thread-safe. */
    private record Hits(int[] settlements, long[][] bits, int[] edges, double[][] intervals) {
    }

    private Hits hitsOf(Footprint fp, List<Integer> sCand, List<Integer> eCand) {
        Envelope env = fp.envelope();
        int[] sIdx = new int[sCand.size()];
        long[][] bits = new long[sCand.size()][];
        int ns = 0;
        for (Integer si : sCand) {
            SettlementRec r = settlements[si];
            if (!env.intersects(r.envelope)) {
                continue;
            }
            if (!r.areaRule()) {
                if (fp.contains(r.s.lon(), r.s.lat())) {
                    sIdx[ns++] = si;
                }
            } else {
                int rel = fp.relateDisc(r.discLon, r.discLat, r.discRadiusM);
                // shared and never mutated: evaluation only ORs from it
                long[] bs = rel < 0 ? null : rel > 0 ? r.allBits : sampleBits(fp, r);
                if (bs != null) {
                    bits[ns] = bs;
                    sIdx[ns++] = si;
                }
            }
        }
        int[] eIdx = new int[eCand.size()];
        double[][] iv = new double[eCand.size()][];
        int ne = 0;
        for (Integer e : eCand) {
            if (Math.max(edgeLon0[e], edgeLon1[e]) < env.getMinX() || Math.min(edgeLon0[e], edgeLon1[e]) > env.getMaxX()
                    || Math.max(edgeLat0[e], edgeLat1[e]) < env.getMinY()
                    || Math.min(edgeLat0[e], edgeLat1[e]) > env.getMaxY()) {
                continue;
            }
            double[] t = fp.coveredIntervals(edgeLon0[e], edgeLat0[e], edgeLon1[e], edgeLat1[e]);
            if (t.length > 0) {
                eIdx[ne] = e;
                iv[ne++] = t;
            }
        }
        return new Hits(Arrays.copyOf(sIdx, ns), Arrays.copyOf(bits, ns), Arrays.copyOf(eIdx, ne), Arrays.copyOf(iv, ne));
    }

    private static long[] sampleBits(Footprint fp, SettlementRec r) {
        int n = r.sampleLon.length;
        long[] bits = new long[r.words];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (fp.contains(r.sampleLon[i], r.sampleLat[i])) {
                bits[i >>> 6] |= 1L << (i & 63);
                any = true;
            }
        }
        return any ? bits : null;
    }

    /**
     * Adds cells; during the initial build ({@code bulk}) the per-settlement and per-edge lists are filled by
     * counting sort instead of appending, which is what keeps a 250k-cell build linear.
     */
    private void addCells(Collection<Cell> add, Set<Integer> touchedS, Set<Integer> touchedE, boolean bulk) {
        List<Cell> list = new ArrayList<>(add);
        Set<Long> seen = new HashSet<>();
        for (Cell c : list) {
            if (!seen.add(c.id()) || cellSlot.containsKey(c.id())) {
                throw InvalidInputException.of("duplicate cell id", "cellId", c.id());
            }
        }
        CellRec[] recs = new CellRec[list.size()];
        Hits[] hits = new Hits[list.size()];
        // cells of one site share their location: one environment lookup and one pair of tree queries per site
        Map<Point, List<Integer>> bySite = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            bySite.computeIfAbsent(new Point(list.get(i).lon(), list.get(i).lat()), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(bySite.values());
        IntStream.range(0, groups.size()).parallel().forEach(g -> {
            List<Integer> group = groups.get(g);
            Envelope env = new Envelope();
            for (int i : group) {
                recs[i] = cellRec(list.get(i));
                env.expandToInclude(recs[i].footprint.envelope());
            }
            @SuppressWarnings("unchecked")
            List<Integer> sCand = settlementTree.query(env);
            @SuppressWarnings("unchecked")
            List<Integer> eCand = edgeTree.query(env);
            for (int i : group) {
                hits[i] = hitsOf(recs[i].footprint, sCand, eCand);
            }
        });
        int[] slots = new int[recs.length];
        for (int i = 0; i < recs.length; i++) {
            slots[i] = cells.size();
            cellSlot.put(recs[i].cell.id(), slots[i]);
            cells.add(recs[i]);
            recs[i].settlements = hits[i].settlements;
            recs[i].edges = hits[i].edges;
        }
        if (bulk) {
            bulkAttach(slots, hits);
            return;
        }
        for (int i = 0; i < recs.length; i++) {
            Hits h = hits[i];
            for (int k = 0; k < h.settlements.length; k++) {
                SettlementRec r = settlements[h.settlements[k]];
                int len = r.cells.length;
                r.cells = Arrays.copyOf(r.cells, len + 1);
                r.cells[len] = slots[i];
                if (r.areaRule()) {
                    r.bits = Arrays.copyOf(r.bits, len + 1);
                    r.bits[len] = h.bits[k];
                }
                touchedS.add(h.settlements[k]);
            }
            for (int k = 0; k < h.edges.length; k++) {
                int e = h.edges[k];
                double[] iv = h.intervals[k];
                int len = edgeCells[e].length;
                int add2 = iv.length / 2;
                edgeCells[e] = Arrays.copyOf(edgeCells[e], len + add2);
                edgeT[e] = Arrays.copyOf(edgeT[e], 2 * (len + add2));
                for (int j = 0; j < add2; j++) {
                    edgeCells[e][len + j] = slots[i];
                    edgeT[e][2 * (len + j)] = iv[2 * j];
                    edgeT[e][2 * (len + j) + 1] = iv[2 * j + 1];
                }
                touchedE.add(e);
            }
        }
    }

    private void bulkAttach(int[] slots, Hits[] hits) {
        int[] sCount = new int[settlements.length];
        int[] eCount = new int[edgeCount];
        for (Hits h : hits) {
            for (int s : h.settlements) {
                sCount[s]++;
            }
            for (int k = 0; k < h.edges.length; k++) {
                eCount[h.edges[k]] += h.intervals[k].length / 2;
            }
        }
        for (int s = 0; s < settlements.length; s++) {
            settlements[s].cells = new int[sCount[s]];
            if (settlements[s].areaRule()) {
                settlements[s].bits = new long[sCount[s]][];
            }
            sCount[s] = 0;
        }
        for (int e = 0; e < edgeCount; e++) {
            edgeCells[e] = eCount[e] == 0 ? NO_INTS : new int[eCount[e]];
            edgeT[e] = eCount[e] == 0 ? NO_DOUBLES : new double[2 * eCount[e]];
            eCount[e] = 0;
        }
        for (int i = 0; i < hits.length; i++) {
            Hits h = hits[i];
            for (int k = 0; k < h.settlements.length; k++) {
                SettlementRec r = settlements[h.settlements[k]];
                int at = sCount[h.settlements[k]]++;
                r.cells[at] = slots[i];
                if (r.areaRule()) {
                    r.bits[at] = h.bits[k];
                }
            }
            for (int k = 0; k < h.edges.length; k++) {
                int e = h.edges[k];
                double[] iv = h.intervals[k];
                for (int j = 0; j < iv.length / 2; j++) {
                    int at = eCount[e]++;
                    edgeCells[e][at] = slots[i];
                    edgeT[e][2 * at] = iv[2 * j];
                    edgeT[e][2 * at + 1] = iv[2 * j + 1];
                }
            }
        }
    }

    private void removeCell(long cellId, Set<Integer> touchedS, Set<Integer> touchedE) {
        Integer slot = cellSlot.remove(cellId);
        if (slot == null) {
            return;
        }
        CellRec rec = cells.get(slot);
        cells.set(slot, null);
        for (int si : rec.settlements) {
            SettlementRec r = settlements[si];
            int keep = 0;
            for (int k = 0; k < r.cells.length; k++) {
                if (r.cells[k] != slot) {
                    r.cells[keep] = r.cells[k];
                    if (r.areaRule()) {
                        r.bits[keep] = r.bits[k];
                    }
                    keep++;
                }
            }
            r.cells = Arrays.copyOf(r.cells, keep);
            if (r.areaRule()) {
                r.bits = Arrays.copyOf(r.bits, keep);
            }
            touchedS.add(si);
        }
        for (int e : rec.edges) {
            int[] c = edgeCells[e];
            double[] t = edgeT[e];
            int keep = 0;
            for (int k = 0; k < c.length; k++) {
                if (c[k] != slot) {
                    c[keep] = c[k];
                    t[2 * keep] = t[2 * k];
                    t[2 * keep + 1] = t[2 * k + 1];
                    keep++;
                }
            }
            edgeCells[e] = Arrays.copyOf(c, keep);
            edgeT[e] = Arrays.copyOf(t, 2 * keep);
            touchedE.add(e);
        }
    }

    private void addRoutes(Collection<FiberRoute> add, Set<Integer> touchedS) {
        List<FiberRoute> list = new ArrayList<>(add);
        Set<Long> seen = new HashSet<>();
        for (FiberRoute r : list) {
            if (!seen.add(r.id()) || routeSlot.containsKey(r.id())) {
                throw InvalidInputException.of("duplicate fiber route id", "routeId", r.id());
            }
        }
        RouteRec[] recs = new RouteRec[list.size()];
        IntStream.range(0, recs.length).parallel().forEach(i -> recs[i] = routeRec(list.get(i)));
        for (RouteRec rec : recs) {
            int slot = routes.size();
            routes.add(rec);
            routeSlot.put(rec.route.id(), slot);
        }
        attach(recs.length, i -> recs[i].settlements, routes.size() - recs.length, true, touchedS);
    }

    private RouteRec routeRec(FiberRoute route) {
        int op = operatorId(route.operator());
        LineChunker.Pieces p = LineChunker.cut(route.geometry(), settings.lineSegmentMaxLengthM());
        Map<Integer, Double> km = new TreeMap<>();
        Set<Integer> near = new HashSet<>();
        double pad = settings.fiberDropDistanceM();
        int chunkStart = 0;
        for (int i = 0; i <= p.n; i++) {
            if (i == p.n || p.chunk[i] != p.chunk[chunkStart]) {
                if (i > chunkStart) {
                    double[] mid = p.chunkMid(chunkStart, i);
                    int[] sc = scopesAt(mid[0], mid[1]);
                    double len = 0;
                    Envelope env = new Envelope();
                    for (int k = chunkStart; k < i; k++) {
                        len += p.lenM[k];
                        env.expandToInclude(p.lon0[k], p.lat0[k]);
                        env.expandToInclude(p.lon1[k], p.lat1[k]);
                    }
                    for (int s : sc) {
                        if (s >= 0) {
                            km.merge(s, len / 1000, Double::sum);
                        }
                    }
                    if (route.access()) {
                        nearSettlements(p, chunkStart, i, env, pad, near);
                    }
                }
                chunkStart = i;
            }
        }
        int[] sc = new int[km.size()];
        double[] v = new double[km.size()];
        int j = 0;
        for (var e : km.entrySet()) {
            sc[j] = e.getKey();
            v[j++] = e.getValue();
        }
        RouteRec rec = new RouteRec(route, op, sc, v, p.totalM / 1000);
        rec.settlements = near.stream().mapToInt(Integer::intValue).sorted().toArray();
        return rec;
    }

    private void nearSettlements(LineChunker.Pieces p, int from, int to, Envelope env, double padM, Set<Integer> out) {
        Envelope q = expandM(env, padM);
        @SuppressWarnings("unchecked")
        List<Integer> cand = settlementTree.query(q);
        for (Integer si : cand) {
            if (out.contains(si)) {
                continue;
            }
            SettlementRec r = settlements[si];
            Coordinate[] cs = new Coordinate[to - from + 1];
            for (int k = from; k < to; k++) {
                double[] a = r.metric.toLocal(p.lon0[k], p.lat0[k]);
                cs[k - from] = new Coordinate(a[0], a[1]);
            }
            double[] last = r.metric.toLocal(p.lon1[to - 1], p.lat1[to - 1]);
            cs[to - from] = new Coordinate(last[0], last[1]);
            LineString local = gf.createLineString(cs);
            Geometry target = r.localBoundary != null ? r.localBoundary : gf.createPoint(new Coordinate(0, 0));
            if (target.isWithinDistance(local, padM)) {
                out.add(si);
            }
        }
    }

    private static Envelope expandM(Envelope env, double m) {
        double dLat = m / 110_500.0 * 1.01 + 1e-9;
        double maxLat = Math.max(Math.abs(env.getMinY()), Math.abs(env.getMaxY())) + dLat;
        double dLon = dLat / Math.cos(Math.toRadians(Math.min(89, maxLat)));
        Envelope e = new Envelope(env);
        e.expandBy(dLon, dLat);
        return e;
    }

    private void addNodes(Collection<FiberNode> add, Set<Integer> touchedS) {
        List<FiberNode> list = new ArrayList<>(add);
        Set<Long> seen = new HashSet<>();
        for (FiberNode n : list) {
            if (!seen.add(n.id()) || nodeSlot.containsKey(n.id())) {
                throw InvalidInputException.of("duplicate fiber node id", "nodeId", n.id());
            }
        }
        NodeRec[] recs = new NodeRec[list.size()];
        IntStream.range(0, recs.length).parallel().forEach(i -> {
            FiberNode n = list.get(i);
            int[] sc = scopesAt(n.lon(), n.lat());
            NodeRec rec = new NodeRec(n, operatorId(n.operator()), sc[0], sc[1]);
            Set<Integer> near = new HashSet<>();
            @SuppressWarnings("unchecked")
            List<Integer> cand = settlementTree.query(expandM(new Envelope(n.lon(), n.lon(), n.lat(), n.lat()),
                    settings.fiberDropDistanceM()));
            for (Integer si : cand) {
                SettlementRec r = settlements[si];
                double d;
                if (r.localBoundary == null) {
                    d = LocalMetric.distanceM(r.s.lon(), r.s.lat(), n.lon(), n.lat());
                } else {
                    double[] a = r.metric.toLocal(n.lon(), n.lat());
                    d = r.localBoundary.distance(gf.createPoint(new Coordinate(a[0], a[1])));
                }
                if (d <= settings.fiberDropDistanceM()) {
                    near.add(si);
                }
            }
            rec.settlements = near.stream().mapToInt(Integer::intValue).sorted().toArray();
            recs[i] = rec;
        });
        for (NodeRec rec : recs) {
            nodeSlot.put(rec.node.id(), nodes.size());
            nodes.add(rec);
        }
        attach(recs.length, i -> recs[i].settlements, nodes.size() - recs.length, false, touchedS);
    }

    /** Appends fiber slots {@code firstSlot + i} to the settlements each new feature reaches. */
    private void attach(int n, java.util.function.IntFunction<int[]> settlementsOf, int firstSlot, boolean route,
            Set<Integer> touchedS) {
        Map<Integer, List<Integer>> bySettlement = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int si : settlementsOf.apply(i)) {
                bySettlement.computeIfAbsent(si, k -> new ArrayList<>()).add(firstSlot + i);
            }
        }
        bySettlement.forEach((si, slots) -> {
            SettlementRec r = settlements[si];
            int[] old = route ? r.routes : r.nodes;
            int[] merged = Arrays.copyOf(old, old.length + slots.size());
            for (int k = 0; k < slots.size(); k++) {
                merged[old.length + k] = slots.get(k);
            }
            if (route) {
                r.routes = merged;
            } else {
                r.nodes = merged;
            }
            if (touchedS != null) {
                touchedS.add(si);
            }
        });
    }

    private static int[] without(int[] a, int slot) {
        int keep = 0;
        int[] out = new int[a.length];
        for (int v : a) {
            if (v != slot) {
                out[keep++] = v;
            }
        }
        return Arrays.copyOf(out, keep);
    }

    // ------------------------------------------------------------------ incremental updates

    /**
     * Removes and adds cells and sites, recomputing only the settlements and line edges the affected footprints
     * reach. A cell id that is both removed and added is replaced. Removing a site does not remove its cells (pass
     * their ids too). Results equal those of a full rebuild with the same inputs.
     *
     * @throws InvalidInputException when an added cell or site id already exists and is not being removed
     */
    public ChangeStats applySiteChanges(Collection<Long> removedCellIds, Collection<Cell> addedCells,
            Collection<Long> removedSiteIds, Collection<Site> addedSites) {
        lock.writeLock().lock();
        try {
            Set<Integer> touchedS = new HashSet<>();
            Set<Integer> touchedE = new HashSet<>();
            for (Long id : removedCellIds) {
                removeCell(id, touchedS, touchedE);
            }
            addCells(addedCells, touchedS, touchedE, false);
            for (Long id : removedSiteIds) {
                sites.remove(id);
            }
            for (Site s : addedSites) {
                if (sites.containsKey(s.id())) {
                    throw InvalidInputException.of("duplicate site id", "siteId", s.id());
                }
                sites.put(s.id(), siteRec(s));
            }
            return new ChangeStats(touchedS.size(), touchedE.size());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes and adds fiber routes and nodes, updating only the settlements within the drop distance of them.
     * {@code touchedSegments} of the result is always 0 (fiber does not affect lines).
     */
    public ChangeStats applyFiberChanges(Collection<Long> removedRouteIds, Collection<FiberRoute> addedRoutes,
            Collection<Long> removedNodeIds, Collection<FiberNode> addedNodes) {
        lock.writeLock().lock();
        try {
            Set<Integer> touchedS = new HashSet<>();
            for (Long id : removedRouteIds) {
                Integer slot = routeSlot.remove(id);
                if (slot != null) {
                    for (int si : routes.get(slot).settlements) {
                        settlements[si].routes = without(settlements[si].routes, slot);
                        touchedS.add(si);
                    }
                    routes.set(slot, null);
                }
            }
            for (Long id : removedNodeIds) {
                Integer slot = nodeSlot.remove(id);
                if (slot != null) {
                    for (int si : nodes.get(slot).settlements) {
                        settlements[si].nodes = without(settlements[si].nodes, slot);
                        touchedS.add(si);
                    }
                    nodes.set(slot, null);
                }
            }
            addRoutes(addedRoutes, touchedS);
            addNodes(addedNodes, touchedS);
            return new ChangeStats(touchedS.size(), 0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ------------------------------------------------------------------ evaluation

    /**
     * Only the indicators at a date — what the dashboards, the target trends and an import's report need. Same
     * values as {@code evaluate(asOf, filter).indicators()}, without building the per-settlement list and the road
     * and rail stretch geometries (most of an evaluation's time).
     */
    public Indicators indicators(LocalDate asOf, CoverageFilter filter) {
        return underReadLock(asOf, filter, Evaluation::indicatorsOnly);
    }

    /**
     * Evaluates coverage and indicators on {@code asOf} for the filter. Does no geometry beyond building the output
     * stretch lines.
     */
    public CoverageSnapshot evaluate(LocalDate asOf, CoverageFilter filter) {
        return underReadLock(asOf, filter, Evaluation::run);
    }

    private <T> T underReadLock(LocalDate asOf, CoverageFilter filter, java.util.function.Function<Evaluation, T> work) {
        if (asOf == null) {
            throw InvalidInputException.of("asOf is required", "asOf", null);
        }
        CoverageFilter f = filter == null ? CoverageFilter.ANY : filter;
        lock.readLock().lock();
        try {
            return work.apply(new Evaluation(asOf, f));
        } finally {
            lock.readLock().unlock();
        }
    }

    private final class Evaluation {
        final LocalDate asOf;
        final CoverageFilter filter;
        final long day;
        final int opFilter;
        final byte[] act;

        Evaluation(LocalDate asOf, CoverageFilter filter) {
            this.asOf = asOf;
            this.filter = filter;
            this.day = asOf.toEpochDay();
            this.opFilter = filter.operator() == null ? -1 : operatorIds.getOrDefault(filter.operator(), -2);
            this.act = new byte[cells.size()];
            for (int i = 0; i < act.length; i++) {
                CellRec c = cells.get(i);
                act[i] = -1;
                if (c != null && c.from <= day && day < c.to && opOk(c.op)
                        && (filter.technology() == null || c.cell.technology() == filter.technology())) {
                    act[i] = (byte) c.cell.technology().ordinal();
                }
            }
        }

        boolean opOk(int op) {
            return opFilter == -1 || op == opFilter;
        }

        boolean active(long from, long to) {
            return from <= day && day < to;
        }

        CoverageSnapshot run() {
            int n = settlements.length;
            boolean[] cov = new boolean[n * 4];
            long[] ops = new long[n * 4];
            IntStream.range(0, n).parallel().forEach(i -> evalSettlement(i, cov, ops));

            List<SettlementCoverage> sc = new ArrayList<>(n * 4);
            for (int i = 0; i < n; i++) {
                for (Service s : Service.values()) {
                    int k = i * 4 + s.ordinal();
                    sc.add(new SettlementCoverage(settlements[i].s.id(), s, cov[k], operatorNames(ops[k])));
                }
            }

            double[] edgeHsmKm = new double[edgeCount];
            @SuppressWarnings("unchecked")
            List<LineStretch>[] perLine = new List[lines.length];
            IntStream.range(0, lines.length).parallel().forEach(li -> perLine[li] = evalLine(li, edgeHsmKm));
            List<LineStretch> stretches = new ArrayList<>();
            for (List<LineStretch> l : perLine) {
                stretches.addAll(l);
            }
            return new CoverageSnapshot(asOf, filter, sc, stretches, indicators(cov, edgeHsmKm));
        }

        Indicators indicatorsOnly() {
            int n = settlements.length;
            boolean[] cov = new boolean[n * 4];
            long[] ops = new long[n * 4];
            IntStream.range(0, n).parallel().forEach(i -> evalSettlement(i, cov, ops));
            double[] edgeHsmKm = new double[edgeCount];
            int hsm = Service.HIGH_SPEED_MOBILE.ordinal();
            IntStream.range(0, lines.length).parallel().forEach(li -> {
                LineRec lr = lines[li];
                for (int e = lr.firstEdge(); e < lr.endEdge(); e++) {
                    double[] iv = merged(e, hsm);
                    double coveredT = 0;
                    for (int k = 0; k < iv.length; k += 2) {
                        coveredT += iv[k + 1] - iv[k];
                    }
                    edgeHsmKm[e] = coveredT * edgeLenKm[e];
                }
            });
            return indicators(cov, edgeHsmKm);
        }

        void evalSettlement(int i, boolean[] cov, long[] ops) {
            SettlementRec r = settlements[i];
            int base = i * 4;
            if (!r.areaRule()) {
                for (int slot : r.cells) {
                    int t = act[slot];
                    for (int s = 0; s <= t && s < MOBILE; s++) {
                        cov[base + s] = true;
                        ops[base + s] |= 1L << cells.get(slot).op;
                    }
                }
            } else {
                int n = r.sampleLon.length;
                double need = settings.settlementAreaCoveredRatio() * n - 1e-9;
                for (int s = 0; s < MOBILE; s++) {
                    long[] all = new long[r.words];
                    long present = 0;
                    for (int k = 0; k < r.cells.length; k++) {
                        if (act[r.cells[k]] >= s) {
                            or(all, r.bits[k]);
                            present |= 1L << cells.get(r.cells[k]).op;
                        }
                    }
                    cov[base + s] = popcount(all) >= need;
                    long opMask = 0;
                    for (long m = present; m != 0; m &= m - 1) {
                        int op = Long.numberOfTrailingZeros(m);
                        long[] mine = new long[r.words];
                        for (int k = 0; k < r.cells.length; k++) {
                            if (act[r.cells[k]] >= s && cells.get(r.cells[k]).op == op) {
                                or(mine, r.bits[k]);
                            }
                        }
                        if (popcount(mine) >= need) {
                            opMask |= 1L << op;
                        }
                    }
                    ops[base + s] = opMask;
                }
            }
            int fb = base + Service.FIXED_BROADBAND.ordinal();
            for (int slot : r.routes) {
                RouteRec rr = routes.get(slot);
                if (active(rr.from, rr.to) && opOk(rr.op)) {
                    cov[fb] = true;
                    ops[fb] |= 1L << rr.op;
                }
            }
            for (int slot : r.nodes) {
                NodeRec nr = nodes.get(slot);
                if (active(nr.from, nr.to) && opOk(nr.op)) {
                    cov[fb] = true;
                    ops[fb] |= 1L << nr.op;
                }
            }
            for (ServiceDeclaration d : r.declarations) {
                int op = operatorIds.get(d.operator());
                if (d.validity().contains(asOf) && opOk(op)) {
                    cov[fb] = true;
                    ops[fb] |= 1L << op;
                }
            }
        }

        /** Merged covered intervals of edge e by cells of technology ordinal ≥ minTech, flattened. */
        double[] merged(int e, int minTech) {
            int[] c = edgeCells[e];
            double[] t = edgeT[e];
            int m = 0;
            double[] buf = null;
            for (int k = 0; k < c.length; k++) {
                if (act[c[k]] >= minTech) {
                    if (buf == null) {
                        buf = new double[2 * c.length];
                    }
                    buf[2 * m] = t[2 * k];
                    buf[2 * m + 1] = t[2 * k + 1];
                    m++;
                }
            }
            if (m == 0) {
                return NO_DOUBLES;
            }
            Integer[] order = new Integer[m];
            for (int k = 0; k < m; k++) {
                order[k] = k;
            }
            final double[] b = buf;
            Arrays.sort(order, (x, y) -> Double.compare(b[2 * x], b[2 * y]));
            double[] out = new double[2 * m];
            int o = 0;
            double s = b[2 * order[0]];
            double en = b[2 * order[0] + 1];
            for (int k = 1; k < m; k++) {
                double s2 = b[2 * order[k]];
                double e2 = b[2 * order[k] + 1];
                if (s2 <= en) {
                    en = Math.max(en, e2);
                } else {
                    out[o++] = s;
                    out[o++] = en;
                    s = s2;
                    en = e2;
                }
            }
            out[o++] = s;
            out[o++] = en;
            return Arrays.copyOf(out, o);
        }

        List<LineStretch> evalLine(int li, double[] edgeHsmKm) {
            LineRec lr = lines[li];
            List<LineStretch> out = new ArrayList<>();
            Service[] mobile = Service.mobile();
            for (int s = 0; s < MOBILE; s++) {
                StretchWriter w = new StretchWriter(lr, mobile[s], out);
                for (int e = lr.firstEdge(); e < lr.endEdge(); e++) {
                    double[] iv = merged(e, s);
                    double t = 0;
                    double coveredT = 0;
                    for (int k = 0; k < iv.length; k += 2) {
                        if (iv[k] > t) {
                            w.piece(e, t, iv[k], false);
                        }
                        w.piece(e, iv[k], iv[k + 1], true);
                        coveredT += iv[k + 1] - iv[k];
                        t = iv[k + 1];
                    }
                    if (t < 1) {
                        w.piece(e, t, 1, false);
                    }
                    if (s == Service.HIGH_SPEED_MOBILE.ordinal()) {
                        edgeHsmKm[e] = coveredT * edgeLenKm[e];
                    }
                }
                w.close();
            }
            return out;
        }

        Indicators indicators(boolean[] cov, double[] edgeHsmKm) {
            int ns = scopes.size();
            double[][] a = new double[M_COUNT][ns];
            for (int i = 0; i < settlements.length; i++) {
                SettlementRec r = settlements[i];
                int[] target = {0, r.region, r.district};
                double pop = r.s.population();
                double hh = r.s.households();
                boolean hsm = cov[i * 4 + Service.HIGH_SPEED_MOBILE.ordinal()];
                boolean fb = cov[i * 4 + Service.FIXED_BROADBAND.ordinal()];
                for (int sc : target) {
                    if (sc < 0) {
                        continue;
                    }
                    a[M_SETTLEMENTS][sc]++;
                    a[M_POP][sc] += pop;
                    a[M_HH][sc] += hh;
                    for (Service s : Service.values()) {
                        if (cov[i * 4 + s.ordinal()]) {
                            a[M_COV_S + s.ordinal()][sc]++;
                            a[M_COV_POP + s.ordinal()][sc] += pop;
                        }
                    }
                    if (fb) {
                        a[M_COV_HH_FB][sc] += hh;
                    }
                    if (hsm || fb) {
                        a[M_TELECOM_POP][sc] += pop;
                    }
                }
            }
            for (int e = 0; e < edgeCount; e++) {
                LineRec lr = lines[edgeLine[e]];
                if (!lr.internationalState() && !lr.railCorridor()) {
                    continue;
                }
                int[] target = {0, edgeRegion[e], edgeDistrict[e]};
                for (int sc : target) {
                    if (sc < 0) {
                        continue;
                    }
                    if (lr.international()) {
                        a[M_INTL_KM][sc] += edgeLenKm[e];
                        a[M_INTL_COV][sc] += edgeHsmKm[e];
                    }
                    if (lr.internationalState()) {
                        a[M_IS_KM][sc] += edgeLenKm[e];
                        a[M_IS_COV][sc] += edgeHsmKm[e];
                    }
                    if (lr.railCorridor()) {
                        a[M_RAIL_KM][sc] += edgeLenKm[e];
                        a[M_RAIL_COV][sc] += edgeHsmKm[e];
                    }
                }
            }
            Set<Long> sitesWithTech = null;
            if (filter.technology() != null) {
                sitesWithTech = new HashSet<>();
                for (int i = 0; i < act.length; i++) {
                    if (act[i] >= 0) {
                        sitesWithTech.add(cells.get(i).cell.siteId());
                    }
                }
            }
            for (SiteRec s : sites.values()) {
                if (s.site().validity().contains(asOf) && opOk(s.op())
                        && (sitesWithTech == null || sitesWithTech.contains(s.site().id()))) {
                    add(a[M_SITES], 1, s.region(), s.district());
                }
            }
            for (RouteRec r : routes) {
                if (r != null && active(r.from, r.to) && opOk(r.op)) {
                    a[M_FIBER_KM][0] += r.totalKm;
                    for (int k = 0; k < r.scopes.length; k++) {
                        a[M_FIBER_KM][r.scopes[k]] += r.km[k];
                    }
                }
            }
            for (NodeRec nr : nodes) {
                if (nr != null && active(nr.from, nr.to) && opOk(nr.op)) {
                    add(a[M_PORTS], nr.node.broadbandPorts(), nr.region, nr.district);
                }
            }
            List<IndicatorValue> out = new ArrayList<>();
            for (int sc = 0; sc < ns; sc++) {
                ScopeType type = scopes.types.get(sc);
                String code = scopes.codes.get(sc);
                Emitter em = new Emitter(out, type, code);
                int mi = Service.MOBILE_INTERNET.ordinal();
                int hs = Service.HIGH_SPEED_MOBILE.ordinal();
                int fbo = Service.FIXED_BROADBAND.ordinal();
                em.count(IndicatorKeys.SETTLEMENTS_COUNT, a[M_SETTLEMENTS][sc]);
                em.ratio(IndicatorKeys.SETTLEMENTS_MOBILE_ANY_PCT, a[M_COV_S + Service.MOBILE_ANY.ordinal()][sc],
                        a[M_SETTLEMENTS][sc]);
                em.ratio(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT, a[M_COV_S + mi][sc], a[M_SETTLEMENTS][sc]);
                em.count(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_UNCOVERED, a[M_SETTLEMENTS][sc] - a[M_COV_S + mi][sc]);
                em.ratio(IndicatorKeys.POPULATION_MOBILE_INTERNET_PCT, a[M_COV_POP + mi][sc], a[M_POP][sc]);
                em.ratio(IndicatorKeys.SETTLEMENTS_HIGH_SPEED_MOBILE_PCT, a[M_COV_S + hs][sc], a[M_SETTLEMENTS][sc]);
                em.ratio(IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT, a[M_COV_POP + hs][sc], a[M_POP][sc]);
                em.ratio(IndicatorKeys.SETTLEMENTS_FIXED_BROADBAND_PCT, a[M_COV_S + fbo][sc], a[M_SETTLEMENTS][sc]);
                em.ratio(IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT, a[M_COV_HH_FB][sc], a[M_HH][sc]);
                em.ratio(IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT, a[M_INTL_COV][sc], a[M_INTL_KM][sc]);
                em.ratio(IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_HSM_PCT, a[M_IS_COV][sc], a[M_IS_KM][sc]);
                if (a[M_IS_KM][sc] > 0) {
                    em.km(IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM,
                            Math.max(0, a[M_IS_KM][sc] - a[M_IS_COV][sc]));
                }
                em.ratio(IndicatorKeys.RAILWAYS_TSB_HSM_PCT, a[M_RAIL_COV][sc], a[M_RAIL_KM][sc]);
                em.count(IndicatorKeys.BASE_STATIONS_COUNT, a[M_SITES][sc]);
                em.km(IndicatorKeys.FIBER_LENGTH_KM, a[M_FIBER_KM][sc]);
                em.count(IndicatorKeys.BROADBAND_PORTS_COUNT, a[M_PORTS][sc]);
                em.ratio(IndicatorKeys.TELECOM_COVERAGE_PCT, a[M_TELECOM_POP][sc], a[M_POP][sc]);
            }
            return new Indicators(out);
        }

        private void add(double[] acc, double v, int region, int district) {
            acc[0] += v;
            if (region >= 0) {
                acc[region] += v;
            }
            if (district >= 0) {
                acc[district] += v;
            }
        }
    }

    private static final int M_SETTLEMENTS = 0;
    private static final int M_POP = 1;
    private static final int M_HH = 2;
    private static final int M_COV_S = 3;
    private static final int M_COV_POP = 7;
    private static final int M_COV_HH_FB = 11;
    private static final int M_TELECOM_POP = 12;
    private static final int M_INTL_KM = 13;
    private static final int M_INTL_COV = 14;
    private static final int M_IS_KM = 15;
    private static final int M_IS_COV = 16;
    private static final int M_RAIL_KM = 17;
    private static final int M_RAIL_COV = 18;
    private static final int M_SITES = 19;
    private static final int M_FIBER_KM = 20;
    private static final int M_PORTS = 21;
    private static final int M_COUNT = 22;

    private record Emitter(List<IndicatorValue> out, ScopeType type, String code) {
        void count(String key, double v) {
            out.add(new IndicatorValue(key, type, code, v, v, 1, Unit.COUNT));
        }

        void km(String key, double v) {
            out.add(new IndicatorValue(key, type, code, v, v, 1, Unit.KM));
        }

        void ratio(String key, double num, double den) {
            if (den > 0) {
                out.add(new IndicatorValue(key, type, code, Math.min(1, num / den), num, den, Unit.RATIO));
            }
        }
    }

    /** Accumulates contiguous pieces of one line and service into stretches split by coverage and region. */
    private final class StretchWriter {
        final LineRec lr;
        final Service service;
        final List<LineStretch> out;
        boolean open;
        boolean covered;
        int region;
        double fromKm;
        double toKm;
        List<Coordinate> coords;

        StretchWriter(LineRec lr, Service service, List<LineStretch> out) {
            this.lr = lr;
            this.service = service;
            this.out = out;
        }

        Coordinate at(int e, double t) {
            return new Coordinate(edgeLon0[e] + t * (edgeLon1[e] - edgeLon0[e]), edgeLat0[e] + t * (edgeLat1[e] - edgeLat0[e]));
        }

        void piece(int e, double t0, double t1, boolean cov) {
            if (t1 - t0 <= 1e-12) {
                return;
            }
            int reg = edgeRegion[e];
            double k0 = edgeStartKm[e] + t0 * edgeLenKm[e];
            double k1 = edgeStartKm[e] + t1 * edgeLenKm[e];
            if (open && (cov != covered || reg != region)) {
                close();
            }
            if (!open) {
                open = true;
                covered = cov;
                region = reg;
                fromKm = k0;
                coords = new ArrayList<>();
                coords.add(at(e, t0));
            }
            Coordinate end = at(e, t1);
            if (!end.equals2D(coords.get(coords.size() - 1))) {
                coords.add(end);
            }
            toKm = k1;
        }

        void close() {
            if (!open) {
                return;
            }
            if (coords.size() == 1) {
                coords.add(new Coordinate(coords.get(0)));
            }
            LineString g = gf.createLineString(coords.toArray(new Coordinate[0]));
            String regionCode = region < 0 ? null : scopes.codes.get(region);
            TransportLine tl = lr.line();
            out.add(new LineStretch(tl.id(), tl.kind(), tl.key(), service, covered, fromKm, toKm, toKm - fromKm,
                    regionCode, g));
            open = false;
        }
    }

    private static void or(long[] into, long[] bits) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= bits[w];
        }
    }

    private static int popcount(long[] bits) {
        int c = 0;
        for (long b : bits) {
            c += Long.bitCount(b);
        }
        return c;
    }

    private List<String> operatorNames(long mask) {
        if (mask == 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (long m = mask; m != 0; m &= m - 1) {
            names.add(operators.get(Long.numberOfTrailingZeros(m)));
        }
        names.sort(null);
        return List.copyOf(names);
    }

    // ------------------------------------------------------------------ read accessors

    public CoverageSettings settings() {
        return settings;
    }

    public GeometryFactory geometryFactory() {
        return gf;
    }

    public List<AdminArea> adminAreas() {
        return adminAreas;
    }

    /** Settlements in input order. */
    public List<Settlement> settlements() {
        List<Settlement> out = new ArrayList<>(settlements.length);
        for (SettlementRec r : settlements) {
            out.add(r.s);
        }
        return out;
    }

    /** Current cells (after incremental changes), in slot order. */
    public List<Cell> cells() {
        lock.readLock().lock();
        try {
            List<Cell> out = new ArrayList<>();
            for (CellRec c : cells) {
                if (c != null) {
                    out.add(c.cell);
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<Site> sites() {
        lock.readLock().lock();
        try {
            return sites.values().stream().map(SiteRec::site).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<FiberRoute> fiberRoutes() {
        lock.readLock().lock();
        try {
            return routes.stream().filter(r -> r != null).map(r -> r.route).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<FiberNode> fiberNodes() {
        lock.readLock().lock();
        try {
            return nodes.stream().filter(r -> r != null).map(r -> r.node).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Footprint of a current cell, or null if unknown. */
    public Footprint footprintOf(long cellId) {
        CellRec rec = cellRec(cellId);
        return rec == null ? null : rec.footprint;
    }

    /** Range of a current cell (null if unknown or when a custom footprint model is used). */
    public CellRange rangeOf(long cellId) {
        CellRec rec = cellRec(cellId);
        return rec == null ? null : rec.range;
    }

    private CellRec cellRec(long cellId) {
        lock.readLock().lock();
        try {
            Integer slot = cellSlot.get(cellId);
            return slot == null ? null : cells.get(slot);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of line edges (≤ segment max length) the model precomputed; for diagnostics. */
    public int edgeCount() {
        return edgeCount;
    }

    /** Total geodesic length of a line in km, or NaN if unknown. */
    public double lineLengthKm(long lineId, LineKind kind) {
        for (LineRec lr : lines) {
            if (lr.line().id() == lineId && lr.line().kind() == kind) {
                return lr.lengthKm();
            }
        }
        return Double.NaN;
    }

    /** Footprints of cells active on {@code asOf}, of technology ≥ {@code atLeast} (null = any) and operator. */
    List<Footprint> activeFootprints(LocalDate asOf, Technology atLeast, String operator) {
        lock.readLock().lock();
        try {
            List<Footprint> out = new ArrayList<>();
            for (CellRec c : cells) {
                if (c != null && c.cell.validity().contains(asOf) && (operator == null || operator.equals(c.cell.operator()))
                        && (atLeast == null || c.cell.technology().atLeast(atLeast))) {
                    out.add(c.footprint);
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    AreaIndex areaIndex() {
        return areaIndex;
    }
}
