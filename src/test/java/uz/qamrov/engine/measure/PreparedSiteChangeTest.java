package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;

/**
 * A site change prepared under the read lock and applied later gives the model a one-step change gives; the model
 * answers as before while it is only prepared; a change prepared before another change was applied is refused and
 * leaves the model as it was.
 */
class PreparedSiteChangeTest {

    @Test
    void aPreparedChangeAppliesLikeAOneStepChangeAndOnlyOnTheModelItMeasured() {
        long seed = TestSeeds.seed("PreparedSiteChangeTest", 20261211L);
        LocalDate day = LocalDate.of(2026, 6, 1);
        RandomNetwork net = new RandomNetwork(seed);
        List<Settlement> settlements = net.settlements(120, 0.25);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(60, sites, cells);
        List<Site> newSites = new ArrayList<>();
        List<Cell> newCells = new ArrayList<>();
        net.sitesAndCells(8, newSites, newCells);
        var lines = net.lines(3);
        CoverageModel twoSteps = IncrementalUpdateTest.build(settlements, sites, cells, lines, List.of(), List.of());
        CoverageModel oneStep = IncrementalUpdateTest.build(settlements, sites, cells, lines, List.of(), List.of());
        Set<Long> removed = Set.of(cells.get(0).id(), cells.get(1).id());

        CoverageSnapshot before = twoSteps.evaluate(day, CoverageFilter.ANY);
        SiteChange prepared = twoSteps.prepareSiteChanges(removed, newCells, List.of(), newSites);
        assertThat(prepared.addedCellCount()).isEqualTo(newCells.size());
        IncrementalUpdateTest.assertSame(twoSteps.evaluate(day, CoverageFilter.ANY), before, "only prepared");

        ChangeStats a = twoSteps.applySiteChanges(prepared);
        ChangeStats b = oneStep.applySiteChanges(removed, newCells, List.of(), newSites);
        assertThat(a).isEqualTo(b);
        IncrementalUpdateTest.assertSame(twoSteps.evaluate(day, CoverageFilter.ANY),
                oneStep.evaluate(day, CoverageFilter.ANY), "applied");
        assertThat(a.touchedSettlements() + a.touchedSegments()).as("the change reached something").isPositive();

        // prepared, then another change applied first: refused, nothing changed
        List<Site> moreSites = new ArrayList<>();
        List<Cell> moreCells = new ArrayList<>();
        net.sitesAndCells(3, moreSites, moreCells);
        SiteChange stale = twoSteps.prepareSiteChanges(List.of(), moreCells, List.of(), moreSites);
        twoSteps.applySiteChanges(Set.of(cells.get(2).id()), List.of(), List.of(), List.of());
        CoverageSnapshot now = twoSteps.evaluate(day, CoverageFilter.ANY);
        assertThatThrownBy(() -> twoSteps.applySiteChanges(stale)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed after");
        IncrementalUpdateTest.assertSame(twoSteps.evaluate(day, CoverageFilter.ANY), now, "after the refusal");
    }
}
