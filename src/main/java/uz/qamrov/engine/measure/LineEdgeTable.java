package uz.qamrov.engine.measure;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.TransportLine;

/**
 * Transport lines cut into straight edges ≤ the segment max length (static geometry in flat arrays: ends, km marks,
 * region/district of the edge's chunk), an STRtree over the edges, and per edge the mutable list of (cell slot,
 * covered parameter interval) pairs, those over the whole edge first and without their interval.
 */
final class LineEdgeTable {

    static final float[] NO_FLOATS = new float[0];
    record LineRec(TransportLine line, int firstEdge, int endEdge, double lengthKm, boolean international,
            boolean internationalState, boolean railCorridor) {
    }

    final LineRec[] lines;
    final int edgeCount;
    final int[] edgeLine;
    final double[] lon0;
    final double[] lat0;
    final double[] lon1;
    final double[] lat1;
    final double[] startKm;
    final double[] lenKm;
    final int[] region;
    final int[] district;
    /**
     * Per edge: cell slots, one entry per covered interval (a cell may cover several). The first {@link #whole} of
     * them cover the whole edge, [0, 1], and keep no floats; the rest have theirs in {@link #t}.
     */
    final int[][] cells;
    /**
     * Per edge: how many of {@link #cells} come first with an interval over the whole edge. With the OSM railways of
     * a country 22.0 M of 22.7 M intervals are such (yard tracks and sidings inside town footprints several km wide),
     * mostly on the 54 k of 69 k edges that also have partial ones: their floats were 176 of the 185 MB.
     */
    final int[] whole;
    /**
     * Per edge: the intervals of {@link #cells} after the {@link #whole} ones, flattened {@code [t0, t1, …]}, as
     * fractions of the edge in single precision: 2^-24 of an edge of at most a few km is under a millimetre.
     */
    final float[][] t;
    private final STRtree tree = new STRtree();

