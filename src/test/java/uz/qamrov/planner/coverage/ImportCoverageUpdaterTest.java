package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.engine.measure.Unit;

/**
 * What an import's report says after the model took its change: the indicator changes, and whether today's stored
 * run followed. The model, evaluations and run store are stand-ins here (their own tests and the ITs cover them); what
 * is tested is the updater's answer when the run does not come within the readers' wait.
 */
class ImportCoverageUpdaterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final NetworkChange LINES = new NetworkChange(Set.of(), Set.of(), Set.of(), true);

    private final CoverageModels models = mock(CoverageModels.class);
    private final CoverageEvaluations evaluations = mock(CoverageEvaluations.class);
    private final CoverageRunStore runs = mock(CoverageRunStore.class);
    private final CoverageService service = mock(CoverageService.class);
    private final ImportCoverageUpdater updater = new ImportCoverageUpdater(models, evaluations, runs, service,
            Clock.fixed(Instant.parse("2026-12-04T05:00:00Z"), ZoneOffset.UTC));

    private static Indicators railCovered(double pct) {
        Indicators i = mock(Indicators.class);
        when(i.values()).thenReturn(List.of(new IndicatorValue("railways.tashkent_samarkand_bukhara.high_speed_mobile.pct",
                ScopeType.NATIONAL, "UZ", pct, pct, 1, Unit.RATIO)));
        return i;
    }

    private void modelTakesTheChange() {
        when(models.ready()).thenReturn(true);
        when(models.apply(any())).thenReturn(new CoverageModels.Applied(2, LocalDate.MIN, "full rebuild"));
        Indicators before = railCovered(0.9);
        Indicators after = railCovered(0.8);
        when(evaluations.indicators(TODAY, CoverageFilter.ANY)).thenReturn(before, after);
    }

    @Test
    void aRunStillBeingComputedIsANoteBesideTheChangesNotAFailure() {
        modelTakesTheChange();
        when(runs.freshRun(TODAY)).thenThrow(new CoverageNotReadyException("coverage of 2026-12-04 is being computed", 5));

        CoverageUpdater.CoverageUpdate update = updater.onNetworkChanged(LINES);

        assertThat(update.changes()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("railways.tashkent_samarkand_bukhara.high_speed_mobile.pct");
            assertThat(c.before()).isEqualTo(90.0);
            assertThat(c.after()).isEqualTo(80.0);
        });
        assertThat(update.note()).contains("coverage is up to date (generation 2")
                .contains("still being computed").contains("coverage of 2026-12-04 is being computed")
                .contains("\"stale\": true").doesNotContain("failed");
    }

    @Test
    void aStoredRunLeavesNoNote() {
        modelTakesTheChange();

        CoverageUpdater.CoverageUpdate update = updater.onNetworkChanged(LINES);

        assertThat(update.changes()).hasSize(1);
        assertThat(update.note()).isNull();
        verify(runs).freshRun(TODAY);
    }

    @Test
    void aFailedUpdateStillFailsAndStartsAFullRecompute() {
        when(models.ready()).thenReturn(true);
        Indicators before = railCovered(0.9);
        when(evaluations.indicators(TODAY, CoverageFilter.ANY)).thenReturn(before);
        when(models.apply(any())).thenThrow(new IllegalStateException("boom"));

        assertThatThrownBy(() -> updater.onNetworkChanged(LINES)).isInstanceOf(CoverageUpdateFailedException.class)
                .hasMessageContaining("a full recompute has started");
        verify(service).startFullRecompute();
    }
}
