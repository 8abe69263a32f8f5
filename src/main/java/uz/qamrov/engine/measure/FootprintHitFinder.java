package uz.qamrov.engine.measure;

import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Envelope;

import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.measure.SettlementTable.SettlementRec;

/**
 * What one footprint reaches among candidate settlements and line edges (from the STRtrees): settlements whose
 * point it contains or, for the area rule, the bitset of boundary samples it contains; edges with the exact covered
 * parameter intervals. Pure and thread-safe; reads only the static parts of the tables.
 */
final class FootprintHitFinder {

    /** Settlement hits {index, bits or null} and edge hits {index, flattened intervals} of one footprint. */
    record Hits(int[] settlements, long[][] bits, int[] edges, double[][] intervals) {
    }

    private final SettlementTable settlements;
    private final LineEdgeTable edges;

    FootprintHitFinder(SettlementTable settlements, LineEdgeTable edges) {
        this.settlements = settlements;
        this.edges = edges;
    }

    Hits hitsOf(Footprint fp, List<Integer> settlementCandidates, List<Integer> edgeCandidates) {
        Envelope env = fp.envelope();
        int[] sIdx = new int[settlementCandidates.size()];
        long[][] bits = new long[settlementCandidates.size()][];
        int ns = 0;
        for (Integer si : settlementCandidates) {
            SettlementRec r = settlements.get(si);
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
        int[] eIdx = new int[edgeCandidates.size()];
        double[][] iv = new double[edgeCandidates.size()][];
        int ne = 0;
        for (Integer e : edgeCandidates) {
            if (edges.misses(e, env)) {
                continue;
            }
            double[] t = fp.coveredIntervals(edges.lon0[e], edges.lat0[e], edges.lon1[e], edges.lat1[e]);
            if (t.length > 0) {
                eIdx[ne] = e;
                iv[ne++] = t;
            }
        }
        return new Hits(Arrays.copyOf(sIdx, ns), Arrays.copyOf(bits, ns), Arrays.copyOf(eIdx, ne), Arrays.copyOf(iv, ne));
    }

    /** Bitset of the settlement's samples inside the footprint, or null when none is. */
    static long[] sampleBits(Footprint fp, SettlementRec r) {
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
}