    LineEdgeTable(List<TransportLine> input, Scopes scopes, double segmentMaxLengthM) {
        lines = new LineRec[input.size()];
        LineChunker.Pieces[] pieces = new LineChunker.Pieces[lines.length];
        IntStream.range(0, lines.length).parallel()
                .forEach(i -> pieces[i] = LineChunker.cut(input.get(i).geometry(), segmentMaxLengthM));
        int total = 0;
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            TransportLine tl = input.get(i);
            if (!ids.add(tl.id() * LineKind.values().length + tl.kind().ordinal())) {
                throw InvalidInputException.of("duplicate transport line id", "lineId", tl.id(), "kind", tl.kind());
            }
            boolean intl = tl.kind() == LineKind.HIGHWAY && "international".equals(tl.lineClass());
            boolean intlState = tl.kind() == LineKind.HIGHWAY && (intl || "state".equals(tl.lineClass()));
            boolean rail = tl.kind() == LineKind.RAILWAY && IndicatorKeys.RAIL_CORRIDOR_KEY.equals(tl.key());
            lines[i] = new LineRec(tl, total, total + pieces[i].n, pieces[i].totalM / 1000, intl, intlState, rail);
            total += pieces[i].n;
        }
        edgeCount = total;
        edgeLine = new int[total];
        lon0 = new double[total];
        lat0 = new double[total];
        lon1 = new double[total];
        lat1 = new double[total];
        startKm = new double[total];
        lenKm = new double[total];
        region = new int[total];
        district = new int[total];
        cells = new int[total][];
        whole = new int[total];
        t = new float[total][];
        IntStream.range(0, lines.length).parallel().forEach(li -> fill(li, pieces[li], scopes));
        for (int e = 0; e < total; e++) {
            cells[e] = SettlementTable.NO_INTS;
            t[e] = NO_FLOATS;
            tree.insert(new Envelope(lon0[e], lon1[e], lat0[e], lat1[e]), e);
        }
        tree.build();
    }

    private void fill(int li, LineChunker.Pieces p, Scopes scopes) {
        int base = lines[li].firstEdge();
        int chunkStart = 0;
        for (int i = 0; i <= p.n; i++) {
            if (i == p.n || p.chunk[i] != p.chunk[chunkStart]) {
                if (i > chunkStart) {
                    double[] mid = p.chunkMid(chunkStart, i);
                    int[] sc = scopes.at(mid[0], mid[1]);
                    for (int k = chunkStart; k < i; k++) {
                        region[base + k] = sc[0];
                        district[base + k] = sc[1];
                    }
                }
                chunkStart = i;
            }
            if (i < p.n) {
                int e = base + i;
                edgeLine[e] = li;
                lon0[e] = p.lon0[i];
                lat0[e] = p.lat0[i];
                lon1[e] = p.lon1[i];
                lat1[e] = p.lat1[i];
                startKm[e] = p.startM[i] / 1000;
                lenKm[e] = p.lenM[i] / 1000;
            }
        }
    }

    /** Indexes of edges whose envelope intersects {@code env}. */
    @SuppressWarnings("unchecked")
    List<Integer> query(Envelope env) {
        return tree.query(env);
    }

    /** Whether edge {@code e}'s bounding box misses {@code env}. */
    boolean misses(int e, Envelope env) {
        return Math.max(lon0[e], lon1[e]) < env.getMinX() || Math.min(lon0[e], lon1[e]) > env.getMaxX()
                || Math.max(lat0[e], lat1[e]) < env.getMinY() || Math.min(lat0[e], lat1[e]) > env.getMaxY();
    }

    /** Total geodesic length of a line in km, or NaN if unknown. */
    double lineLengthKm(long lineId, LineKind kind) {
        for (LineRec lr : lines) {
            if (lr.line().id() == lineId && lr.line().kind() == kind) {
                return lr.lengthKm();
            }
        }
        return Double.NaN;
    }

    /**
     * Appends cells {@code slots} with their covered intervals ({@code ivs[j]}, flattened pairs) to edge {@code e},
     * which holds {@code live} intervals (fewer than its length after {@link #compactWithout}), in one copy at most of
     * each list. The whole ones go after the edge's whole ones, the partial ones after its partial ones.
     */
    void attachCells(int e, int live, int[] slots, double[][] ivs) {
        int addWhole = 0;
        int addPartial = 0;
        for (double[] iv : ivs) {
            if (isWhole(iv)) {
                addWhole++;
            } else {
                addPartial += iv.length / 2;
            }
        }
        int w = whole[e];
        int p = live - w;
        // a change that takes as many intervals off the edge as it puts on (a re-upload, sectors turned) writes them
        // over the old ones: no new arrays (they were a quarter of a 1,000-site round's garbage); the model's write
        // lock is held, and compactWithout already rewrote them in place
        int n = live + addWhole + addPartial;
        int[] c = cells[e].length == n ? cells[e] : Arrays.copyOf(cells[e], n);
        if (t[e].length != 2 * (p + addPartial)) {
            t[e] = p + addPartial == 0 ? NO_FLOATS : Arrays.copyOf(t[e], 2 * (p + addPartial));
        }
        // the partial ones move right to make room for the new whole ones (from the end: the ranges may overlap)
        System.arraycopy(c, w, c, w + addWhole, p);
        int atWhole = w;
        int atPartial = p;
        float[] tt = t[e];
        for (int j = 0; j < slots.length; j++) {
            double[] iv = ivs[j];
            if (isWhole(iv)) {
                c[atWhole++] = slots[j];
                continue;
            }
            for (int q = 0; q < iv.length / 2; q++, atPartial++) {
                c[w + addWhole + atPartial] = slots[j];
                tt[2 * atPartial] = (float) iv[2 * q];
                tt[2 * atPartial + 1] = (float) iv[2 * q + 1];
            }
        }
        cells[e] = c;
        whole[e] = w + addWhole;
    }

    /** Whether flattened intervals are one interval over the whole edge ({@link IntervalMerger}'s test). */
    static boolean isWhole(double[] iv) {
        return iv.length == 2 && iv[0] <= 0 && iv[1] >= 1;
    }

    /**
     * Moves the intervals of edge {@code e} whose cell's slot is not in {@code gone} to the front of their part
     * (whole, partial), in place, and returns how many there are ({@link SettlementTable#compactWithout}: one new
     * array per edge and change).
     */
    int compactWithout(int e, BitSet gone) {
        int[] c = cells[e];
        float[] tt = t[e];
        int w = whole[e];
        int keep = 0;
        for (int k = 0; k < w; k++) {
            if (!gone.get(c[k])) {
                c[keep++] = c[k];
            }
        }
        int keptWhole = keep;
        for (int k = w; k < c.length; k++) {
            if (!gone.get(c[k])) {
                int to = keep - keptWhole;
                int from = k - w;
                c[keep++] = c[k];
                tt[2 * to] = tt[2 * from];
                tt[2 * to + 1] = tt[2 * from + 1];
            }
        }
        whole[e] = keptWhole;
        return keep;
    }

    /** Cuts edge {@code e}'s lists to their first {@code live} intervals (after {@link #compactWithout}). */
    void trim(int e, int live) {
        int partial = live - whole[e];
        cells[e] = live == 0 ? SettlementTable.NO_INTS : Arrays.copyOf(cells[e], live);
        t[e] = partial == 0 ? NO_FLOATS : Arrays.copyOf(t[e], 2 * partial);
    }

    /** Initial build: fills every edge's lists at once by counting sort (see {@link SettlementTable}). */
    void bulkAttachCells(int[] slots, FootprintHitFinder.Hits[] hits) {
        int[] partial = new int[edgeCount];
        for (FootprintHitFinder.Hits h : hits) {
            for (int k = 0; k < h.edges().length; k++) {
                double[] iv = h.intervals()[k];
                if (isWhole(iv)) {
                    whole[h.edges()[k]]++;
                } else {
                    partial[h.edges()[k]] += iv.length / 2;
                }
            }
        }
        int[] atWhole = new int[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            int n = whole[e] + partial[e];
            cells[e] = n == 0 ? SettlementTable.NO_INTS : new int[n];
            t[e] = partial[e] == 0 ? NO_FLOATS : new float[2 * partial[e]];
            partial[e] = 0;
        }
        for (int i = 0; i < hits.length; i++) {
            FootprintHitFinder.Hits h = hits[i];
            for (int k = 0; k < h.edges().length; k++) {
                int e = h.edges()[k];
                double[] iv = h.intervals()[k];
                if (isWhole(iv)) {
                    cells[e][atWhole[e]++] = slots[i];
                    continue;
                }
                for (int j = 0; j < iv.length / 2; j++) {
                    int at = partial[e]++;
                    cells[e][whole[e] + at] = slots[i];
                    t[e][2 * at] = (float) iv[2 * j];
                    t[e][2 * at + 1] = (float) iv[2 * j + 1];
                }
            }
        }
    }

    /** Renumbers cell slots after compaction ({@code newSlot[old]}). */
    void remapCells(int[] newSlot) {
        for (int[] c : cells) {
            SettlementTable.remap(c, newSlot);
        }
    }
}
