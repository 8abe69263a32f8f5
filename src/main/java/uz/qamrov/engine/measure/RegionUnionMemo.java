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
 * (16 bytes per vertex). With a {@link RegionUnionStore}, a union this memo does not have is looked up there by
 * what it is built from ({@link RegionUnionKey}), and every union built is kept there too: after a restart the
 * footprints are new objects with mostly the same shapes, and their unions come back from the store in milliseconds
 * instead of minutes of CPU. Thread-safe.
 */
public final class RegionUnionMemo {

    private record Key(String region, Technology atLeast, String operator) {
    }

    private record Entry(Geometry clip, int verticesPerFullCircle, Set<Footprint> footprints, RegionCoverage result) {
    }

    /** A region polygon's digest, computed once per polygon object. */
    private record ClipDigest(Geometry clip, byte[] digest) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ClipDigest> clipDigests = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong empty = new AtomicLong();
    private final GeometryFactory packed;
    private final RegionUnionStore store;

    public RegionUnionMemo(GeometryFactory like) {
        this(like, null);
    }

    /** @param store where unions are kept beyond this memo's life (null: nowhere) */
    public RegionUnionMemo(GeometryFactory like, RegionUnionStore store) {
        this.packed = new GeometryFactory(like.getPrecisionModel(), like.getSRID(),
                PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
        this.store = store;
    }

    /**
     * The union built before from exactly these footprints (in any order) within the very same region polygon (a
     * boundary change gives the region a new one) and drawing, or null. Looks in the store when this memo has none.
     */
    RegionCoverage find(String region, Geometry clip, int verticesPerFullCircle, boolean mergeCoSited,
            Technology atLeast, String operator, List<Footprint> footprints) {
        Entry e = entries.get(key(region, atLeast, operator));
        if (e != null && sameInputs(e, clip, verticesPerFullCircle, footprints)) {
            hits.incrementAndGet();
            return e.result();
        }
        if (footprints.isEmpty()) { // an empty union costs nothing to build: not worth a store's round trip
            empty.incrementAndGet();
            return null;
        }
        if (store != null) {
            RegionCoverage found = store.find(storeKey(region, clip, verticesPerFullCircle, mergeCoSited, atLeast,
                    operator, footprints));
            if (found != null && found.regionCode().equals(region) && found.technology() == atLeast
                    && Objects.equals(found.operator(), operator)) {
                stored.incrementAndGet();
                return remember(found, clip, verticesPerFullCircle, footprints);
            }
        }
        misses.incrementAndGet();
        return null;
    }

    private static boolean sameInputs(Entry e, Geometry clip, int verticesPerFullCircle, List<Footprint> footprints) {
        if (e.clip() != clip || e.verticesPerFullCircle() != verticesPerFullCircle
                || e.footprints().size() != footprints.size()) {
            return false;
        }
        for (Footprint f : footprints) {
            if (!e.footprints().contains(f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps {@code result}, built from {@code footprints} within {@code clip}, here and in the store; returns the
     * kept (packed) copy.
     */
    RegionCoverage keep(RegionCoverage result, Geometry clip, int verticesPerFullCircle, boolean mergeCoSited,
            List<Footprint> footprints) {
        RegionCoverage kept = remember(result, clip, verticesPerFullCircle, footprints);
        if (store != null && !footprints.isEmpty()) {
            store.keep(storeKey(result.regionCode(), clip, verticesPerFullCircle, mergeCoSited, result.technology(),
                    result.operator(), footprints), kept);
        }
        return kept;
    }

    private RegionCoverage remember(RegionCoverage result, Geometry clip, int verticesPerFullCircle,
            List<Footprint> footprints) {
        Set<Footprint> ids = Collections.newSetFromMap(new IdentityHashMap<>(footprints.size()));
        ids.addAll(footprints);
        Geometry g = packed.createGeometry(result.geometry());
        RegionCoverage kept = new RegionCoverage(result.regionCode(), result.technology(), result.operator(), g,
                result.areaKm2());
        entries.put(key(result.regionCode(), result.technology(), result.operator()),
                new Entry(clip, verticesPerFullCircle, ids, kept));
        return kept;
    }

    private RegionUnionKey storeKey(String region, Geometry clip, int verticesPerFullCircle, boolean mergeCoSited,
            Technology atLeast, String operator, List<Footprint> footprints) {
        ClipDigest cd = clipDigests.get(region);
        if (cd == null || cd.clip() != clip) {
            cd = new ClipDigest(clip, RegionUnionKey.polygonDigest(clip));
            clipDigests.put(region, cd);
        }
        return RegionUnionKey.of(region, cd.digest(), atLeast, operator, verticesPerFullCircle, mergeCoSited,
                packed, footprints);
    }

    private static Key key(String region, Technology atLeast, String operator) {
        return new Key(region, atLeast, Objects.requireNonNullElse(operator, "*"));
    }

    /**
     * What the memo answered so far, for logs.
     *
     * @param kept unions it had
     * @param stored unions it took from the store
     * @param built unions of footprints neither had (built by the caller)
     * @param empty unions of no footprint it did not have (built in no time)
     */
    public record Counts(long kept, long stored, long built, long empty) {
    }

    public Counts counts() {
        return new Counts(hits.get(), stored.get(), misses.get(), empty.get());
    }

    /** Unions kept; for tests and logs. */
    public int size() {
        return entries.size();
    }
}
