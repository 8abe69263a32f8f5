package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.qamrov.support.ApiIT;

/**
 * Which older runs of a date a new run replaces, worked through by hand: a run with polygons, and one whose polygons
 * are being built, stay while the newest run has none; each goes once a newer run has its own polygons. A run's
 * settlement rows (no foreign key since V066) go with it.
 */
class RunReplacementIT extends ApiIT {

    static final LocalDate D = LocalDate.of(2021, 3, 31);

    @Autowired
    CoverageResultRepository results;

    @Test
    void olderRunsStayOnlyWhileTheyHoldTheNewestPolygons() {
        long a = run(); // polygons stored
        results.markPolygons(a, 3);
        long b = run(); // polygons being built
        results.markPolygonsPending(b, true);
        long c = run(); // none yet

        results.deleteOlderRuns(D, c);
        assertThat(runs()).as("A has the newest polygons, B is building its own: both stay for C").containsExactly(a, b, c);
        assertThat(runsWithRows("settlement_coverage")).containsExactly(a, b, c);
        assertThat(runsWithRows("line_stretches")).containsExactly(a, b, c);

        results.markPolygons(b, 3); // B's polygons are stored: A is not needed any more
        results.deleteOlderRuns(D, b);
        assertThat(runs()).containsExactly(b, c);
        assertThat(runsWithRows("settlement_coverage")).as("A's settlement rows went with it").containsExactly(b, c);
        assertThat(runsWithRows("line_stretches")).as("A's stretches went with it").containsExactly(b, c);

        results.markPolygons(c, 3);
        results.deleteOlderRuns(D, c);
        assertThat(runs()).as("C has everything").containsExactly(c);

        long d = run();
        results.markPolygonsPending(d, true);
        results.markPolygonsPending(d, false); // its polygons failed
        long e = run();
        results.deleteOlderRuns(D, e);
        assertThat(runs()).as("C keeps the polygons; D, neither pending nor with polygons, goes").containsExactly(c, e);
        assertThat(runsWithRows("settlement_coverage")).as("every settlement row belongs to a run that is still stored")
                .containsExactly(c, e);
        assertThat(runsWithRows("line_stretches")).as("every stretch belongs to a run that is still stored")
                .containsExactly(c, e);
    }

    private long run() {
        long generation = results.newGeneration("incremental", D, "test", null);
        long id = results.startRun("full", D, generation);
        for (String service : List.of("mobile_any", "fixed_broadband")) {
            jdbc.update("INSERT INTO settlement_coverage (run_id, settlement_id, service, covered) VALUES (?, 1, ?, true)",
                    id, service);
        }
        jdbc.update("INSERT INTO line_stretches (run_id, line_kind, line_id, service, covered, from_km, to_km, length_km, geom)"
                + " VALUES (?, 'railway', 1, 'mobile_any', true, 0, 1, 1, 'SRID=4326;LINESTRING(69 41, 69.01 41)')", id);
        results.finishRun(id, 1, "{}");
        return id;
    }

    /** The runs {@code table} has rows of: this date's stored runs, and any run no longer stored. */
    private List<Long> runsWithRows(String table) {
        return jdbc.queryForList("SELECT DISTINCT run_id FROM " + table + " WHERE run_id IN (SELECT id FROM coverage_runs"
                + " WHERE as_of = ?) OR run_id NOT IN (SELECT id FROM coverage_runs) ORDER BY run_id", Long.class, D);
    }

    private List<Long> runs() {
        return jdbc.queryForList("SELECT id FROM coverage_runs WHERE as_of = ? ORDER BY id", Long.class, D);
    }
}
