package uz.qamrov.planner.terrain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StreamTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.terrain.Dem;

/**
 * Reads an ESRI ASCII grid (the {@code .asc} format: header {@code ncols, nrows, xllcorner|xllcenter,
 * yllcorner|yllcenter, cellsize, [NODATA_value]}, then rows north to south) in WGS84 degrees into a {@link Dem},
 * validating the extent, cell size, nodata and that values look like metres.
 */
public final class EsriAsciiGridReader {

    /** Heights outside this range are not metres of terrain on Earth (feet or decimetres would overflow it). */
    static final double MIN_M = -500;
    static final double MAX_M = 9_000;

    private EsriAsciiGridReader() {
    }

    public static Dem read(InputStream in) throws IOException {
        StreamTokenizer t = new StreamTokenizer(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        t.resetSyntax();
        t.wordChars('!', '~');
        t.whitespaceChars(0, ' ');
        int ncols = -1;
        int nrows = -1;
        double x = Double.NaN;
        double y = Double.NaN;
        boolean xCenter = false;
        boolean yCenter = false;
        double cell = Double.NaN;
        double nodata = -9999;
        String first = null;
        while (t.nextToken() == StreamTokenizer.TT_WORD) {
            String key = t.sval.toLowerCase(Locale.ROOT);
            if (!Character.isLetter(key.charAt(0))) {
                first = t.sval;
                break;
            }
            if (t.nextToken() != StreamTokenizer.TT_WORD) {
                throw InvalidInputException.of("ESRI grid header: value missing", "key", key);
            }
            String v = t.sval;
            switch (key) {
                case "ncols" -> ncols = Integer.parseInt(v);
                case "nrows" -> nrows = Integer.parseInt(v);
                case "xllcorner" -> x = Double.parseDouble(v);
                case "yllcorner" -> y = Double.parseDouble(v);
                case "xllcenter" -> {
                    x = Double.parseDouble(v);
                    xCenter = true;
                }
                case "yllcenter" -> {
                    y = Double.parseDouble(v);
                    yCenter = true;
                }
                case "cellsize" -> cell = Double.parseDouble(v);
                case "nodata_value" -> nodata = Double.parseDouble(v);
                default -> throw InvalidInputException.of("ESRI grid header: unknown key", "key", key);
            }
        }
        if (ncols < 2 || nrows < 2 || Double.isNaN(x) || Double.isNaN(y) || !(cell > 0)) {
            throw InvalidInputException.of("ESRI grid header incomplete", "ncols", ncols, "nrows", nrows, "cellsize", cell);
        }
        if (!(cell <= 1)) {
            throw InvalidInputException.of("DEM cell size must be in degrees (WGS84), got more than 1", "cellsize", cell);
        }
        double west = xCenter ? x - cell / 2 : x;
        double south = yCenter ? y - cell / 2 : y;
        double north = south + nrows * cell;
        if (west < -180 || west + ncols * cell > 180.0001 || south < -90 || north > 90.0001) {
            throw InvalidInputException.of("DEM extent is not WGS84 lon/lat", "west", west, "south", south, "north", north);
        }
        float[] z = new float[Math.multiplyExact(ncols, nrows)];
        int n = 0;
        int nodataCount = 0;
        String tok = first;
        while (tok != null) {
            if (n >= z.length) {
                throw InvalidInputException.of("ESRI grid has more values than ncols × nrows", "expected", z.length);
            }
            double v = Double.parseDouble(tok);
            if (v == nodata) {
                z[n++] = (float) nodata;
                nodataCount++;
            } else {
                if (!(v >= MIN_M && v <= MAX_M)) {
                    throw InvalidInputException.of("DEM value is not a height in metres", "index", n, "value", v);
                }
                z[n++] = (float) v;
            }
            tok = t.nextToken() == StreamTokenizer.TT_WORD ? t.sval : null;
        }
        if (n != z.length) {
            throw InvalidInputException.of("ESRI grid has fewer values than ncols × nrows", "expected", z.length, "found", n);
        }
        if (nodataCount == z.length) {
            throw InvalidInputException.of("DEM has no data", "cells", z.length);
        }
        return new Dem(west, north, cell, nrows, ncols, z, (float) nodata);
    }
}
