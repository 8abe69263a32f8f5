package uz.qamrov.planner.coverage;

import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.RegionUnionKey;
import uz.qamrov.engine.measure.RegionUnionStore;
import uz.qamrov.engine.model.Technology;

/**
 * All SQL of the region unions kept across restarts ({@code region_unions}, V069). A union is read back exactly as it
 * was built (WKB, no repair), so a run made from stored unions stores the rows a run that built them would. Every
 * statement runs on its own (the unions are built outside any transaction); a database error is logged and answered
 * as "not stored": the union is then built, the service goes on. Past {@code qamrov.coverage.union-store-mb} the
 * unions used longest ago are deleted.
 */
@Repository
class RegionUnionRepository implements RegionUnionStore {

    private static final Logger log = LoggerFactory.getLogger(RegionUnionRepository.class);
    /** The budget is enforced after this many unions kept (a national set of today's unions is ~300). */
    private static final int EVICT_EVERY = 50;

    private final JdbcClient jdbc;
    private final long maxBytes;
    private final GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
    private final AtomicInteger keptSinceEviction = new AtomicInteger();

    @Autowired
    RegionUnionRepository(JdbcClient jdbc, CoverageProperties props) {
        this(jdbc, props.unionStoreMb() * 1024L * 1024L);
    }

    /** @param maxBytes the budget in bytes of WKB (0: keep none) */
    RegionUnionRepository(JdbcClient jdbc, long maxBytes) {
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
    }

    /** Whether unions are kept at all ({@code union-store-mb} 0: no). */
    boolean enabled() {
        return maxBytes > 0;
    }

    @Override
    public RegionCoverage find(RegionUnionKey key) {
        if (!enabled()) {
            return null;
        }
        try {
            return jdbc.sql("""
                    UPDATE region_unions SET used_at = now() WHERE digest = :d
                    RETURNING region_code, technology, operator_code, area_km2, wkb""")
                    .param("d", key.digest())
                    .query((rs, i) -> new RegionCoverage(rs.getString("region_code"),
                            Technology.fromLabel(rs.getString("technology")),
                            "*".equals(rs.getString("operator_code")) ? null : rs.getString("operator_code"),
                            read(rs.getBytes("wkb")), rs.getDouble("area_km2")))
                    .optional().orElse(null);
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("coverage: the stored region union {} could not be read; it is built again: {}", key, e.getMessage());
            return null;
        }
    }

    @Override
    public void keep(RegionUnionKey key, RegionCoverage union) {
        if (!enabled()) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO region_unions (digest, region_code, technology, operator_code, area_km2, wkb)
                    VALUES (:d, :region, :tech, :op, :area, :wkb)
                    ON CONFLICT (digest) DO UPDATE SET used_at = now()""")
                    .param("d", key.digest()).param("region", union.regionCode())
                    .param("tech", union.technology().label())
                    .param("op", union.operator() == null ? "*" : union.operator())
                    .param("area", union.areaKm2()).param("wkb", new WKBWriter(2).write(union.geometry())).update();
            if (keptSinceEviction.incrementAndGet() >= EVICT_EVERY) {
                keptSinceEviction.set(0);
                evict();
            }
        } catch (DataAccessException e) {
            log.warn("coverage: the region union {} could not be kept: {}", key, e.getMessage());
        }
    }

    /** Deletes the unions used longest ago beyond the budget; returns how many. */
    int evict() {
        int n = jdbc.sql("""
                DELETE FROM region_unions WHERE digest IN (
                    SELECT digest FROM (SELECT digest, sum(bytes) OVER (ORDER BY used_at DESC, digest) AS running
                                        FROM region_unions) t
                    WHERE running > :max)""").param("max", maxBytes).update();
        if (n > 0) {
            log.info("coverage: {} stored region unions used longest ago deleted (budget {} MB)", n,
                    maxBytes / 1024 / 1024);
        }
        return n;
    }

    /** The unions stored and their bytes; for logs and tests. */
    long[] countAndBytes() {
        return jdbc.sql("SELECT count(*), coalesce(sum(bytes), 0) FROM region_unions")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private Geometry read(byte[] wkb) {
        try {
            return new WKBReader(gf).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored region union is not WKB: " + e.getMessage(), e);
        }
    }
}
