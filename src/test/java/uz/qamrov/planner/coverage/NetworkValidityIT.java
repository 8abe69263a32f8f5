package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.qamrov.engine.model.Site;
import uz.qamrov.support.ApiIT;

/**
 * The one as-of rule on the rows that broke it: the engine's active set on D equals the SQL active set
 * ({@code counts_during @> D}) and the map layer's, and all equal the set worked out by hand below. A rebuild over
 * these rows succeeds (an empty period used to make the model loader throw).
 *
 * <pre>
 *  id  status          commissioned  decommissioned  valid_from   valid_to     counts during (by hand)
 *  1   active          —             —               -infinity    infinity     always
 *  2   active          —             —               2024-01-01   infinity     [2024-01-01, ∞)
 *  3   decommissioned  2020-03-01    2020-03-01      -infinity    infinity     never (same day)
 *  4   planned         —             —               -infinity    infinity     never (no date)
 *  5   planned         2027-06-01    —               -infinity    infinity     [2027-06-01, ∞)
 *  6   planned         2027-06-01    —               -infinity    2026-11-15   never (closed before it starts)
 *  7   active          2018-01-01    —               -infinity    2023-01-01   [2018-01-01, 2023-01-01)
 *  8   decommissioned  2016-01-01    —               -infinity    infinity     never (no decommissioning date)
 *  9   decommissioned  2016-01-01    2022-05-01      -infinity    infinity     [2016-01-01, 2022-05-01)
 *  10  decommissioned  2020-05-01    2026-11-15      2026-11-15   infinity     never (snapshot=full copy, empty)
 * </pre>
 */
class NetworkValidityIT extends ApiIT {

    static final Map<LocalDate, Set<Long>> EXPECTED = Map.of(
            LocalDate.of(2015, 1, 1), Set.of(1L),
            LocalDate.of(2019, 6, 30), Set.of(1L, 7L, 9L),
            LocalDate.of(2022, 5, 1), Set.of(1L, 7L),
            LocalDate.of(2024, 6, 30), Set.of(1L, 2L),
            LocalDate.of(2027, 7, 1), Set.of(1L, 2L, 5L));

    @Autowired
    CoverageInputRepository inputs;
    @Autowired
    CoverageService coverage;

    @Test
    void engineSqlAndLayersAgreeOnEveryEdgeRow() throws Exception {
        jdbc.update("""
                INSERT INTO base_stations (id, operator_code, external_id, geom, status, commissioned_on, decommissioned_on,
                                           valid_from, valid_to, source) VALUES
                 (1,  'ucell', 'e1',  'SRID=4326;POINT(69.20 41.20)', 'active',         NULL,         NULL,         '-infinity',  'infinity',   'test'),
                 (2,  'ucell', 'e2',  'SRID=4326;POINT(69.21 41.20)', 'active',         NULL,         NULL,         '2024-01-01', 'infinity',   'test'),
                 (3,  'ucell', 'e3',  'SRID=4326;POINT(69.22 41.20)', 'decommissioned', '2020-03-01', '2020-03-01', '-infinity',  'infinity',   'test'),
                 (4,  'ucell', 'e4',  'SRID=4326;POINT(69.23 41.20)', 'planned',        NULL,         NULL,         '-infinity',  'infinity',   'test'),
                 (5,  'ucell', 'e5',  'SRID=4326;POINT(69.24 41.20)', 'planned',        '2027-06-01', NULL,         '-infinity',  'infinity',   'test'),
                 (6,  'ucell', 'e6',  'SRID=4326;POINT(69.25 41.20)', 'planned',        '2027-06-01', NULL,         '-infinity',  '2026-11-15', 'test'),
                 (7,  'ucell', 'e7',  'SRID=4326;POINT(69.26 41.20)', 'active',         '2018-01-01', NULL,         '-infinity',  '2023-01-01', 'test'),
                 (8,  'ucell', 'e8',  'SRID=4326;POINT(69.27 41.20)', 'decommissioned', '2016-01-01', NULL,         '-infinity',  'infinity',   'test'),
                 (9,  'ucell', 'e9',  'SRID=4326;POINT(69.28 41.20)', 'decommissioned', '2016-01-01', '2022-05-01', '-infinity',  'infinity',   'test'),
                 (10, 'ucell', 'e10', 'SRID=4326;POINT(69.29 41.20)', 'decommissioned', '2020-05-01', '2026-11-15', '2026-11-15', 'infinity',   'test')""");
        jdbc.update("""
                INSERT INTO cells (base_station_id, external_id, technology, band_mhz, azimuth_deg, beamwidth_deg, antenna_height_m, range_m)
                SELECT id, '1', '4G', 1800, 90, 65, 30, 3000 FROM base_stations""");

        coverage.rebuild(); // must not throw on empty periods
        for (var e : EXPECTED.entrySet()) {
            LocalDate d = e.getKey();
            Set<Long> engine = new TreeSet<>();
            for (Site s : inputs.sites(null)) {
                if (s.validity().contains(d)) {
                    engine.add(s.id());
                }
            }
            Set<Long> sql = new TreeSet<>(jdbc.queryForList(
                    "SELECT id FROM base_stations WHERE counts_during @> CAST(? AS date)", Long.class, d.toString()));
            assertThat(engine).as("engine active set on %s", d).isEqualTo(new TreeSet<>(e.getValue()));
            assertThat(sql).as("SQL active set on %s", d).isEqualTo(engine);
            assertThat(layerIds(d)).as("map layer on %s", d).isEqualTo(engine);
            assertThat(coverage.indicators(d).get("base_stations.count", uz.qamrov.engine.measure.ScopeType.NATIONAL, "UZ")
                    .map(v -> v.value()).orElse(0.0)).as("base_stations.count on %s", d).isEqualTo(engine.size());
        }
    }

    private Set<Long> layerIds(LocalDate d) throws Exception {
        var started = mvc.perform(get("/api/v1/layers/base-stations?limit=100&asOf=" + d)).andReturn();
        var response = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        JsonNode body = json.readTree(response.getContentAsString());
        Set<Long> ids = new TreeSet<>();
        body.path("features").forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }
}
