package uz.qamrov.engine.planning;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.footprint.Footprint;

/**
 * The points of the radio demands (settlements without mobile internet, pieces of uncovered 4G road/rail) behind an
 * STRtree, answering which of them a set of footprints contains. Read-only after construction: safe to query from
 * several threads.
 */
final class DemandIndex {

    private final STRtree tree = new STRtree();
    private final double[] lon;
    private final double[] lat;

    DemandIndex(DemandCollector.DemandSet ds) {
        int n = ds.demands().size();
        lon = new double[n];
        lat = new double[n];
        for (List<Integer> group : List.of(ds.mobileIdx(), ds.lineIdx())) {
            for (int i : group) {
                Demand d = ds.demands().get(i);
                lon[i] = d.lon();
                lat[i] = d.lat();
                tree.insert(new Envelope(d.lon(), d.lon(), d.lat(), d.lat()), i);
            }
        }
        tree.build();
    }

    /**
     * Whether any radio demand lies within about {@code radiusM} of the point: the square around the circle (the
     * latitude's metres per degree rounded down), so it may say yes for a demand slightly farther, never no for a
     * nearer one.
     */
    boolean anyNear(double lonDeg, double latDeg, double radiusM) {
        double dLat = radiusM / 110_000;
        double dLon = radiusM / (110_000 * Math.max(0.01, Math.cos(Math.toRadians(Math.abs(latDeg) + dLat))));
        return !tree.query(new Envelope(lonDeg - dLon, lonDeg + dLon, latDeg - dLat, latDeg + dLat)).isEmpty();
    }

    /** Sorted indices of the radio demands inside any of the footprints. */
    int[] coveredBy(List<? extends Footprint> footprints) {
        BitSet hit = new BitSet();
        for (Footprint f : footprints) {
            @SuppressWarnings("unchecked")
            List<Integer> found = tree.query(f.envelope());
            for (int i : found) {
                if (!hit.get(i) && f.contains(lon[i], lat[i])) {
                    hit.set(i);
                }
            }
        }
        int[] out = hit.stream().toArray();
        Arrays.sort(out);
        return out;
    }
}
