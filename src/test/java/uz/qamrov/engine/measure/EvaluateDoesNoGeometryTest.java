package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.FootprintModel;
import uz.qamrov.engine.footprint.SectorFootprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;

/** Evaluating another date or filter must not touch footprint geometry: all of it happens at build time. */
class EvaluateDoesNoGeometryTest {

    @Test
    void evaluateCallsNoFootprintMethods() {
        AtomicLong calls = new AtomicLong();
        FootprintModel counting = cell -> new CountingFootprint(
                new SectorFootprint(cell.lon(), cell.lat(), cell.isOmni() ? null : cell.azimuthDeg(), cell.beamwidthDeg(),
                        cell.rangeM() == null ? 5_000 : cell.rangeM()), calls);
        RandomNetwork net = new RandomNetwork(11);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(40, sites, cells);
        CoverageModel m = new CoverageModelBuilder().footprintModel(counting).settlements(net.settlements(100, 0.3))
                .lines(net.lines(5)).sites(sites).cells(cells).adminAreas(RandomNetwork.areas()).build();
        assertThat(calls.get()).isPositive();
        calls.set(0);
        for (LocalDate d : new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)}) {
            m.evaluate(d, CoverageFilter.ANY);
            m.evaluate(d, CoverageFilter.operator("ucell"));
            m.evaluate(d, CoverageFilter.technology(Technology.G4));
        }
        assertThat(calls.get()).isZero();
    }

    record CountingFootprint(Footprint delegate, AtomicLong calls) implements Footprint {
        @Override
        public boolean contains(double lon, double lat) {
            calls.incrementAndGet();
            return delegate.contains(lon, lat);
        }

        @Override
        public Envelope envelope() {
            calls.incrementAndGet();
            return delegate.envelope();
        }

        @Override
        public double[] coveredIntervals(double lonA, double latA, double lonB, double latB) {
            calls.incrementAndGet();
            return delegate.coveredIntervals(lonA, latA, lonB, latB);
        }

        @Override
        public Polygon toPolygon(GeometryFactory factory, int verticesPerFullCircle) {
            calls.incrementAndGet();
            return delegate.toPolygon(factory, verticesPerFullCircle);
        }

        @Override
        public void feedShape(uz.qamrov.engine.footprint.ShapeDigest d) {
            delegate.feedShape(d);
        }
    }
}
