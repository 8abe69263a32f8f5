package uz.qamrov.planner.terrain;

import java.util.List;
import java.util.Locale;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.terrain.Dem;

/**
 * Reads a single-band GeoTIFF elevation grid in WGS84 lon/lat (EPSG:4326), as SRTM 30/90 m tiles come from USGS,
 * CGIAR or {@code gdal_translate}, into a {@link Dem}, with {@code mil.nga:tiff} (strips or tiles; uncompressed,
 * LZW, Deflate or PackBits).
 *
 * <p>Georeferencing: {@code ModelPixelScale} + {@code ModelTiepoint}, or a {@code ModelTransformation} without rotation
 * or shear (a rotated grid is refused: the {@link Dem} is axis-aligned and resampling it is not this reader's job);
 * pixels must be square in degrees. {@code GTRasterTypeGeoKey} PixelIsPoint (the tiepoint is a pixel centre) and
 * PixelIsArea (its corner, the default) are both honoured. The GeoKeys must say geographic EPSG:4326: a projected CRS
 * (UTM, Pulkovo GK) or another datum is refused by name, with the {@code gdalwarp -t_srs EPSG:4326} to run.
 *
 * <p>Samples: signed 16-bit integers (SRTM's own type; voids −32768) or 32-bit floats. {@code GDAL_NODATA} (tag 42113)
 * names the nodata value; without it −9999 is assumed, as in ESRI grids. The same checks as
 * {@link EsriAsciiGridReader}: heights in metres ({@value EsriAsciiGridReader#MIN_M}…{@value EsriAsciiGridReader#MAX_M}),
 * not all nodata; and the grid must overlap Uzbekistan's box (lon 55.9–73.2, lat 37.1–45.6). Every problem is an
 * {@link InvalidInputException} (a 400 with its details in the API), never a raw library exception.
 */
public final class GeoTiffDemReader {

    /** Uzbekistan's box, lon/lat: a DEM that misses it entirely is the wrong file. */
    static final double[] COUNTRY_BOX = {55.9, 37.1, 73.2, 45.6};

    /** 300 million cells (1.2 GB of floats): more than SRTM 90 m of the country (≈ 20,600 × 10,200) needs. */
    static final long MAX_CELLS = 300_000_000L;

    private static final int GT_MODEL_TYPE = 1024;
    private static final int GT_RASTER_TYPE = 1025;
    private static final int GEOGRAPHIC_TYPE = 2048;
    private static final int PROJECTED_CS_TYPE = 3072;
    private static final int MODEL_TYPE_PROJECTED = 1;
    private static final int MODEL_TYPE_GEOGRAPHIC = 2;
    private static final int RASTER_PIXEL_IS_POINT = 2;
    private static final int WGS84 = 4326;
    private static final float DEFAULT_NODATA = -9999f;

    private GeoTiffDemReader() {
    }

