package uz.qamrov.engine.measure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.model.Technology;

/**
 * The last union built for each (region, technology, operator), kept with the footprints it was built from, so that a
 * union whose region has exactly the same footprints again — after an upload elsewhere, or on another date with the
 * same cells on air there — is not built again. Footprints are immutable and a model change makes new ones for the
 * cells it changes, so "the same footprint objects" means "the same shapes": the comparison is by identity, which
 * cannot answer yes for a changed cell. One entry per key (the newest); geometries are kept as packed coordinates
 * (16 bytes per vertex). Thread-safe.
 */
public final class RegionUnionMemo {

    private record Key(String region, Technology atLeast, String operator) {
    }

    private record Entry(Geometry clip, int verticesPerFullCircle, Set<Footprint> footprints, RegionCoverage result) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final GeometryFactory packed;

    public RegionUnionMemo(GeometryFactory like) {
        this.packed = new GeometryFactory(like.getPrecisionModel(), like.getSRID(),
                PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    }

    /**
     * The union built before from exactly these footprints (in any order) within the very same region polygon (a
     * boundary change gives the region a new one) and drawing, or null.
     */
    RegionCoverage find(String region, Geometry clip, int verticesPerFullCircle, Technology atLeast, String operator,
            List<Footprint> footprints) {
        Entry e = entries.get(key(region, atLeast, operator));
        if (e == null || e.clip() != clip || e.verticesPerFullCircle() != verticesPerFullCircle
                || e.footprints().size() != footprints.size()) {
            misses.incrementAndGet();
            return null;
        }
        for (Footprint f : footprints) {
            if (!e.footprints().contains(f)) {
                misses.incrementAndGet();
                return null;
            }
        }
        hits.incrementAndGet();
        return e.result();
    }

    /** Keeps {@code result}, built from {@code footprints} within {@code clip}; returns the kept (packed) copy. */
    RegionCoverage keep(RegionCoverage result, Geometry clip, int verticesPerFullCircle, List<Footprint> footprints) {
        Set<Footprint> ids = Collections.newSetFromMap(new IdentityHashMap<>(footprints.size()));
        ids.addAll(footprints);
        Geometry g = packed.createGeometry(result.geometry());
        RegionCoverage kept = new RegionCoverage(result.regionCode(), result.technology(), result.operator(), g,
                result.areaKm2());
        entries.put(key(result.regionCode(), result.technology(), result.operator()),
                new Entry(clip, verticesPerFullCircle, ids, kept));
        return kept;
    }

    private static Key key(String region, Technology atLeast, String operator) {
        return new Key(region, atLeast, Objects.requireNonNullElse(operator, "*"));
    }

    /** Unions taken from the memo so far, and unions it did not have; for logs. */
    public long[] hitsAndMisses() {
        return new long[] {hits.get(), misses.get()};
    }

    /** Unions kept; for tests and logs. */
    public int size() {
        return entries.size();
    }
}
