package uz.qamrov.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;

/** The files {@link UploadBenchmark} uploads: national site CSVs, their GeoJSON, and one sample in every format. */
final class UploadBenchmarkFiles {

    private UploadBenchmarkFiles() {
    }

    /** Uzbekistan's outline as the database holds it (the regions), for drawing sites the country check accepts. */
    record Outline(IndexedPointInAreaLocator locator, Envelope box) {
        static Outline of(JdbcTemplate jdbc) throws Exception {
            byte[] wkb = jdbc.queryForObject("SELECT ST_AsBinary(ST_Union(geom)) FROM regions", byte[].class);
            Geometry g = new WKBReader().read(wkb);
            return new Outline(new IndexedPointInAreaLocator(g), g.getEnvelopeInternal());
        }

        double[] draw(Random r) {
            while (true) {
                double lon = box.getMinX() + r.nextDouble() * box.getWidth();
                double lat = box.getMinY() + r.nextDouble() * box.getHeight();
                if (locator.locate(new Coordinate(lon, lat)) == Location.INTERIOR) {
                    return new double[] {lon, lat};
                }
            }
        }
    }

    /** Ucell sites with a 4G, a 3G and a 2G sector, going on air today (no commissioning date). */
    static void writeCsv(Path file, Outline outline, int n, Random r, String prefix) throws Exception {
        String[][] sectors = {{"4G", "1800"}, {"3G", "2100"}, {"2G", "900"}};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(UploadBenchmark.HEADER);
            for (int i = 0; i < n; i++) {
                double[] p = outline.draw(r);
                for (int c = 0; c < 3; c++) {
                    w.write(String.format(Locale.ROOT, "ucell,%s%d,%d,%.6f,%.6f,30,active,,,%s,%s,%d,65,3,28,60,%n", prefix, i, c + 1,
                            p[0], p[1], sectors[c][0], sectors[c][1], c * 120));
                }
            }
        }
    }

    /** The national CSV's rows as a GeoJSON FeatureCollection, one Point feature per row, the columns as properties. */
    static void csvToGeoJson(Path csv, Path geojson) throws Exception {
        try (java.io.BufferedReader in = Files.newBufferedReader(csv); BufferedWriter g = Files.newBufferedWriter(geojson)) {
            String[] names = in.readLine().split(",", -1);
            g.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            String line;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                String[] v = line.split(",", -1);
                StringBuilder props = new StringBuilder();
                for (int i = 0; i < names.length; i++) {
                    if (!v[i].isEmpty() && !names[i].equals("lon") && !names[i].equals("lat")) {
                        props.append(props.length() == 0 ? "" : ",").append('"').append(names[i]).append("\":\"").append(v[i]).append('"');
                    }
                }
                g.write((first ? "" : ",\n") + "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[" + v[3] + "," + v[4] + "]}}");
                first = false;
            }
            g.write("\n]}\n");
        }
    }

    /** The same one-cell sites as CSV, GeoJSON, and (ogr2ogr) GeoPackage and zipped Shapefile; property names fit a .dbf. */
    static List<String[]> formats(Path dir, Outline outline, int n) throws Exception {
        Random r = new Random(11);
        Path csv = dir.resolve("sites10k.csv");
        Path geojson = dir.resolve("sites10k.geojson");
        try (BufferedWriter c = Files.newBufferedWriter(csv); BufferedWriter g = Files.newBufferedWriter(geojson)) {
            c.write("operator,site_id,cell_id,lon,lat,technology,band_mhz,antenna_height_m\n");
            g.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < n; i++) {
                double[] p = outline.draw(r);
                c.write(String.format(Locale.ROOT, "ucell,BENCH-F-%d,1,%.6f,%.6f,4G,1800,28%n", i, p[0], p[1]));
                g.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"operator\":\"ucell\",\"site_id\":\"BENCH-F-%d\","
                        + "\"cell_id\":\"1\",\"technology\":\"4G\",\"band_mhz\":1800,\"antenna_h\":28},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}%n", i == 0 ? "" : ",", i, p[0], p[1]));
            }
            g.write("]}\n");
        }
        Path gpkg = dir.resolve("sites10k.gpkg");
        run(dir, "ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString());
        Path shpDir = Files.createDirectory(dir.resolve("shp"));
        run(dir, "ogr2ogr", "-f", "ESRI Shapefile", shpDir.resolve("sites10k.shp").toString(), geojson.toString());
        Path zip = dir.resolve("sites10k.zip");
        run(shpDir, "zip", "-q", zip.toString(), "sites10k.shp", "sites10k.shx", "sites10k.dbf", "sites10k.prj");
        return List.of(new String[] {"CSV", csv.toString()}, new String[] {"GeoJSON", geojson.toString()},
                new String[] {"GeoPackage", gpkg.toString()}, new String[] {"zipped Shapefile", zip.toString()});
    }

    static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

}
