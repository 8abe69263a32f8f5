package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/** The cells of a generation per site: changes laid over a shared map, against a plain map changed the same way. */
class SiteCellsTest {

    private static Cell cell(long id, long site) {
        return cell(id, site, "UCELL");
    }

    private static Cell cell(long id, long site, String operator) {
        return new Cell(id, site, operator, Technology.G4, 1800, 0.0, 65, 30, 43.0, null, 69.2, 41.3,
                Validity.ALWAYS);
    }

    @Test
    void aChangeIsSeenByTheNewCellsOnlyAndTheOldOnesStayAsTheyWere() {
        SiteCells before = SiteCells.of(List.of(cell(1, 10), cell(2, 10), cell(3, 20)));
        SiteCells after = before.with(Map.of(10L, List.of(cell(4, 10)), 20L, List.of(), 30L, List.of(cell(5, 30))));

        assertThat(before.of(10)).extracting(Cell::id).containsExactly(1L, 2L);
        assertThat(before.of(20)).extracting(Cell::id).containsExactly(3L);
        assertThat(before.of(30)).isEmpty();
        assertThat(before.cells()).extracting(Cell::id).containsExactlyInAnyOrder(1L, 2L, 3L);

        assertThat(after.of(10)).extracting(Cell::id).containsExactly(4L);
        assertThat(after.of(20)).isEmpty();
        assertThat(after.of(30)).extracting(Cell::id).containsExactly(5L);
        assertThat(after.cells()).extracting(Cell::id).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void randomChangesAgreeWithAPlainMapThroughLayeringAndFolding() {
        Random rnd = new Random(77);
        List<Cell> start = new ArrayList<>();
        long nextId = 1;
        for (long site = 0; site < 400; site++) {
            for (int k = 0; k < 3; k++) {
                start.add(cell(nextId++, site));
            }
        }
        Map<Long, List<Cell>> plain = new HashMap<>();
        start.forEach(c -> plain.computeIfAbsent(c.siteId(), s -> new ArrayList<>()).add(c));
        SiteCells cells = SiteCells.of(start);
        // a rare operator comes and goes: its first cell and its last one change the operators
        List<String> operators = List.of("UCELL", "UCELL", "UCELL", "BEELINE", "BEELINE", "MOBIUZ");
        boolean sawOperatorsChange = false;
        for (int round = 0; round < 300; round++) {
            Map<Long, List<Cell>> change = new HashMap<>();
            for (int j = rnd.nextInt(12); j >= 0; j--) {
                long site = rnd.nextInt(500); // some new sites, some removed ones brought back
                List<Cell> now = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    now.add(cell(nextId++, site, operators.get(rnd.nextInt(round < 150 ? 5 : operators.size()))));
                }
                change.put(site, now);
            }
            SiteCells before = cells;
            cells = cells.with(change);
            sawOperatorsChange |= !before.operators().equals(cells.operators());
            change.forEach((site, now) -> {
                if (now.isEmpty()) {
                    plain.remove(site);
                } else {
                    plain.put(site, now);
                }
            });
            for (long site = 0; site < 500; site++) {
                assertThat(cells.of(site)).as("round %d site %d", round, site)
                        .isEqualTo(plain.getOrDefault(site, List.of()));
            }
            assertThat(cells.cells()).as("round %d", round)
                    .containsExactlyInAnyOrderElementsOf(plain.values().stream().flatMap(List::stream).toList());
            assertThat(cells.operators()).as("operators with cells, round %d", round).isEqualTo(plain.values().stream()
                    .flatMap(List::stream).map(Cell::operator).collect(java.util.stream.Collectors.toSet()));
        }
        assertThat(sawOperatorsChange).as("some change brought an operator or took one away").isTrue();
    }
}
