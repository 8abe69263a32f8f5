package uz.qamrov.planner.hexagon;

import org.springframework.stereotype.Repository;
import uz.qamrov.planner.system.StreamingQueries;

/**
 * All SQL of the hexagon view: the stored settlement results of one run and service (the rows the gap lists read),
 * streamed from a cursor into a {@link HexagonBinner}, so memory grows with the cells, not the settlements.
 */
@Repository
class HexagonRepository {

    private final StreamingQueries streaming;

    HexagonRepository(StreamingQueries streaming) {
        this.streaming = streaming;
    }

    /**
     * Every settlement of the run × service (of one region when {@code region} is not null) into the binner. With an
     * {@code operator}, covered means covered by that operator (it is among the row's covering operators), and no
     * signal class is read: classes are diagnosed for all operators together.
     */
    void binSettlements(long runId, String service, String region, String operator, HexagonBinner binner) {
        String covered = operator == null ? "sc.covered" : "(sc.covered AND :operator = ANY (sc.operators))";
        String signal = operator == null ? "sc.signal_class" : "CAST(NULL AS text)";
        String sql = "SELECT ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.population, " + covered + " AS covered, " + signal
                + " AS signal_class FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id"
                + " WHERE sc.run_id = :run AND sc.service = :service" + (region == null ? "" : " AND s.region_code = :region");
        var params = new java.util.HashMap<String, Object>();
        params.put("run", runId);
        params.put("service", service);
        if (operator != null) {
            params.put("operator", operator);
        }
        if (region != null) {
            params.put("region", region);
        }
        streaming.readOnly(() -> streaming.client().sql(sql).params(params).query(rs -> {
            binner.add(rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("population"), rs.getBoolean("covered"),
                    rs.getString("signal_class"));
        }));
    }
}
