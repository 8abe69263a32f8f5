package uz.qamrov.planner.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Main paths worked out on paper: the answers are the WKT a person draws for each sketch. */
class LinePathsTest {

    private static List<LineString> lines(String... wkt) throws ParseException {
        WKTReader r = new WKTReader(GeometryChecks.WGS84);
        return java.util.Arrays.stream(wkt).map(w -> {
            try {
                return (LineString) r.read(w);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void waysOfOneLineJoinIntoOnePath() throws ParseException {
        var r = LinePaths.mainPath(lines("LINESTRING (66 40, 67 40)", "LINESTRING (68 40, 67 40)"));
        assertThat(r.main().getNumPoints()).isEqualTo(3);
        assertThat(r.main().getLength()).isEqualTo(2.0);
        assertThat(r.offPathParts()).isEmpty();
    }

    @Test
    void doubleTrackRunsEndToEndAlongOneTrack() throws ParseException {
        // A(66,40) to station S(67,40) single track; S to T(68,40) double track: a straight one and a detour via
        // (67.5,40.01); T to B(69,40) single. The main path A-S-T-B takes the shorter (straight) track: 3 degrees.
        var r = LinePaths.mainPath(lines("LINESTRING (66 40, 67 40)", "LINESTRING (67 40, 68 40)",
                "LINESTRING (67 40, 67.5 40.01, 68 40)", "LINESTRING (68 40, 69 40)"));
        assertThat(r.main().getStartPoint().getX() + r.main().getEndPoint().getX()).isEqualTo(66 + 69);
        assertThat(r.main().getLength()).isEqualTo(3.0);
        assertThat(r.offPathParts()).hasSize(1);
        assertThat(r.offPathParts().get(0).getNumPoints()).isEqualTo(3);
        assertThat(r.parts()).hasSize(4);
    }

    @Test
    void aShortBranchStaysOffTheMainPath() throws ParseException {
        // a T: trunk from 66 to 70 along lat 40, a 0.5° spur north at 68: the main path is the 4° trunk
        var r = LinePaths.mainPath(lines("LINESTRING (66 40, 68 40)", "LINESTRING (68 40, 70 40)", "LINESTRING (68 40, 68 40.5)"));
        assertThat(r.main().getLength()).isEqualTo(4.0);
        assertThat(r.offPathParts()).extracting(LineString::getLength).containsExactly(0.5);
    }

    @Test
    void theMainPathRunsTheWayTheFilesFirstPartRuns() throws ParseException {
        // ways A(66)→B(67), B→C(68), C→D(69) along lat 40, listed middle first: the first listed way runs east, so
        // the path starts at A (kilometre 0 at the file's start), whatever end the graph search found first
        var east = LinePaths.mainPath(lines("LINESTRING (67 40, 68 40)", "LINESTRING (68 40, 69 40)", "LINESTRING (66 40, 67 40)"));
        assertThat(east.main().getStartPoint().getX()).isEqualTo(66.0);
        assertThat(east.main().getEndPoint().getX()).isEqualTo(69.0);
        // the same ways, each drawn westwards: the path starts at D
        var west = LinePaths.mainPath(lines("LINESTRING (68 40, 67 40)", "LINESTRING (69 40, 68 40)", "LINESTRING (67 40, 66 40)"));
        assertThat(west.main().getStartPoint().getX()).isEqualTo(69.0);
        assertThat(west.main().getEndPoint().getX()).isEqualTo(66.0);
        // a spur listed first (perpendicular to the trunk: no direction along it), then the trunk drawn westwards
        var spurFirst = LinePaths.mainPath(lines("LINESTRING (68 40, 68 40.5)", "LINESTRING (70 40, 68 40)", "LINESTRING (68 40, 66 40)"));
        assertThat(spurFirst.main().getStartPoint().getX()).isEqualTo(70.0);
        assertThat(spurFirst.main().getLength()).isEqualTo(4.0);
    }
}
