package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;

/**
 * The settlements (static) with their area samples, an STRtree over their envelopes, and the mutable lists of what
 * reaches each one: cell slots (with, for the area rule, the bitset of samples each cell covers), fiber route and
 * node slots, and operator declarations.
 */
final class SettlementTable {

    static final int[] NO_INTS = new int[0];

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

    private final SettlementRec[] recs;
    private final Map<Long, Integer> idx = new HashMap<>();
    private final STRtree tree = new STRtree();

    SettlementTable(List<Settlement> settlements, Scopes scopes, int polygonSampleCount) {
        recs = new SettlementRec[settlements.size()];
        for (int i = 0; i < recs.length; i++) {
            Settlement s = settlements.get(i);
            if (idx.put(s.id(), i) != null) {
                throw InvalidInputException.of("duplicate settlement id", "settlementId", s.id());
            }
        }
        IntStream.range(0, recs.length).parallel()
                .forEach(i -> recs[i] = rec(settlements.get(i), scopes, polygonSampleCount));
        for (int i = 0; i < recs.length; i++) {
            tree.insert(recs[i].envelope, i);
        }
        tree.build();
    }

    private static SettlementRec rec(Settlement s, Scopes scopes, int polygonSampleCount) {
        int region = scopes.region(s.regionCode());
        int district = scopes.district(s.districtCode());
        if (s.regionCode() == null) {
            int[] sc = scopes.at(s.lon(), s.lat());
            region = sc[0];
            district = district >= 0 ? district : sc[1];
        }
        if (s.boundary() == null) {
            return new SettlementRec(s, region, district, null, null);
        }
        double[][] samples = PolygonSampler.sample(s.boundary(), polygonSampleCount);
        LocalMetric m = LocalMetric.at(s.lon(), s.lat());
        Geometry local = s.boundary().copy();
        local.apply((CoordinateFilter) c -> {
            double[] p = m.toLocal(c.x, c.y);
            c.x = p[0];
            c.y = p[1];
        });
        local.geometryChanged();
        return new SettlementRec(s, region, district, samples, local);
    }

    /**
     * Attaches declarations to their settlements (skipping those that never count); {@code operatorIds} registers
     * each operator. Throws before attaching anything when a declaration names an unknown settlement.
     */
    void attachDeclarations(List<ServiceDeclaration> declarations, OperatorRegistry operators) {
        Map<Integer, List<ServiceDeclaration>> by = new HashMap<>();
        for (ServiceDeclaration d : declarations) {
            Integer si = idx.get(d.settlementId());
            if (si == null) {
                throw InvalidInputException.of("declaration for unknown settlement", "settlementId", d.settlementId(),
                        "operator", d.operator());
            }
            if (!d.validity().isNever()) {
                by.computeIfAbsent(si, k -> new ArrayList<>()).add(d);
            }
        }
        by.forEach((si, l) -> {
            l.forEach(d -> operators.acquire(d.operator()));
            recs[si].declarations = List.copyOf(l);
        });
    }

    int size() {
        return recs.length;
    }

    SettlementRec get(int i) {
        return recs[i];
    }

    /** Indexes of settlements whose envelope intersects {@code env} (a superset of those reached). */
    @SuppressWarnings("unchecked")
    List<Integer> query(Envelope env) {
        return tree.query(env);
    }

    // ---------------------------------------------------------------- cell reach

    /**
     * Appends cells {@code slots} to settlement {@code si}, whose list holds {@code live} cells (fewer than its length
     * when {@link #compactWithout} left it so), in one copy at most (a change adds many cells to the same towns: one
     * new array per settlement, not one per cell); {@code bits[j]} is slot j's sample bitset (area rule only).
     */
    void attachCells(int si, int live, int[] slots, long[][] bits) {
        SettlementRec r = recs[si];
        // as many cells back as the change took off (LineEdgeTable#attachCells): written over the old ones
        if (r.cells.length != live + slots.length) {
            r.cells = Arrays.copyOf(r.cells, live + slots.length);
        }
        System.arraycopy(slots, 0, r.cells, live, slots.length);
        if (r.areaRule()) {
            if (r.bits.length != live + slots.length) {
                r.bits = Arrays.copyOf(r.bits, live + slots.length);
            }
            System.arraycopy(bits, 0, r.bits, live, slots.length);
        }
    }

