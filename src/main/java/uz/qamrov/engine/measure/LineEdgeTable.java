package uz.qamrov.engine.measure;

import java.util.Arrays;
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
 * covered parameter interval) pairs.
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
    /** Per edge: cell slots, one entry per covered interval (a cell may cover several). */
    final int[][] cells;
    /**
     * Per edge: the intervals of {@link #cells}, flattened {@code [t0, t1, …]}, as fractions of the edge in single
     * precision: 2^-24 of an edge of at most a few km is under a millimetre, and with the OSM railways of a country
     * (24 M intervals, most of them yard tracks in towns) doubles were 384 MB of a 1.6 GB model.
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
     * which holds {@code live} intervals (fewer than its length after {@link #compactWithout}), in one copy at most.
     */
    void attachCells(int e, int live, int[] slots, double[][] ivs) {
        int add = 0;
        for (double[] iv : ivs) {
            add += iv.length / 2;
        }
        // a change that takes as many intervals off the edge as it puts on (a re-upload, sectors turned) writes them
        // over the old ones: no new arrays (they were a quarter of a 1,000-site round's garbage); the model's write
        // lock is held, and compactWithout already rewrote them in place
        if (cells[e].length != live + add) {
            cells[e] = Arrays.copyOf(cells[e], live + add);
            t[e] = Arrays.copyOf(t[e], 2 * (live + add));
        }
        int at = live;
        for (int j = 0; j < slots.length; j++) {
            for (int q = 0; q < ivs[j].length / 2; q++, at++) {
                cells[e][at] = slots[j];
                t[e][2 * at] = (float) ivs[j][2 * q];
                t[e][2 * at + 1] = (float) ivs[j][2 * q + 1];
            }
        }
    }

    /**
     * Moves the intervals of edge {@code e} whose cell's slot is not in {@code gone} to the front, in place, and
     * returns how many there are ({@link SettlementTable#compactWithout}: one new array per edge and change).
     */
    int compactWithout(int e, java.util.BitSet gone) {
        int[] c = cells[e];
        float[] tt = t[e];
        int keep = 0;
        for (int k = 0; k < c.length; k++) {
            if (!gone.get(c[k])) {
                c[keep] = c[k];
                tt[2 * keep] = tt[2 * k];
                tt[2 * keep + 1] = tt[2 * k + 1];
                keep++;
            }
        }
        return keep;
    }

    /** Cuts edge {@code e}'s lists to their first {@code live} intervals (after {@link #compactWithout}). */
    void trim(int e, int live) {
        cells[e] = Arrays.copyOf(cells[e], live);
        t[e] = Arrays.copyOf(t[e], 2 * live);
    }

    /** Initial build: fills every edge's lists at once by counting sort (see {@link SettlementTable}). */
    void bulkAttachCells(int[] slots, FootprintHitFinder.Hits[] hits) {
        int[] count = new int[edgeCount];
        for (FootprintHitFinder.Hits h : hits) {
            for (int k = 0; k < h.edges().length; k++) {
                count[h.edges()[k]] += h.intervals()[k].length / 2;
            }
        }
        for (int e = 0; e < edgeCount; e++) {
            cells[e] = count[e] == 0 ? SettlementTable.NO_INTS : new int[count[e]];
            t[e] = count[e] == 0 ? NO_FLOATS : new float[2 * count[e]];
            count[e] = 0;
        }
        for (int i = 0; i < hits.length; i++) {
            FootprintHitFinder.Hits h = hits[i];
            for (int k = 0; k < h.edges().length; k++) {
                int e = h.edges()[k];
                double[] iv = h.intervals()[k];
                for (int j = 0; j < iv.length / 2; j++) {
                    int at = count[e]++;
                    cells[e][at] = slots[i];
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
