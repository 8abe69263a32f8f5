package uz.qamrov.engine.index;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.footprint.Footprint;

/**
 * Footprints by lon/lat envelope in an STRtree; items are the positions in the list given at construction. The
 * tree is built once (immutable afterwards) so queries are thread-safe. Candidates from {@link #query} only
 * intersect by envelope; {@link #containing} applies the exact analytic test.
 */
public final class FootprintIndex {

    private final List<? extends Footprint> footprints;
    private final STRtree tree = new STRtree();

    public FootprintIndex(List<? extends Footprint> footprints) {
        this.footprints = footprints;
        for (int i = 0; i < footprints.size(); i++) {
            Footprint f = footprints.get(i);
            if (f != null) {
                tree.insert(f.envelope(), i);
            }
        }
        tree.build();
    }

    @SuppressWarnings("unchecked")
    public List<Integer> query(Envelope env) {
        return tree.query(env);
    }

    /** Positions of the footprints that contain the lon/lat point. */
    public List<Integer> containing(double lon, double lat) {
        List<Integer> out = new ArrayList<>();
        for (Integer i : query(new Envelope(lon, lon, lat, lat))) {
            if (footprints.get(i).contains(lon, lat)) {
                out.add(i);
            }
        }
        return out;
    }

    public int size() {
        return footprints.size();
    }
}