    /**
     * Moves the cells of settlement {@code si} whose slot is not in {@code gone} to the front of its list, in place,
     * and returns how many there are: the list is then longer than that until {@link #attachCells} or {@link #trim}
     * (a change removes and adds cells under one write lock, and each settlement gets one new array, not two).
     */
    int compactWithout(int si, java.util.BitSet gone) {
        SettlementRec r = recs[si];
        int keep = 0;
        for (int k = 0; k < r.cells.length; k++) {
            if (!gone.get(r.cells[k])) {
                r.cells[keep] = r.cells[k];
                if (r.areaRule()) {
                    r.bits[keep] = r.bits[k];
                }
                keep++;
            }
        }
        return keep;
    }

    /** Cuts settlement {@code si}'s list to its first {@code live} cells (after {@link #compactWithout}). */
    void trim(int si, int live) {
        SettlementRec r = recs[si];
        r.cells = Arrays.copyOf(r.cells, live);
        if (r.areaRule()) {
            r.bits = Arrays.copyOf(r.bits, live);
        }
    }

    /** How many cells settlement {@code si}'s list holds. */
    int cellCount(int si) {
        return recs[si].cells.length;
    }

    /**
     * Initial build: fills every settlement's cell list at once by counting sort instead of appending, which is
     * what keeps a 250k-cell build linear.
     */
    void bulkAttachCells(int[] slots, FootprintHitFinder.Hits[] hits) {
        int[] count = new int[recs.length];
        for (FootprintHitFinder.Hits h : hits) {
            for (int s : h.settlements()) {
                count[s]++;
            }
        }
        for (int s = 0; s < recs.length; s++) {
            recs[s].cells = count[s] == 0 ? NO_INTS : new int[count[s]];
            if (recs[s].areaRule()) {
                recs[s].bits = new long[count[s]][];
            }
            count[s] = 0;
        }
        for (int i = 0; i < hits.length; i++) {
            FootprintHitFinder.Hits h = hits[i];
            for (int k = 0; k < h.settlements().length; k++) {
                SettlementRec r = recs[h.settlements()[k]];
                int at = count[h.settlements()[k]]++;
                r.cells[at] = slots[i];
                if (r.areaRule()) {
                    r.bits[at] = h.bits()[k];
                }
            }
        }
    }

    /** Renumbers cell slots after compaction ({@code newSlot[old]}). */
    void remapCells(int[] newSlot) {
        for (SettlementRec r : recs) {
            remap(r.cells, newSlot);
        }
    }

    // ---------------------------------------------------------------- fiber reach

    /** Appends fiber slots {@code firstSlot + i} to the settlements each new route ({@code route}) or node reaches. */
    void attachFiber(int[][] settlementsOf, int firstSlot, boolean route, java.util.Set<Integer> touched) {
        Map<Integer, List<Integer>> bySettlement = new HashMap<>();
        for (int i = 0; i < settlementsOf.length; i++) {
            for (int si : settlementsOf[i]) {
                bySettlement.computeIfAbsent(si, k -> new ArrayList<>()).add(firstSlot + i);
            }
        }
        bySettlement.forEach((si, slots) -> {
            SettlementRec r = recs[si];
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
            touched.add(si);
        });
    }

    void detachFiber(int si, int slot, boolean route) {
        SettlementRec r = recs[si];
        if (route) {
            r.routes = without(r.routes, slot);
        } else {
            r.nodes = without(r.nodes, slot);
        }
    }

    /** Renumbers route ({@code route}) or node slots after compaction. */
    void remapFiber(int[] newSlot, boolean route) {
        for (SettlementRec r : recs) {
            remap(route ? r.routes : r.nodes, newSlot);
        }
    }

    static void remap(int[] slots, int[] newSlot) {
        for (int k = 0; k < slots.length; k++) {
            slots[k] = newSlot[slots[k]];
        }
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
}
