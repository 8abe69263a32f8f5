package uz.qamrov.engine.measure;

/**
 * Region unions kept beyond the service's life (the service keeps them in its database), looked up by what they are
 * built from ({@link RegionUnionKey}): after a restart every footprint object is new, so {@link RegionUnionMemo}'s
 * comparison by identity finds nothing, while the shapes are mostly the very same. Implementations never throw: a
 * store that cannot answer answers null (the union is then built), and one that cannot keep drops the union.
 */
public interface RegionUnionStore {

    /** The union stored under {@code key}, or null. */
    RegionCoverage find(RegionUnionKey key);

    /** Keeps {@code union}, built from what {@code key} digests. */
    void keep(RegionUnionKey key, RegionCoverage union);
}
