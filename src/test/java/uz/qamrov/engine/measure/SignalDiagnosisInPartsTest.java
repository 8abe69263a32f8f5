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

    /** A random world of 160 settlements and {@code siteCount} sites, its snapshot and whole diagnosis. */
    private record World(long seed, Random rnd, List<Settlement> settlements, CoverageModel model,
            CoverageSnapshot snapshot, SignalReport whole) {
        static World of(String name, long defaultSeed, int siteCount) {
            long seed = TestSeeds.seed(name, defaultSeed);
            RandomNetwork net = new RandomNetwork(seed);
            List<Settlement> settlements = net.settlements(160, 0.25);
            List<Site> sites = new ArrayList<>();
            List<Cell> cells = new ArrayList<>();
            net.sitesAndCells(siteCount, sites, cells);
            CoverageModel model = IncrementalUpdateTest.build(settlements, sites, cells, net.lines(5),
                    net.fiberRoutes(3), net.fiberNodes(3));
            CoverageSnapshot snapshot = model.evaluate(LocalDate.of(2026, 6, 1), CoverageFilter.ANY);
            return new World(seed, net.random(), settlements, model, snapshot, model.diagnose(snapshot));
        }
    }

    @RepeatedTest(3)
    void partsInAnyOrderGiveTheWholeDiagnosis(RepetitionInfo repetition) {
        World w = World.of("SignalDiagnosisInPartsTest", 20261203L + repetition.getCurrentRepetition(), 60);
        long seed = w.seed();
        Random rnd = w.rnd();
        List<Settlement> settlements = w.settlements();
        CoverageModel model = w.model();
        CoverageSnapshot snapshot = w.snapshot();
        SignalReport whole = w.whole();

        SignalDiagnosis d = model.diagnosisInParts(snapshot, null, java.util.Set.of());
        assertThat(d.settlementCount()).isEqualTo(settlements.size());
        assertThat(d.stretchCount()).as("seed %d: the world must have stretches", seed).isPositive();
        List<int[]> parts = shuffledParts(d, rnd);
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

    /**
     * Gaps first (a reader's new date): the gap report holds every place without a service with the whole diagnosis'
     * answer and no answer for the covered places; the rest, in random parts after it, completes the same diagnosis.
     */
    @RepeatedTest(3)
    void gapsFirstThenTheRestGiveTheWholeDiagnosis(RepetitionInfo repetition) {
        World w = World.of("SignalDiagnosisInPartsTest.gapsFirst", 20261204L + repetition.getCurrentRepetition(), 40);
        long seed = w.seed();
        Random rnd = w.rnd();
        List<Settlement> settlements = w.settlements();
        CoverageModel model = w.model();
        CoverageSnapshot snapshot = w.snapshot();
        SignalReport whole = w.whole();

        SignalDiagnosis d = model.diagnosisInParts(snapshot, null, java.util.Set.of());
        List<int[]> gapParts = shuffledParts(d, rnd);
        int[] lastGap = gapParts.remove(gapParts.size() - 1);
        gapParts.forEach(p -> makeGaps(d, p));
        boolean lastHasGaps = lastGap[0] == 0
                ? settlements.subList(lastGap[1], lastGap[2]).stream().anyMatch(s -> !whole.allCovered(s.id()))
                : snapshot.stretches().subList(lastGap[1], lastGap[2]).stream().anyMatch(st -> !st.covered());
        if (lastHasGaps) {
            assertThatThrownBy(d::gapReport).as("a part of the gaps is missing").isInstanceOf(IllegalStateException.class);
        }
        makeGaps(d, lastGap);
        SignalReport gaps = d.gapReport();

        int covered = 0;
        int uncovered = 0;
        for (Settlement s : settlements) {
            boolean all = whole.allCovered(s.id());
            for (Service service : Service.mobile()) {
                if (all) {
                    assertThat(gaps.settlement(s.id(), service)).as("seed %d covered %d %s", seed, s.id(), service).isEmpty();
                } else {
                    assertThat(gaps.settlement(s.id(), service)).as("seed %d gap %d %s", seed, s.id(), service)
                            .isEqualTo(whole.settlement(s.id(), service)).isPresent();
                }
            }
            covered += all ? 1 : 0;
            uncovered += all ? 0 : 1;
        }
        assertThat(covered).as("seed %d: the world must have covered settlements", seed).isPositive();
        assertThat(uncovered).as("seed %d: the world must have gaps", seed).isPositive();
        for (int k = 0; k < snapshot.stretches().size(); k++) {
            assertThat(gaps.stretches().get(k)).as("seed %d stretch %d", seed, k)
                    .isEqualTo(snapshot.stretches().get(k).covered() ? null : whole.stretches().get(k));
        }
        assertThat(gaps.complete()).isFalse();

        List<int[]> rest = shuffledParts(d, rnd);
        rest.forEach(p -> make(d, p));
        SignalReport all = d.report();
        assertThat(all.complete()).isTrue();
        for (Settlement s : settlements) {
            for (Service service : Service.mobile()) {
                assertThat(all.settlement(s.id(), service)).as("seed %d settlement %d %s", seed, s.id(), service)
                        .isEqualTo(whole.settlement(s.id(), service));
            }
        }
        assertThat(all.stretches()).as("seed %d", seed).isEqualTo(whole.stretches());
        assertThat(gaps.stretches().stream().filter(java.util.Objects::isNull).count())
                .as("the gap report is not changed by the rest").isPositive();
    }

    private static void makeGaps(SignalDiagnosis d, int[] part) {
        if (part[0] == 0) {
            d.gapSettlements(part[1], part[2]);
        } else {
            d.gapStretches(part[1], part[2]);
        }
    }

    /** Every settlement and stretch of {@code d} in random parts, in random order: {kind, from, to}. */
    private static List<int[]> shuffledParts(SignalDiagnosis d, Random rnd) {
        List<int[]> parts = new ArrayList<>();
        parts.addAll(cut(d.settlementCount(), rnd, 0));
        parts.addAll(cut(d.stretchCount(), rnd, 1));
        Collections.shuffle(parts, rnd);
        return parts;
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

    /**
     * Stretches with the same middle (a line covered or uncovered end to end has one per mobile service) are measured
     * at one place, found once; each answer equals the stretch measured alone, at a place of its own.
     */
    @RepeatedTest(3)
    void stretchesSharingAMiddleAnswerAsEachMeasuredAlone(RepetitionInfo repetition) {
        World w = World.of("SignalDiagnosisInPartsTest", 20261204L + repetition.getCurrentRepetition(), 60);
        List<LineStretch> list = w.snapshot().stretches();
        long middles = list.stream().map(LineStretch::middle).distinct().count();
        assertThat(middles).as("seed %d: stretches sharing their middle", w.seed()).isLessThan(list.size());
        SignalDiagnoser alone = w.model().diagnoser(w.snapshot());
        assertThat(w.whole().stretches()).hasSize(list.size());
        for (int k = 0; k < list.size(); k++) {
            assertThat(w.whole().stretches().get(k)).as("seed %d stretch %d", w.seed(), k)
                    .isEqualTo(alone.stretch(list.get(k), alone.around(list.get(k))));
        }
    }
}
