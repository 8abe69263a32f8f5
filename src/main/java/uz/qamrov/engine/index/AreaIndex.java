package uz.qamrov.engine.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.model.AdminArea;

/**
 * Point → district and region code, as GraphHopper's {@code AreaIndex}: area envelopes in an STRtree, exact tests
 * with per-polygon {@link IndexedPointInAreaLocator}s (built eagerly so concurrent lookups are safe). WGS84
 * lon/lat. A point on a shared border goes to the first area in input order that contains it (boundary counts);
 * a point outside every area gets null codes. When a district is found its region is the district's
 * {@code regionCode}; otherwise region polygons are searched directly.
 */
public final class AreaIndex {

    /** Codes of the areas containing a point; either may be null. */
    public record AreaCodes(String regionCode, String districtCode) {
        public static final AreaCodes NONE = new AreaCodes(null, null);
    }

    private record Entry(int order, AdminArea area, IndexedPointInAreaLocator locator) {
    }

    private final STRtree districts = new STRtree();
    private final STRtree regions = new STRtree();
    private final List<AdminArea> areas;

    public AreaIndex(Collection<AdminArea> areas) {
        this.areas = List.copyOf(areas);
        int order = 0;
        for (AdminArea a : this.areas) {
            IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(a.polygon());
            Coordinate c = a.polygon().getEnvelopeInternal().centre();
            loc.locate(c);
            (a.isRegion() ? regions : districts).insert(a.polygon().getEnvelopeInternal(), new Entry(order++, a, loc));
        }
        regions.build();
        districts.build();
    }

    public List<AdminArea> areas() {
        return areas;
    }

    public AreaCodes lookup(double lon, double lat) {
        Entry d = first(districts, lon, lat);
        if (d != null) {
            return new AreaCodes(d.area().regionCode(), d.area().code());
        }
        Entry r = first(regions, lon, lat);
        return r == null ? AreaCodes.NONE : new AreaCodes(r.area().code(), null);
    }

    private static Entry first(STRtree tree, double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Entry> hits = tree.query(new Envelope(lon, lon, lat, lat));
        Entry best = null;
        Coordinate c = new Coordinate(lon, lat);
        for (Entry e : hits) {
            if ((best == null || e.order() < best.order()) && e.locator().locate(c) != Location.EXTERIOR) {
                best = e;
            }
        }
        return best;
    }

    /** Codes of every area (regions and districts) in input order. */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        for (AdminArea a : areas) {
            out.add(a.code());
        }
        return out;
    }
}
