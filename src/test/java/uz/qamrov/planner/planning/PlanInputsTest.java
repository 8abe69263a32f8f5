package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.planning.PlanningCosts;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

/**
 * A plan request's rejections name the field and are translated; in English they read as the message. The cost
 * model's rules are the engine's: each of them must find its text ({@link PlanInputs#badCost}).
 */
class PlanInputsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private final PlanningRepository repo = mock(PlanningRepository.class);

    PlanInputsTest() {
        when(repo.costValues()).thenReturn(Map.of());
        when(repo.regionExists(anyString())).thenReturn(false);
        when(repo.operatorExists(anyString())).thenReturn(true);
    }

    private static PlanRequest budget(Double usd) {
        return new PlanRequest(usd, null, null, null, null, null, null, null, null);
    }

    private ApiException rejection(PlanRequest r) {
        Throwable t = catchThrowable(() -> PlanInputs.of(r, repo, TODAY));
        assertThat(t).isInstanceOf(ApiException.class);
        return (ApiException) t;
    }

    @Test
    void aMissingBodyAModeAndABudgetAreExplainedInEachLanguage() {
        ApiException none = rejection(null);
        LocalisedDetails.assertEnglishIsTheMessage(none);
        assertThat(LocalisedDetails.detail(none, "ru")).isEqualTo("body: требуется тело запроса в формате JSON");

        ApiException mode = rejection(new PlanRequest(1e6, null, null, null, null, null, null, null, "greedy"));
        LocalisedDetails.assertEnglishIsTheMessage(mode);
        assertThat(mode.getMessage()).isEqualTo("mode: mode is proposals (default) or fiber-tree");
        assertThat(LocalisedDetails.detail(mode, "uz-Cyrl"))
                .isEqualTo("mode: mode proposals (стандарт) ёки fiber-tree бўлади");

        ApiException negative = rejection(budget(-5.0));
        LocalisedDetails.assertEnglishIsTheMessage(negative);
        assertThat(LocalisedDetails.detail(negative, "uz"))
                .isEqualTo("budgetUsd: budgetUsd AQSH dollaridagi musbat son boʻlishi kerak");
    }

    @Test
    void anUnknownGoalListsTheGoalsInEveryLanguage() {
        ApiException e = rejection(new PlanRequest(null, Map.of("nope", 50.0), null, null, null, null, null, null,
                null));
        LocalisedDetails.assertEnglishIsTheMessage(e);
        assertThat(e.details()).containsEntry("field", "targets.nope");
        assertThat(LocalisedDetails.detail(e, "ru")).startsWith("targets.nope: неизвестная цель; допустимые: [")
                .contains("settlements.mobile_internet");
    }

    @Test
    void anUnknownRegionReadsAsEverywhereElse() {
        ApiException e = rejection(new PlanRequest(1e6, null, null, null, "UZ-XX", null, null, null, null));
        assertThat(e.details()).containsEntry("field", "region").containsEntry("value", "UZ-XX");
        assertThat(LocalisedDetails.detail(e, "en")).isEqualTo("Unknown region: UZ-XX");
        assertThat(LocalisedDetails.detail(e, "ru")).isEqualTo("Неизвестная область: UZ-XX");
    }

    /** One bad value for each rule of {@link PlanningCosts}: every message the engine writes has its text. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "nope,             1,    costs.nope: unknown cost key",
        "newMacroSiteUsd,  null, costs.newMacroSiteUsd: newMacroSiteUsd must be a number",
        "oltCabinetPorts,  2.5,  costs.oltCabinetPorts: oltCabinetPorts must be a whole number",
        "newMacroSiteUsd,  -1,   costs.newMacroSiteUsd: newMacroSiteUsd must be a positive number",
        "fiberDropUsd,     -1,   costs.fiberDropUsd: fiberDropUsd must be a number >= 0",
        "fiberRouteFactor, 9,    'costs.fiberRouteFactor: fiberRouteFactor must be in [1, 5]'",
        "fiberTakeUpRatio, 0,    'costs.fiberTakeUpRatio: fiberTakeUpRatio must be in (0, 1]'",
        "oltCabinetPorts,  0,    costs.oltCabinetPorts: oltCabinetPorts must be >= 1"})
    void everyCostRuleOfTheEngineIsTranslated(String key, Double value, String english) {
        Map<String, Double> costs = new HashMap<>();
        costs.put(key, value);
        Throwable t = catchThrowable(() -> PlanningCosts.fromMap(costs, PlanningCosts.DEFAULTS));
        assertThat(t).isInstanceOf(InvalidInputException.class);
        ApiException e = PlanInputs.badCost((InvalidInputException) t, "costs.");
        assertThat(e.getMessage()).isEqualTo(english);
        LocalisedDetails.assertEnglishIsTheMessage(e);
        assertThat(e.details()).containsEntry("field", "costs." + key);
    }

    @Test
    void costRulesReadInRussianAndUzbek() {
        ApiException range = PlanInputs.badCost(InvalidInputException.of("fiberRouteFactor must be in [1, 5]",
                "fiberRouteFactor", 9.0), "");
        assertThat(LocalisedDetails.detail(range, "ru"))
                .isEqualTo("fiberRouteFactor: fiberRouteFactor должен быть в [1, 5]");
        assertThat(LocalisedDetails.detail(range, "uz-Latn"))
                .isEqualTo("fiberRouteFactor: fiberRouteFactor [1, 5] oraligʻida boʻlishi kerak");
        // a rule the engine may state some day without a text: the English message, untranslated
        ApiException other = PlanInputs.badCost(InvalidInputException.of("fiberDropUsd is odd", "fiberDropUsd", 3),
                "");
        assertThat(other.messageKey()).isNull();
        assertThat(LocalisedDetails.detail(other, "ru")).isEqualTo("fiberDropUsd: fiberDropUsd is odd");
    }

    @Test
    void aHandMadeScenarioOutsideTheCountryIsExplained() {
        assertThatThrownBy(() -> HandMadeScenario.delta(new HandMadeScenario.NewScenario("s", null, null,
                java.util.List.of(new HandMadeScenario.ProposedSite(10.0, 41.0, "ucell", null, null, null, null)),
                null, null, null, null, null, null)))
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "ru"))
                        .isEqualTo("sites[0].lon: lon/lat должны лежать в охватывающем прямоугольнике "
                                + "Узбекистана"));
    }
}
