package uz.qamrov.planner.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.terrain.Dem;

/**
 * GeoTIFF DEMs written by GDAL ({@code gdal_translate}, on the PATH as for the other GDAL tests) from ESRI ASCII
 * grids: the GeoTIFF reader must return the grid the ASCII reader returns from the same file, and refuse what it cannot
 * read (rotation, a foreign CRS, a corrupt file, feet, the wrong place) with an {@link InvalidInputException} that
 * says why — which the API answers with 400, never 500.
 */
class GeoTiffDemReaderTest {

    @TempDir
    Path dir;

    /** 3 × 2 cells of 0.5° with a nodata cell, lower-left corner (66, 40). */
    private static final String SMALL = "ncols 3\nnrows 2\nxllcorner 66\nyllcorner 40\ncellsize 0.5\nNODATA_value -9999\n"
            + "100 -12 300\n400 500 -9999\n";

    private Path asc(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    /** Runs gdal_translate (or any GDAL tool) and fails the test with its output when it fails. */
    private Path gdal(String out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(Arrays.asList(args));
        cmd.add(dir.resolve(out).toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + log).isZero();
        return dir.resolve(out);
    }

    private static Dem ascii(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return EsriAsciiGridReader.read(in);
        }
    }

    private static void assertSameGrid(Dem tiff, Dem asc) {
        assertThat(tiff.westLon()).isEqualTo(asc.westLon());
        assertThat(tiff.northLat()).isEqualTo(asc.northLat());
        assertThat(tiff.cellDeg()).isEqualTo(asc.cellDeg());
        assertThat(tiff.rows()).isEqualTo(asc.rows());
        assertThat(tiff.cols()).isEqualTo(asc.cols());
        assertThat(tiff.nodata()).isEqualTo(asc.nodata());
        assertThat(tiff.elevationsM()).containsExactly(asc.elevationsM());
    }

    @Test
    void anInt16GeoTiffIsTheSameGridAsItsAsciiSource() throws Exception {
        Path asc = asc("small.asc", SMALL);
        Path tif = gdal("small.tif", "gdal_translate", "-q", "-of", "GTiff", "-ot", "Int16", "-a_srs", "EPSG:4326", asc.toString());
        Dem d = DemFiles.read(tif);
        Dem expected = ascii(asc);
        assertSameGrid(d, expected);
        assertThat(d.elevationM(66.25, 40.75)).isEqualTo(100);
        assertThat(d.elevationM(66.5, 40.75)).isEqualTo(44); // between 100 and -12
        assertThat(d.elevationM(67.0, 40.5)).isNaN(); // next to the nodata cell
    }

    @Test
    void aTiledDeflatedFloat32GeoTiffWithPixelIsPointIsTheSameGrid() throws Exception {
        // 40 × 30 cells of 3" (SRTM 90 m) in the Fergana valley, heights with decimals, a few nodata cells
        StringBuilder b = new StringBuilder("ncols 40\nnrows 30\nxllcorner 71.5\nyllcorner 40.9\ncellsize 0.000833333333333\n"
                + "NODATA_value -9999\n");
        Random r = new Random(7);
        for (int i = 0; i < 40 * 30; i++) {
            b.append(i % 97 == 5 ? "-9999" : String.format(Locale.ROOT, "%.2f", 400 + r.nextDouble() * 2500)).append(i % 40 == 39 ? "\n" : " ");
        }
        Path asc = asc("fergana.asc", b.toString());
        Dem expected = ascii(asc);
        Path tiled = gdal("tiled.tif", "gdal_translate", "-q", "-ot", "Float32", "-a_srs", "EPSG:4326", "-co", "TILED=YES",
                "-co", "BLOCKXSIZE=16", "-co", "BLOCKYSIZE=16", "-co", "COMPRESS=DEFLATE", asc.toString());
        assertSameGrid(DemFiles.read(tiled), expected);
        // PixelIsPoint: GDAL writes the tiepoint at the first pixel's centre; the grid is the same
        Path point = gdal("point.tif", "gdal_translate", "-q", "-ot", "Float32", "-a_srs", "EPSG:4326", "-mo", "AREA_OR_POINT=Point",
                "-co", "COMPRESS=LZW", asc.toString());
        Dem p = DemFiles.read(point);
        assertThat(p.westLon()).isCloseTo(expected.westLon(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.northLat()).isCloseTo(expected.northLat(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.elevationsM()).containsExactly(expected.elevationsM());
        // gzip'd, as the shipped ASCII grid is
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(tiled));
        }
        assertSameGrid(DemFiles.read(gz.toByteArray()), expected);
    }

