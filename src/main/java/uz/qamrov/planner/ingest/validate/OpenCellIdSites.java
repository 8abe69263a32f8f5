package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which OpenCelliD cells share a site. OpenCelliD lists cells, each at the centre of the crowd's observations, so a
 * three-sector site is three rows at three different estimated positions.
 * <ul>
 * <li>LTE: the 28-bit E-UTRAN cell id is eNodeB id × 256 + local cell id (3GPP TS 36.413), so the site is
 * {@code cell >> 8} within mcc/net.</li>
 * <li>UMTS: the 28-bit UTRAN cell id is RNC id × 65536 + cell id (TS 25.401); the RNC is a controller, not a site,
 * so cells are grouped by RNC, area and position.</li>
 * <li>GSM (and NR, whose gNodeB id length varies by operator): by area (LAC/TAC) and position.</li>
 * </ul>
 * Grouping by position: cells of the same key whose estimated positions lie within {@value #SAME_SITE_M} m of a
 * group's running centroid join it (in cell-id order). Sector estimates scatter towards where the users are, so the
 * distance is wider than a tower's footprint but below the typical urban inter-site distance (300–500 m).
 */
final class OpenCellIdSites {

    static final double SAME_SITE_M = 200;

    /** One cell: its row, id parts, and estimated position. */
    record CellRef(int row, String radio, int mcc, int net, long area, long cell, double lon, double lat) {
    }

    /** A site: its id and its cells. */
    record Group(String siteId, List<CellRef> cells) {
        double lon() {
            return cells.stream().mapToDouble(CellRef::lon).average().orElseThrow();
        }

        double lat() {
            return cells.stream().mapToDouble(CellRef::lat).average().orElseThrow();
        }
    }

    private OpenCellIdSites() {
    }

    /**
     * The key under which a chunked validation keeps cells together: coarser than the site keys of {@link #group}
     * (operator instead of mcc/net, which one operator may have several of), so that all cells one site may be made of,
     * and every row of one cell, are validated in the same chunk. LTE: the eNodeB; UMTS: area and RNC; GSM/NR: the
     * area. Null when a part is not a whole number (the row then fails its own checks).
     */
    static String chunkKey(String operator, String tech, String area, String cell) {
        if (area == null || cell == null || !area.strip().matches("\\d{1,12}") || !cell.strip().matches("\\d{1,12}")) {
            return null;
        }
        long c = Long.parseLong(cell.strip());
        String a = String.valueOf(Long.parseLong(area.strip()));
        return operator + "|" + switch (tech) {
            case "4G" -> "L" + (c >> 8);
            case "3G" -> "U" + a + "-R" + (c >> 16);
            case "2G" -> "G" + a;
            default -> "N" + a;
        };
    }

    static List<Group> group(List<CellRef> cells) {
        Map<String, List<CellRef>> byKey = new LinkedHashMap<>();
        for (CellRef c : cells) {
            String key = switch (c.radio()) {
                case "4G" -> c.mcc() + "-" + c.net() + "-L" + (c.cell() >> 8);
                case "3G" -> c.mcc() + "-" + c.net() + "-U" + c.area() + "-R" + (c.cell() >> 16);
                case "2G" -> c.mcc() + "-" + c.net() + "-G" + c.area();
                default -> c.mcc() + "-" + c.net() + "-N" + c.area();
            };
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Group> out = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            if (e.getValue().get(0).radio().equals("4G")) {
                out.add(new Group(e.getKey(), e.getValue()));
                continue;
            }
            List<CellRef> sorted = new ArrayList<>(e.getValue());
            sorted.sort((x, y) -> Long.compare(x.cell(), y.cell()));
            List<Group> groups = new ArrayList<>();
            for (CellRef c : sorted) {
                Group home = null;
                for (Group g : groups) {
                    if (metres(g.lon(), g.lat(), c.lon(), c.lat()) <= SAME_SITE_M) {
                        home = g;
                        break;
                    }
                }
                if (home == null) {
                    home = new Group(e.getKey() + "-C" + c.cell(), new ArrayList<>());
                    groups.add(home);
                }
                home.cells().add(c);
            }
            out.addAll(groups);
        }
        return out;
    }

    /** Equirectangular distance: exact enough below a kilometre. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double k = Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot((lon2 - lon1) * k, lat2 - lat1) * 111_195;
    }
}
