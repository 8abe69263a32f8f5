package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.qamrov.engine.Fixtures.cell;
import static uz.qamrov.engine.Fixtures.village;
import static uz.qamrov.engine.Fixtures.wkt;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * Rows whose validity folds to an empty interval are skipped by the model: no exception, no coverage, no counts.
 * Village A (66.0586, 40) is 5 km east of the site (66, 40); every feature below would cover or serve it if it
 * counted (10 km omni cell, a fiber route through A, a node 0.5 km from A, a declaration for A).
 */
class NeverCountingRowsTest {

    static final LocalDate DEC1 = LocalDate.of(2026, 12, 1);
    /** commissioned_on = decommissioned_on. */
    static final Validity SAME_DAY = Validity.between(DEC1, DEC1);
    /** A version [2026-12-01, ∞) closed on the day it opened. */
    static final Validity CLOSED_SAME_DAY = Validity.from(DEC1).intersect(Validity.between(LocalDate.of(2026, 6, 1), DEC1));
    /** Planned from 2027-03-01, its version closed on 2026-12-01 (from > to before folding). */
    static final Validity PLANNED_CLOSED = Validity.from(LocalDate.of(2027, 3, 1))
            .intersect(Validity.between(LocalDate.of(2026, 6, 1), DEC1));

    static final Settlement A = village(1, 66.0586, 40, 1000);

    @Test
    void neverCountingRowsContributeNothing() {
        Cell sameDay = cell(1, "ucell", Technology.G4, 66, 40, null, 360, 10_000, SAME_DAY);
        Cell closed = cell(2, "ucell", Technology.G4, 66, 40, null, 360, 10_000, CLOSED_SAME_DAY);
        Cell planned = cell(3, "beeline", Technology.G4, 66, 40, null, 360, 10_000, PLANNED_CLOSED);
        Site site = new Site(1, "ucell", 66, 40, SAME_DAY);
        FiberRoute route = new FiberRoute(1, "uzt", (LineString) wkt("LINESTRING(66.0586 39.95, 66.0586 40.05)"),
                PLANNED_CLOSED);
        FiberNode node = new FiberNode(1, "uzt", 66.0644, 40, 32, CLOSED_SAME_DAY);
        ServiceDeclaration decl = new ServiceDeclaration(1, "uzt", SAME_DAY);

        CoverageModel m = new CoverageModelBuilder().settlements(List.of(A)).cells(List.of(sameDay, closed, planned))
                .sites(List.of(site)).fiberRoutes(List.of(route)).fiberNodes(List.of(node)).declarations(List.of(decl))
                .build();

        assertThat(m.cells()).isEmpty();
        assertThat(m.sites()).isEmpty();
        assertThat(m.fiberRoutes()).isEmpty();
        assertThat(m.fiberNodes()).isEmpty();
        assertThat(m.operatorCount()).isZero();
        for (LocalDate d : new LocalDate[] {LocalDate.of(2026, 11, 30), DEC1, LocalDate.of(2027, 6, 1)}) {
            CoverageSnapshot s = m.evaluate(d, CoverageFilter.ANY);
            for (Service svc : Service.values()) {
                assertThat(s.isCovered(1, svc)).as("%s %s", d, svc).isFalse();
            }
            Indicators ind = s.indicators();
            assertThat(ind.national(IndicatorKeys.BASE_STATIONS_COUNT).orElseThrow().value()).isZero();
            assertThat(ind.national(IndicatorKeys.FIBER_LENGTH_KM).orElseThrow().value()).isZero();
            assertThat(ind.national(IndicatorKeys.BROADBAND_PORTS_COUNT).orElseThrow().value()).isZero();
            assertThat(ind.national(IndicatorKeys.SETTLEMENTS_MOBILE_ANY_PCT).orElseThrow().value()).isZero();
        }
    }

    @Test
    void incrementalChangesSkipThemToo() {
        Cell live = cell(10, "ucell", Technology.G3, 66, 40, null, 360, 10_000);
        CoverageModel m = new CoverageModelBuilder().settlements(List.of(A)).cells(List.of(live)).build();
        assertThat(m.evaluate(DEC1, CoverageFilter.ANY).isCovered(1, Service.MOBILE_INTERNET)).isTrue();

        // the row is replaced by a version that never counts (a same-day decommission): the cell goes away
        Cell decommissioned = cell(10, "ucell", Technology.G3, 66, 40, null, 360, 10_000, SAME_DAY);
        m.applySiteChanges(List.of(10L), List.of(decommissioned), List.of(), List.of(new Site(5, "ucell", 66, 40,
                PLANNED_CLOSED)));
        assertThat(m.cells()).isEmpty();
        assertThat(m.sites()).isEmpty();
        assertThat(m.evaluate(DEC1, CoverageFilter.ANY).isCovered(1, Service.MOBILE_ANY)).isFalse();

        m.applyFiberChanges(List.of(), List.of(new FiberRoute(2, "uzt",
                (LineString) wkt("LINESTRING(66.0586 39.95, 66.0586 40.05)"), SAME_DAY)), List.of(),
                List.of(new FiberNode(2, "uzt", 66.0644, 40, 32, PLANNED_CLOSED)));
        assertThat(m.fiberRoutes()).isEmpty();
        assertThat(m.fiberNodes()).isEmpty();
        assertThat(m.evaluate(DEC1, CoverageFilter.ANY).isCovered(1, Service.FIXED_BROADBAND)).isFalse();
        assertThat(m.operatorCount()).isZero();
    }
}