    @Test
    void aRotatedGridIsRefusedWithTheWarpToRun() throws Exception {
        Path asc = asc("small.asc", SMALL);
        // a VRT whose geotransform has rotation terms: GDAL writes it as a ModelTransformation tag
        Path vrt = dir.resolve("rotated.vrt");
        Files.writeString(vrt, "<VRTDataset rasterXSize=\"3\" rasterYSize=\"2\"><SRS>EPSG:4326</SRS>"
                + "<GeoTransform>66, 0.5, 0.1, 41, 0.1, -0.5</GeoTransform><VRTRasterBand dataType=\"Int16\" band=\"1\">"
                + "<NoDataValue>-9999</NoDataValue><SimpleSource><SourceFilename relativeToVRT=\"0\">" + asc + "</SourceFilename>"
                + "<SourceBand>1</SourceBand></SimpleSource></VRTRasterBand></VRTDataset>");
        Path tif = gdal("rotated.tif", "gdal_translate", "-q", vrt.toString());
        assertThatThrownBy(() -> DemFiles.read(tif)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rotated").hasMessageContaining("gdalwarp");
    }

    @Test
    void aProjectedOrOtherDatumCrsIsRefusedByName() throws Exception {
        Path asc = asc("small.asc", SMALL);
        Path utm = gdal("utm.tif", "gdal_translate", "-q", "-ot", "Int16", "-a_srs", "EPSG:32642", asc.toString());
        assertThatThrownBy(() -> DemFiles.read(utm)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("projected CRS (EPSG:32642)");
        Path pulkovo = gdal("pulkovo.tif", "gdal_translate", "-q", "-ot", "Int16", "-a_srs", "EPSG:4284", asc.toString());
        assertThatThrownBy(() -> DemFiles.read(pulkovo)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not EPSG:4326 (WGS84 lon/lat) but EPSG:4284");
        Path none = gdal("none.tif", "gdal_translate", "-q", "-ot", "Int16", asc.toString());
        assertThatThrownBy(() -> DemFiles.read(none)).isInstanceOf(InvalidInputException.class).hasMessageContaining("EPSG:4326");
    }

    @Test
    void truncatedOrGarbageTiffsAreClearErrors() throws Exception {
        StringBuilder b = new StringBuilder("ncols 64\nnrows 64\nxllcorner 66\nyllcorner 40\ncellsize 0.01\n");
        for (int i = 0; i < 64 * 64; i++) {
            b.append(100 + i % 50).append(' ');
        }
        Path tif = gdal("big.tif", "gdal_translate", "-q", "-ot", "Int16", "-a_srs", "EPSG:4326", asc("big.asc", b.toString()).toString());
        byte[] whole = Files.readAllBytes(tif);
        for (int cut : new int[] {8, 200, whole.length / 2, whole.length - 10}) {
            byte[] head = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> GeoTiffDemReader.read(head)).as("cut at " + cut).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("GeoTIFF");
        }
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        garbage[0] = 'I';
        garbage[1] = 'I';
        garbage[2] = 42;
        garbage[3] = 0;
        assertThatThrownBy(() -> DemFiles.read(garbage)).isInstanceOf(InvalidInputException.class);
        byte[] big = {'I', 'I', 43, 0, 8, 0, 0, 0};
        assertThatThrownBy(() -> DemFiles.read(big)).isInstanceOf(InvalidInputException.class).hasMessageContaining("BigTIFF");
    }

    @Test
    void feetTheWrongPlaceAndUnsignedBytesAreRefused() throws Exception {
        Path feet = gdal("feet.tif", "gdal_translate", "-q", "-ot", "Int16", "-a_srs", "EPSG:4326",
                asc("feet.asc", SMALL.replace("300", "12000")).toString());
        assertThatThrownBy(() -> DemFiles.read(feet)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a height in metres");
        Path alps = gdal("alps.tif", "gdal_translate", "-q", "-ot", "Int16", "-a_srs", "EPSG:4326",
                asc("alps.asc", SMALL.replace("xllcorner 66", "xllcorner 10")).toString());
        assertThatThrownBy(() -> DemFiles.read(alps)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not overlap Uzbekistan");
        Path bytes = gdal("bytes.tif", "gdal_translate", "-q", "-ot", "Byte", "-a_srs", "EPSG:4326",
                asc("bytes.asc", SMALL).toString());
        assertThatThrownBy(() -> DemFiles.read(bytes)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("signed 16-bit integers or 32-bit floats");
    }
}
