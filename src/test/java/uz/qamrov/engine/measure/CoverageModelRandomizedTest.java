package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;

/**
 * The indexed, analytic {@link CoverageModel} against a brute-force reference: every active cell's footprint as a
 * 3,600-vertex polygon, JTS union, then point-in-polygon, area overlay and line intersection lengths.
 */
class CoverageModelRandomizedTest {

    // Fixed seeds keep CI repeatable; -Dqamrov.seed=N (or -Dqamrov.seed=random) explores others. Seeds that still
    // disagree beyond the tolerance are listed as an open issue in docs/engine.md.
    @RepeatedTest(4)
    void agreesWithBruteForceUnion(org.junit.jupiter.api.RepetitionInfo repetition) {
        long seed = TestSeeds.seed("CoverageModelRandomizedTest", 20251122L + repetition.getCurrentRepetition());
        RandomNetwork net = new RandomNetwork(seed);
        List<Settlement> settlements = net.settlements(150, 0.3);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(60, sites, cells);
        List<TransportLine> lines = net.lines(8);
        CoverageModel model = new CoverageModelBuilder().settlements(settlements).sites(sites).cells(cells).lines(lines)
                .adminAreas(RandomNetwork.areas()).build();

        LocalDate[] dates = {LocalDate.of(2025, 7, 1), LocalDate.of(2027, 6, 1)};
        CoverageFilter[] filters = {CoverageFilter.ANY, CoverageFilter.operator("ucell"),
                CoverageFilter.technology(Technology.G4)};
        int checkedPoints = 0;
        int checkedPolygons = 0;
        for (LocalDate d : dates) {
            for (CoverageFilter f : filters) {
                CoverageSnapshot snap = model.evaluate(d, f);
                for (Service s : Service.mobile()) {
                    List<Geometry> polys = new ArrayList<>();
                    for (Cell c : cells) {
                        if (c.validity().contains(d) && (f.operator() == null || f.operator().equals(c.operator()))
                                && (f.technology() == null || f.technology() == c.technology())
                                && s.providedBy(c.technology())) {
                            polys.add(model.footprintOf(c.id()).toPolygon(Fixtures.GF, 3600));
                        }
                    }
                    Geometry union = polys.isEmpty() ? Fixtures.GF.createPolygon() : UnaryUnionOp.union(polys);
                    Geometry boundary = union.getBoundary();
                    for (Settlement st : settlements) {
                        boolean actual = snap.isCovered(st.id(), s);
                        String ctx = "seed " + seed + " " + d + " " + f + " " + s + " settlement " + st.id();
                        if (st.boundary() == null) {
                            Point p = Fixtures.GF.createPoint(new org.locationtech.jts.geom.Coordinate(st.lon(), st.lat()));
                            // 1° ≥ 85 km in any direction here, so this skips points within ~1 m of a boundary
                            if (!union.isEmpty() && boundary.distance(p) * 85_000 < 1) {
                                continue;
                            }
                            assertThat(actual).as(ctx).isEqualTo(!union.isEmpty() && union.covers(p));
                            checkedPoints++;
                        } else {
                            double ratio = union.isEmpty() ? 0
                                    : st.boundary().intersection(union).getArea() / st.boundary().getArea();
                            // the model samples the area on ~256 points; skip settlements too close to the threshold
                            if (Math.abs(ratio - 0.5) < 0.06) {
                                continue;
                            }
                            assertThat(actual).as(ctx + " ratio " + ratio).isEqualTo(ratio >= 0.5);
                            checkedPolygons++;
                        }
                    }
                    for (TransportLine l : lines) {
                        double expectedKm = 0;
                        if (!union.isEmpty()) {
                            Geometry inter = l.geometry().intersection(union);
                            for (int i = 0; i < inter.getNumGeometries(); i++) {
                                if (inter.getGeometryN(i) instanceof org.locationtech.jts.geom.LineString ls) {
                                    expectedKm += LocalMetric.lengthM(ls) / 1000;
                                }
                            }
                        }
                        double actualKm = snap.coveredKm(l.id(), s);
                        assertThat(actualKm).as("seed " + seed + " line " + l.id() + " " + d + " " + f + " " + s)
                                .isCloseTo(expectedKm, org.assertj.core.api.Assertions.within(expectedKm * 0.005 + 0.002));
                    }
                }
            }
        }
        System.out.println("checked " + checkedPoints + " point and " + checkedPolygons + " polygon settlement cases");
        assertThat(checkedPoints).isGreaterThan(100);
    }
}
