package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;

/**
 * A diagnosis made in parts of random sizes, in random order, equals the diagnosis made at once, place by place and
 * stretch by stretch; a report with a part missing is refused.
 */
class SignalDiagnosisInPartsTest {

    @RepeatedTest(3)
    void partsInAnyOrderGiveTheWholeDiagnosis(RepetitionInfo repetition) {
        long seed = TestSeeds.seed("SignalDiagnosisInPartsTest", 20261203L + repetition.getCurrentRepetition());
        RandomNetwork net = new RandomNetwork(seed);
        Random rnd = net.random();
        List<Settlement> settlements = net.settlements(160, 0.25);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(60, sites, cells);
        CoverageModel model = IncrementalUpdateTest.build(settlements, sites, cells, net.lines(5), net.fiberRoutes(3),
                net.fiberNodes(3));
        CoverageSnapshot snapshot = model.evaluate(LocalDate.of(2026, 6, 1), CoverageFilter.ANY);
        SignalReport whole = model.diagnose(snapshot);

        SignalDiagnosis d = model.diagnosisInParts(snapshot, null, java.util.Set.of());
        assertThat(d.settlementCount()).isEqualTo(settlements.size());
        assertThat(d.stretchCount()).as("seed %d: the world must have stretches", seed).isPositive();
        List<int[]> parts = new ArrayList<>();
        parts.addAll(cut(d.settlementCount(), rnd, 0));
        parts.addAll(cut(d.stretchCount(), rnd, 1));
        Collections.shuffle(parts, rnd);
        int[] last = parts.remove(parts.size() - 1);
        parts.forEach(p -> make(d, p));
        assertThatThrownBy(d::report).as("a part is missing").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(last[2] - last[1] + " settlements and stretches");
        make(d, last);
        SignalReport inParts = d.report();

        for (Settlement s : settlements) {
            for (Service service : Service.mobile()) {
                assertThat(inParts.settlement(s.id(), service)).as("seed %d settlement %d %s", seed, s.id(), service)
                        .isEqualTo(whole.settlement(s.id(), service));
            }
            assertThat(inParts.allCovered(s.id())).isEqualTo(whole.allCovered(s.id()));
        }
        assertThat(inParts.stretches()).as("seed %d", seed).isEqualTo(whole.stretches());
        assertThat(inParts.stretches()).hasSize(snapshot.stretches().size());
    }

    /** Random parts covering 0..n: {kind, from, to}. */
    private static List<int[]> cut(int n, Random rnd, int kind) {
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n;) {
            int to = Math.min(n, from + 1 + rnd.nextInt(40));
            out.add(new int[] {kind, from, to});
            from = to;
        }
        return out;
    }

    private static void make(SignalDiagnosis d, int[] part) {
        if (part[0] == 0) {
            d.settlements(part[1], part[2]);
        } else {
            d.stretches(part[1], part[2]);
        }
    }
}
