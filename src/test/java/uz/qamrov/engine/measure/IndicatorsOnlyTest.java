package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;

/** The indicators-only evaluation gives exactly the indicators of a full evaluation, for dates and filters. */
class IndicatorsOnlyTest {

    @Test
    void sameValuesAsAFullEvaluation() {
        long seed = 20251122L;
        RandomNetwork net = new RandomNetwork(seed);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(80, sites, cells);
        CoverageModel model = new CoverageModelBuilder().settlements(net.settlements(200, 0.2)).sites(sites).cells(cells)
                .lines(net.lines(6)).fiberRoutes(net.fiberRoutes(10)).fiberNodes(net.fiberNodes(10))
                .adminAreas(RandomNetwork.areas()).build();
        for (LocalDate d : List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2027, 6, 1))) {
            for (CoverageFilter f : List.of(CoverageFilter.ANY, CoverageFilter.operator("ucell"),
                    CoverageFilter.technology(Technology.G4))) {
                List<IndicatorValue> full = sorted(model.evaluate(d, f).indicators().values());
                List<IndicatorValue> fast = sorted(model.indicators(d, f).values());
                assertThat(fast).as("seed %d, %s, %s", seed, d, f).isNotEmpty().isEqualTo(full);
            }
        }
    }

    private static List<IndicatorValue> sorted(List<IndicatorValue> v) {
        return v.stream().sorted(Comparator.comparing(IndicatorValue::key).thenComparing(IndicatorValue::scopeCode)).toList();
    }
}
