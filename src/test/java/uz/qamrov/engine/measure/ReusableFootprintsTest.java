package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.footprint.EnvironmentClassifier;
import uz.qamrov.engine.footprint.EnvironmentSettings;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.terrain.Dem;

/**
 * A model built with another model's footprints answers exactly as one built from scratch, and takes a footprint only
 * when it would be the same: equal cell, same environment class of its location, same budget, radio settings and DEM.
 * The expected number of footprints taken is counted here independently (cell equality and the public classifier on
 * the old and new settlements).
 */
class ReusableFootprintsTest {

    private static final long SEED = 20261202L;

    private final RandomNetwork net = new RandomNetwork(SEED);
    private final List<Settlement> settlements = net.settlements(120, 0.25);
    private final List<Site> sites = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    private final List<TransportLine> lines = net.lines(6);
    private final List<FiberRoute> routes = net.fiberRoutes(10);
    private final List<FiberNode> nodes = net.fiberNodes(10);
    private final Dem dem = RandomNetwork.hills(SEED);

    ReusableFootprintsTest() {
        net.sitesAndCells(60, sites, cells);
    }

    @Test
    void takesEveryUnchangedFootprintAndAnswersAsAFreshBuild() {
        CoverageModel before = build(settlements, cells, dem, CoverageSettings.DEFAULTS, null);

        // the next inputs: one cell re-tilted, a few removed, a new site, and a city of 500,000 next to one site
        // (its cells become urban: same record, other environment class, so another footprint)
        List<Cell> nextCells = new ArrayList<>(cells);
        nextCells.set(3, raised(nextCells.get(3)));
        nextCells.remove(10);
        nextCells.remove(20);
        List<Site> nextSites = new ArrayList<>(sites);
        net.sitesAndCells(2, nextSites, nextCells);
        Site cityCentre = sites.get(7);
        List<Settlement> nextSettlements = new ArrayList<>(settlements);
        String region = cityCentre.lon() + 0.002 < RandomNetwork.MIN_LON + RandomNetwork.W / 2 ? "R1" : "R2";
        String district = region + (cityCentre.lat() < RandomNetwork.MIN_LAT + RandomNetwork.H / 2 ? "a" : "b");
        nextSettlements.add(new Settlement(99_999, cityCentre.lon() + 0.002, cityCentre.lat(), 500_000, 120_000, region,
                district, null));

        CoverageModel reusing = build(nextSettlements, nextCells, nextSites, dem, CoverageSettings.DEFAULTS,
                before.reusableFootprints());
        CoverageModel fresh = build(nextSettlements, nextCells, nextSites, dem, CoverageSettings.DEFAULTS, null);

        EnvironmentClassifier oldClasses = new EnvironmentClassifier(settlements, EnvironmentSettings.DEFAULTS);
        EnvironmentClassifier newClasses = new EnvironmentClassifier(nextSettlements, EnvironmentSettings.DEFAULTS);
        Set<Cell> old = new HashSet<>(cells);
        long unchanged = nextCells.stream().filter(old::contains).count();
        long expected = nextCells.stream().filter(c -> old.contains(c)
                && oldClasses.classify(c.lon(), c.lat()) == newClasses.classify(c.lon(), c.lat())).count();
        assertThat(expected).as("the city changes some unchanged cells' class").isLessThan(unchanged).isPositive();
        assertThat(unchanged).isEqualTo(cells.size() - 3);
        assertThat(reusing.footprintsReused()).isEqualTo(expected);
        assertThat(fresh.footprintsReused()).isZero();
        assertThat(reusing.hitsReused()).as("another layout (the city is a new settlement): no hits taken").isZero();
        // after its build a model takes nothing more (it lets the other model's records go)
        reusing.footprintFor(cells.get(0));
        assertThat(reusing.footprintsReused()).isEqualTo(expected);

        int shared = 0;
        for (Cell c : nextCells) {
            Footprint mine = reusing.footprintOf(c.id());
            assertThat(mine.toPolygon(reusing.geometryFactory(), 360)
                    .equalsExact(fresh.footprintOf(c.id()).toPolygon(fresh.geometryFactory(), 360), 0))
                    .as("cell %d: the same footprint as a fresh build", c.id()).isTrue();
            if (mine == before.footprintOf(c.id())) {
                shared++;
            }
        }
        assertThat(shared).as("taken footprints are the giving model's own objects").isEqualTo((int) expected);
        for (LocalDate d : new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 1)}) {
            IncrementalUpdateTest.assertSame(reusing.evaluate(d, CoverageFilter.ANY), fresh.evaluate(d, CoverageFilter.ANY),
                    "reusing vs fresh " + d);
        }
    }

    /**
     * With the same settlements (equal records, not the same objects), lines and boundaries, a model also takes the
     * hits of every footprint it took, and answers as a fresh build; a cell re-tilted, added or left out is measured.
     * With one line fewer the footprints are taken and the hits are not.
     */
    @Test
    void takesTheHitsOfEveryFootprintItTookWhenTheLayoutIsTheSame() {
        CoverageModel before = build(settlements, cells, dem, CoverageSettings.DEFAULTS, null);
        List<Cell> nextCells = new ArrayList<>(cells);
        nextCells.set(3, raised(nextCells.get(3)));
        nextCells.remove(10);
        List<Site> nextSites = new ArrayList<>(sites);
        net.sitesAndCells(2, nextSites, nextCells);
        List<Settlement> equalSettlements = settlements.stream().map(x -> new Settlement(x.id(), x.lon(), x.lat(),
                x.population(), x.households(), x.regionCode(), x.districtCode(), x.boundary() == null ? null : x.boundary().copy())).toList();

        CoverageModel reusing = build(equalSettlements, nextCells, nextSites, dem, CoverageSettings.DEFAULTS,
                before.reusableFootprints());
        CoverageModel fresh = build(equalSettlements, nextCells, nextSites, dem, CoverageSettings.DEFAULTS, null);
        Set<Cell> old = new HashSet<>(cells);
        long unchanged = nextCells.stream().filter(old::contains).count();
        assertThat(unchanged).isEqualTo(cells.size() - 2);
        assertThat(reusing.footprintsReused()).isEqualTo(unchanged);
        assertThat(reusing.hitsReused()).isEqualTo(unchanged);
        for (LocalDate d : new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 1)}) {
            IncrementalUpdateTest.assertSame(reusing.evaluate(d, CoverageFilter.ANY), fresh.evaluate(d, CoverageFilter.ANY),
                    "reusing hits vs fresh " + d);
            assertThat(reusing.diagnose(reusing.evaluate(d, CoverageFilter.ANY)).stretches())
                    .isEqualTo(fresh.diagnose(fresh.evaluate(d, CoverageFilter.ANY)).stretches());
        }

        CoverageModel oneLineLess = new CoverageModelBuilder().settings(CoverageSettings.DEFAULTS)
                .settlements(settlements).sites(sites).cells(cells).lines(lines.subList(1, lines.size()))
                .fiberRoutes(routes).fiberNodes(nodes).adminAreas(RandomNetwork.areas()).terrain(dem)
                .reuseFootprints(before.reusableFootprints()).build();
        assertThat(oneLineLess.footprintsReused()).isEqualTo(cells.size());
        assertThat(oneLineLess.hitsReused()).as("another layout: one line fewer").isZero();
    }

    /**
     * The hits a model takes are the giving model's as they were found: their line intervals come from the giving
     * model's edge table (a cell record no longer keeps its own copy), and a cell the giving model let go after the
     * snapshot (a change applied to it meanwhile) is measured afresh. Answers, stretches included, as a fresh build.
     */
    @Test
    void takesTheLineIntervalsFromTheGivingModelAndMeasuresACellItLetGo() {
        CoverageModel before = build(settlements, cells, dem, CoverageSettings.DEFAULTS, null);
        ReusableFootprints offered = before.reusableFootprints();
        List<Long> letGo = cells.subList(0, 5).stream().map(Cell::id).toList();
        before.applySiteChanges(letGo, List.of(), List.of(), List.of());
        assertThat(before.stretches(LocalDate.of(2026, 6, 1), CoverageFilter.ANY)).as("lines to cover").isNotEmpty();

        CoverageModel reusing = build(settlements, cells, dem, CoverageSettings.DEFAULTS, offered);
        CoverageModel fresh = build(settlements, cells, dem, CoverageSettings.DEFAULTS, null);

        assertThat(reusing.footprintsReused()).isEqualTo(cells.size());
        assertThat(reusing.hitsReused()).as("every cell but the five let go").isEqualTo(cells.size() - letGo.size());
        for (LocalDate d : new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 1)}) {
            IncrementalUpdateTest.assertSame(reusing.evaluate(d, CoverageFilter.ANY), fresh.evaluate(d, CoverageFilter.ANY),
                    "reusing hits vs fresh " + d);
            assertThat(reusing.stretches(d, CoverageFilter.ANY)).isEqualTo(fresh.stretches(d, CoverageFilter.ANY));
        }
    }

    @Test
    void takesNothingMadeWithAnotherRecipe() {
        CoverageModel before = build(settlements, cells, dem, CoverageSettings.DEFAULTS, null);
        ReusableFootprints offered = before.reusableFootprints();
        assertThat(offered.size()).isEqualTo(cells.size());

        assertThat(build(settlements, cells, dem, CoverageSettings.DEFAULTS, offered).footprintsReused())
                .as("same recipe").isEqualTo(cells.size());
        assertThat(build(settlements, cells, RandomNetwork.hills(SEED), CoverageSettings.DEFAULTS, offered)
                .footprintsReused()).as("another DEM object").isZero();
        assertThat(build(settlements, cells, null, CoverageSettings.DEFAULTS, offered).footprintsReused())
                .as("flat earth").isZero();
        var budget = CoverageSettings.DEFAULTS.linkBudget();
        var thicker = new uz.qamrov.engine.footprint.LinkBudget(budget.technologies(), budget.fadeMarginDb() + 1,
                budget.bodyLossDb(), budget.mobileHeightM(), budget.mobileAntennaGainDbi());
        assertThat(build(settlements, cells, dem, CoverageSettings.DEFAULTS.withLinkBudget(thicker), offered)
                .footprintsReused()).as("another fade margin").isZero();
        assertThat(build(settlements, cells, dem, CoverageSettings.DEFAULTS
                .withRadio(uz.qamrov.engine.radio.RadioSettings.WEDGES), offered).footprintsReused())
                .as("hard wedges").isZero();
    }

    /** The same cell with its antenna 10 m higher: another footprint. */
    private static Cell raised(Cell c) {
        return new Cell(c.id(), c.siteId(), c.operator(), c.technology(), c.bandMhz(), c.azimuthDeg(), c.beamwidthDeg(),
                c.antennaHeightM() + 10, c.eirpDbm(), c.rangeM(), c.lon(), c.lat(), c.validity());
    }

    private CoverageModel build(List<Settlement> s, List<Cell> c, Dem terrain, CoverageSettings settings,
            ReusableFootprints reuse) {
        return build(s, c, sites, terrain, settings, reuse);
    }

    private CoverageModel build(List<Settlement> s, List<Cell> c, List<Site> st, Dem terrain, CoverageSettings settings,
            ReusableFootprints reuse) {
        return new CoverageModelBuilder().settings(settings).settlements(s).sites(st).cells(c).lines(lines)
                .fiberRoutes(routes).fiberNodes(nodes).adminAreas(RandomNetwork.areas()).terrain(terrain)
                .reuseFootprints(reuse).build();
    }
}
