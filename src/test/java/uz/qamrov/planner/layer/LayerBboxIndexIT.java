package uz.qamrov.planner.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.support.PostgisIT;

/**
 * The bbox condition of every layer read ({@link LayerRepository#BBOX}) can be answered from the GiST index on geom:
 * with sequential scans disabled, PostgreSQL plans an index scan on each layer table. A condition the index cannot
 * serve (an envelope transformed per row with {@code ST_SRID(t.geom)}, as before) leaves it a sequential scan.
 */
class LayerBboxIndexIT extends PostgisIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theBboxConditionOfEveryLayerUsesItsSpatialIndex() {
        String bbox = LayerRepository.BBOX.replace(":minx", "66").replace(":miny", "39").replace(":maxx", "68")
                .replace(":maxy", "40");
        for (String table : List.of("settlements", "base_stations", "fiber_routes", "highways", "railways", "regions",
                "districts", "coverage_polygons")) {
            String plan = tx.execute(status -> {
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("EXPLAIN SELECT count(*) FROM " + table + " t WHERE true" + bbox)
                        .query(String.class).list());
            });
            assertThat(plan).as(table + ":\n" + plan).contains("_gix").doesNotContain("Seq Scan");
        }
    }
}
