package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;
import static uz.qamrov.engine.Fixtures.cell;

import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.model.Technology;

class CoverageUnionBuilderTest {

    @Test
    void dissolvesOverlapsAndClipsToRegions() {
        // two omni discs r = 5 km, centres 5 km apart on the 40th parallel, straddling the R1|R2 border at 66.03
        //   R1          |          R2
        //      (   ●  ( | ●   )  )
        double[] c2 = Fixtures.from(66, 40, 90, 5_000);
        CoverageModel m = new CoverageModelBuilder()
                .adminAreas(List.of(Fixtures.region("R1", "POLYGON((65.5 39.5, 66.03 39.5, 66.03 40.5, 65.5 40.5, 65.5 39.5))"),
                        Fixtures.region("R2", "POLYGON((66.03 39.5, 66.5 39.5, 66.5 40.5, 66.03 40.5, 66.03 39.5))")))
                .cells(List.of(cell(1, "x", Technology.G4, 66, 40, null, 360, 5_000),
                        cell(2, "y", Technology.G3, c2[0], c2[1], null, 360, 5_000)))
                .build();
        java.util.concurrent.atomic.AtomicInteger pauses = new java.util.concurrent.atomic.AtomicInteger();
        List<RegionCoverage> all = new CoverageUnionBuilder(m).verticesPerFullCircle(720)
                .betweenPieces(pauses::incrementAndGet).build(D2026);
        // both discs cross the border: each region's union is one pairwise union, one pause point before it
        assertThat(pauses.get()).isEqualTo(2);
        double total = all.stream().mapToDouble(RegionCoverage::areaKm2).sum();
        // union of two r=5 discs at distance d=5: 2πr² − (2r²·acos(d/2r) − (d/2)·√(4r² − d²)) = 157.08 − 30.71 = 126.37
        assertThat(total).isCloseTo(126.37, within(0.2));
        assertThat(all).extracting(RegionCoverage::regionCode).containsExactly("R1", "R2");
        assertThat(all.get(0).geometry().isValid()).isTrue();
        // 4G only: one disc, π·25 = 78.54 km²
        double g4 = CoverageUnionBuilder.union(m, D2026, Technology.G4, null).stream()
                .mapToDouble(RegionCoverage::areaKm2).sum();
        assertThat(g4).isCloseTo(78.54, within(0.3));
        assertThat(CoverageUnionBuilder.union(m, D2026, null, "nobody")).allMatch(r -> r.geometry().isEmpty());
    }
}
