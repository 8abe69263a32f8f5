package uz.qamrov.planner.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenCellIdSitesTest {

    @Test
    void lteCellsShareTheirENodeBAndOtherRadiosGroupByAreaAndPosition() {
        // eNodeB 1000 = cells 256000..256255; 256001 and 256002 are sectors 1 and 2 of it, 256256 is eNodeB 1001
        var cells = List.of(
                new OpenCellIdSites.CellRef(1, "4G", 434, 5, 100, 256_001, 69.2400, 41.3000),
                new OpenCellIdSites.CellRef(2, "4G", 434, 5, 100, 256_002, 69.2410, 41.3010),
                new OpenCellIdSites.CellRef(3, "4G", 434, 5, 100, 256_256, 69.2400, 41.3000),
                // same eNodeB number in another network is another site
                new OpenCellIdSites.CellRef(4, "4G", 434, 7, 100, 256_001, 69.2400, 41.3000),
                // GSM: two cells 50 m apart in LAC 10 share a site; a third 1 km away is another one
                new OpenCellIdSites.CellRef(5, "2G", 434, 5, 10, 11, 69.2000, 41.3000),
                new OpenCellIdSites.CellRef(6, "2G", 434, 5, 10, 12, 69.2006, 41.3000),
                new OpenCellIdSites.CellRef(7, "2G", 434, 5, 10, 13, 69.2120, 41.3000));
        var groups = OpenCellIdSites.group(cells);
        assertThat(groups).extracting(g -> g.cells().stream().map(OpenCellIdSites.CellRef::row).toList())
                .containsExactlyInAnyOrder(List.of(1, 2), List.of(3), List.of(4), List.of(5, 6), List.of(7));
        var enb1000 = groups.stream().filter(g -> g.cells().size() == 2 && g.cells().get(0).radio().equals("4G")).findFirst().orElseThrow();
        assertThat(enb1000.siteId()).isEqualTo("434-5-L1000");
        assertThat(enb1000.lon()).isCloseTo(69.2405, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(enb1000.lat()).isCloseTo(41.3005, org.assertj.core.data.Offset.offset(1e-9));
        // 0.0006° of longitude at 41.3°N = 0.0006 × 111,195 × cos 41.3° ≈ 50 m
        assertThat(OpenCellIdSites.metres(69.2, 41.3, 69.2006, 41.3)).isCloseTo(50.1, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void umtsCellsGroupByRncAreaAndPosition() {
        // UTRAN cell id = RNC × 65,536 + cell: 131,073 and 131,074 are cells 1 and 2 of RNC 2, 196,609 is RNC 3
        var cells = List.of(
                new OpenCellIdSites.CellRef(1, "3G", 434, 5, 20, 131_073, 69.3000, 41.2000),
                new OpenCellIdSites.CellRef(2, "3G", 434, 5, 20, 131_074, 69.3006, 41.2000), // 50 m away: same site
                new OpenCellIdSites.CellRef(3, "3G", 434, 5, 20, 196_609, 69.3000, 41.2000), // another RNC
                new OpenCellIdSites.CellRef(4, "3G", 434, 5, 21, 131_075, 69.3000, 41.2000), // another area
                new OpenCellIdSites.CellRef(5, "3G", 434, 5, 20, 131_076, 69.3240, 41.2000)); // RNC 2, 2 km away
        var groups = OpenCellIdSites.group(cells);
        assertThat(groups).extracting(g -> g.cells().stream().map(OpenCellIdSites.CellRef::row).toList())
                .containsExactlyInAnyOrder(List.of(1, 2), List.of(3), List.of(4), List.of(5));
        // the site is named by its key and its first cell; the chunk key keeps the RNC's cells of one area together
        assertThat(groups).extracting(OpenCellIdSites.Group::siteId).contains("434-5-U20-R2-C131073", "434-5-U20-R3-C196609");
        assertThat(OpenCellIdSites.chunkKey("ucell", "3G", "20", "131076"))
                .isEqualTo(OpenCellIdSites.chunkKey("ucell", "3G", "020", "131073")).isEqualTo("ucell|U20-R2");
    }
}