    /** Whether the bytes start like a TIFF ("II*\0" little-endian or "MM\0*" big-endian). */
    public static boolean isTiff(byte[] head) {
        return head.length >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42);
    }

    /** {@link #isTiff} or a BigTIFF ("II+\0" / "MM\0+"), which {@link #read} refuses with a message saying so. */
    public static boolean isTiffOrBigTiff(byte[] head) {
        return isTiff(head) || head.length >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 43 && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 43);
    }

    public static Dem read(byte[] bytes) {
        if (isTiffOrBigTiff(bytes) && !isTiff(bytes)) {
            throw InvalidInputException.of("BigTIFF is not supported; write a classic GeoTIFF (gdal_translate -co BIGTIFF=NO)",
                    "format", "BigTIFF");
        }
        if (!isTiff(bytes)) {
            throw InvalidInputException.of("not a TIFF file (no II*/MM* signature)", "bytes", bytes.length);
        }
        FileDirectory dir;
        try {
            TIFFImage image = TiffReader.readTiff(bytes);
            dir = image.getFileDirectory();
        } catch (RuntimeException e) {
            throw corrupt(e);
        }
        try {
            return read(dir);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // a directory that parsed but whose strips or tags point past the end of the file, or hold the wrong types
            throw corrupt(e);
        }
    }

    private static InvalidInputException corrupt(RuntimeException e) {
        return InvalidInputException.of("not a readable GeoTIFF (truncated or corrupt): " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), "error", String.valueOf(e.getMessage()));
    }

    private static Dem read(FileDirectory dir) {
        int cols = dir.getImageWidth().intValue();
        int rows = dir.getImageHeight().intValue();
        if (cols < 2 || rows < 2 || (long) cols * rows > MAX_CELLS) {
            throw InvalidInputException.of("GeoTIFF size must be at least 2 × 2 and at most " + MAX_CELLS + " cells",
                    "cols", cols, "rows", rows);
        }
        if (dir.getSamplesPerPixel() != 1) {
            throw InvalidInputException.of("a DEM GeoTIFF must have one band (elevation), not " + dir.getSamplesPerPixel(),
                    "bands", dir.getSamplesPerPixel());
        }
        checkCrs(dir);
        double[] grid = georeference(dir);
        double west = grid[0];
        double north = grid[1];
        double cell = grid[2];
        if (!(cell > 0 && cell <= 1)) {
            throw InvalidInputException.of("DEM cell size must be in degrees (WGS84), between 0 and 1", "cellDeg", cell);
        }
        double east = west + cols * cell;
        double south = north - rows * cell;
        if (west < -180.0001 || east > 180.0001 || south < -90.0001 || north > 90.0001) {
            throw InvalidInputException.of("DEM extent is not WGS84 lon/lat", "west", west, "south", south, "east", east,
                    "north", north);
        }
        if (east <= COUNTRY_BOX[0] || west >= COUNTRY_BOX[2] || north <= COUNTRY_BOX[1] || south >= COUNTRY_BOX[3]) {
            throw InvalidInputException.of("the DEM does not overlap Uzbekistan (lon 55.9–73.2, lat 37.1–45.6)", "west", west,
                    "south", south, "east", east, "north", north);
        }
        float nodata = nodata(dir);
        // a NaN nodata (GDAL writes "nan" for float grids) is stored as -9999: the Dem compares nodata with ==
        float stored = Float.isNaN(nodata) ? DEFAULT_NODATA : nodata;
        float[] z = samples(dir, rows, cols, nodata, stored);
        return new Dem(Math.max(-180, west), Math.min(90, north), cell, rows, cols, z, stored);
    }

    /** The GeoKeys must name geographic EPSG:4326; anything else is refused with its code. */
    private static void checkCrs(FileDirectory dir) {
        List<Integer> keys = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
        if (keys == null || keys.size() < 4) {
            throw InvalidInputException.of("the TIFF has no GeoTIFF CRS (GeoKeyDirectory); assign one with"
                    + " gdal_translate -a_srs EPSG:4326 if it is WGS84 lon/lat", "crs", "none");
        }
        Integer model = geoKey(keys, GT_MODEL_TYPE);
        Integer geographic = geoKey(keys, GEOGRAPHIC_TYPE);
        Integer projected = geoKey(keys, PROJECTED_CS_TYPE);
        if (model != null && model == MODEL_TYPE_PROJECTED || projected != null) {
            throw InvalidInputException.of("the DEM is in a projected CRS (EPSG:" + (projected == null ? "user-defined" : projected)
                    + "), not WGS84 lon/lat; reproject it: gdalwarp -t_srs EPSG:4326 in.tif out.tif", "crs",
                    projected == null ? "projected" : "EPSG:" + projected);
        }
        if (model == null || model != MODEL_TYPE_GEOGRAPHIC || geographic == null || geographic != WGS84) {
            throw InvalidInputException.of("the DEM's CRS is not EPSG:4326 (WGS84 lon/lat) but "
                    + (geographic == null ? "unstated or user-defined" : "EPSG:" + geographic)
                    + "; reproject it: gdalwarp -t_srs EPSG:4326 in.tif out.tif", "crs",
                    geographic == null ? "unknown" : "EPSG:" + geographic);
        }
    }

    /** A GeoKey stored in the directory itself (TIFFTagLocation 0), or null. */
    private static Integer geoKey(List<Integer> keys, int id) {
        int n = keys.get(3);
        for (int i = 0; i < n && 4 + 4 * i + 3 < keys.size(); i++) {
            int at = 4 + 4 * i;
            if (keys.get(at) == id) {
                return keys.get(at + 1) == 0 ? keys.get(at + 3) : null;
            }
        }
        return null;
    }

    /** West, north (outer corner) and the cell size in degrees. */
    private static double[] georeference(FileDirectory dir) {
        List<Double> scale = dir.getModelPixelScale();
        List<Double> tie = dir.getModelTiepoint();
        List<Double> m = dir.getDoubleListEntryValue(FieldTagType.ModelTransformation);
        double sx;
        double sy;
        double x;
        double y;
        if (m != null && (scale == null || tie == null)) {
            if (m.size() < 16) {
                throw InvalidInputException.of("ModelTransformation must hold 16 values", "values", m.size());
            }
            if (m.get(1) != 0 || m.get(4) != 0) {
                throw InvalidInputException.of("the GeoTIFF grid is rotated or sheared (ModelTransformation"
                        + " terms " + m.get(1) + ", " + m.get(4) + "); warp it north-up: gdalwarp -t_srs EPSG:4326 in.tif out.tif",
                        "rotationX", m.get(1), "rotationY", m.get(4));
            }
            sx = m.get(0);
            sy = -m.get(5);
            x = m.get(3);
            y = m.get(7);
        } else if (scale != null && tie != null && scale.size() >= 2 && tie.size() >= 6) {
            sx = scale.get(0);
            sy = scale.get(1);
            // the tiepoint ties raster (i, j) to model (x, y); move it to the raster's corner (0, 0)
            x = tie.get(3) - tie.get(0) * sx;
            y = tie.get(4) + tie.get(1) * sy;
        } else {
            throw InvalidInputException.of("the TIFF has no georeferencing (ModelPixelScale + ModelTiepoint or"
                    + " ModelTransformation)", "georeferencing", "none");
        }
        if (!(sx > 0 && sy > 0) || Math.abs(sx - sy) > 1e-9 * Math.max(sx, sy)) {
            throw InvalidInputException.of("DEM cells must be square in degrees and north-up", "cellX", sx, "cellY", sy);
        }
        List<Integer> keys = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
        Integer rasterType = geoKey(keys, GT_RASTER_TYPE);
        if (rasterType != null && rasterType == RASTER_PIXEL_IS_POINT) {
            // the tiepoint is the centre of pixel (0, 0), not its north-west corner
            x -= sx / 2;
            y += sy / 2;
        }
        return new double[] {x, y, sx};
    }

    private static float nodata(FileDirectory dir) {
        String text = dir.getStringEntryValue(FieldTagType.GDAL_NODATA);
        if (text == null || text.isBlank()) {
            return DEFAULT_NODATA;
        }
        String v = text.strip().replace("\u0000", "");
        try {
            return Float.parseFloat(v);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("GDAL_NODATA is not a number", "nodata", v);
        }
    }

    private static float[] samples(FileDirectory dir, int rows, int cols, float nodata, float stored) {
        List<Integer> bits = dir.getBitsPerSample();
        List<Integer> formats = dir.getSampleFormat();
        int b = bits == null || bits.isEmpty() ? 1 : bits.get(0);
        int format = formats == null || formats.isEmpty() ? 1 : formats.get(0);
        boolean int16 = b == 16 && format == 2;
        boolean float32 = b == 32 && format == 3;
        if (!int16 && !float32) {
            throw InvalidInputException.of("DEM samples must be signed 16-bit integers or 32-bit floats, not "
                    + (format == 1 ? "unsigned " : format == 2 ? "signed " : format == 3 ? "float " : "format " + format + " ") + b
                    + "-bit", "bitsPerSample", b, "sampleFormat", format);
        }
        Rasters r = dir.readRasters();
        float[] z = new float[rows * cols];
        int nodataCount = 0;
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                float v = r.getPixelSample(0, col, row).floatValue();
                int i = row * cols + col;
                if (v == nodata || Float.isNaN(v) && Float.isNaN(nodata)) {
                    z[i] = stored;
                    nodataCount++;
                } else if (!(v >= EsriAsciiGridReader.MIN_M && v <= EsriAsciiGridReader.MAX_M)) {
                    throw InvalidInputException.of(String.format(Locale.ROOT, "DEM value %s at row %d, column %d is not a height"
                            + " in metres (%s…%s); feet or decimetres, or an unstated nodata?", v, row, col,
                            EsriAsciiGridReader.MIN_M, EsriAsciiGridReader.MAX_M), "row", row, "col", col, "value", v);
                } else {
                    z[i] = v;
                }
            }
        }
        if (nodataCount == z.length) {
            throw InvalidInputException.of("DEM has no data", "cells", z.length);
        }
        return z;
    }
}
