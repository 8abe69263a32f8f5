package uz.qamrov.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A Geofabrik-style roads file (gis_osm_roads_free_1 as GeoJSON: osm_id, fclass, ref, name) of national size through
 * the service with the {@code geofabrik-roads} profile, as a dry run: read, validate (the ways of one ref grouped
 * across chunks and merged), write the lines (rolled back); then imported for real, coverage included. Synthetic, labelled as such: one way in five belongs to a
 * numbered road of 20 consecutive 1 km ways, the others are streets of their own; the file is in random order, as
 * Geofabrik's (by OSM id) scatters a road's ways through it.
 */
final class UploadRoads {

    static final int WAYS_PER_ROAD = 20;

    private UploadRoads() {
    }

    /** The markdown rows of docs/benchmarks.md for {@code ways} ways. */
    static String run(String base, UploadBenchmarkFiles.Outline outline, Path dir, int ways) throws Exception {
        Path file = dir.resolve("gis_osm_roads_free_1.geojson");
        int roads = ways / 5 / WAYS_PER_ROAD;
        List<String> features = new ArrayList<>(ways);
        Random r = new Random(14);
        long osmId = 100_000_000L;
        for (int road = 0; road < roads; road++) {
            double[] start = outline.draw(r);
            double bearing = r.nextDouble() * 2 * Math.PI;
            double dLon = 0.012 * Math.sin(bearing);
            double dLat = 0.009 * Math.cos(bearing);
            String ref = (road % 3 == 0 ? "M" : road % 3 == 1 ? "A" : "4R") + road;
            for (int w = 0; w < WAYS_PER_ROAD; w++) {
                features.add(feature(osmId++, road % 2 == 0 ? "trunk" : "primary", ref, "Yoʻl " + road,
                        start[0] + w * dLon, start[1] + w * dLat, dLon, dLat));
            }
        }
        while (features.size() < ways) {
            double[] p = outline.draw(r);
            features.add(feature(osmId++, "residential", null, "Koʻcha " + osmId, p[0], p[1], 0.002, 0.001));
        }
        Collections.shuffle(features, r);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < features.size(); i++) {
                out.write(i == 0 ? features.get(i) : ",\n" + features.get(i));
            }
            out.write("\n]}\n");
        }
        // timed on a quiet service (the start's precomputation of month-ends done), then again for the heap
        double quietS = UploadBenchmark.awaitBackgroundQuiet();
        String layer = "highways?profile=geofabrik-roads&partial=true";
        UploadBenchmark.Job job = UploadBenchmark.upload(base, layer, file, file.getFileName().toString(), true, () -> { });
        RetainedHeap heap = RetainedHeap.sample();
        UploadBenchmark.Job sampled = UploadBenchmark.upload(base, layer, file, file.getFileName().toString(), true, () -> { });
        heap.close();
        System.out.printf(Locale.ROOT, "roads: %s, %s; quiet after %.0f s; retained heap %d MB (%s)%n", job.status(), job.summary(),
                quietS, heap.worstMb(), sampled.status());
        // then for real: the lines are written and, an admin layer having changed, the coverage model is rebuilt with
        // every new highway in it (the footprints taken from the generation before; each line's reach measured anew)
        // (not sampled: a full collection every 500 ms doubled the phases' times; sampled once, it retained 877 MB at
        // its worst, the model before and the one being built both alive: docs/benchmarks.md)
        double quietAgainS = UploadBenchmark.awaitBackgroundQuiet();
        UploadBenchmark.Job imported = UploadBenchmark.upload(base, layer, file, file.getFileName().toString(), false, () -> { });
        System.out.printf(Locale.ROOT, "roads imported: %s, %s; phases %s; %.1f s; quiet after %.0f s%n", imported.status(),
                imported.summary(), imported.phases(), imported.totalS(), quietAgainS);
        return String.format(Locale.ROOT, "%nRoads (Geofabrik-style, synthetic), %,d ways (%,d numbered roads of %d ways, %,d"
                + " streets), %.0f MB of GeoJSON, `profile=geofabrik-roads` (ways merged by ref), same run:%n%n"
                + "| what | value |%n|---|---|%n"
                + "| dry run: status; report | %s; %s |%n"
                + "| dry run: POST / validate / write | %.2f / %.2f / **%.2f s** |%n"
                + "| heap the same dry run retains at its worst, run again (a full collection every 500 ms, %d in all) − before"
                + " | %,d MB |%n"
                + "| import: status; report | %s; %s |%n"
                + "| import: POST / validate / write / coverage (a full recompute with every new line) / whole job | %.2f / %.2f /"
                + " %.2f / **%.2f** / %.1f s |%n",
                ways, roads, WAYS_PER_ROAD, ways - roads * WAYS_PER_ROAD, Files.size(file) / 1e6, job.status(), job.summary(),
                job.postS(), job.phases().getOrDefault("validate", 0.0), job.phases().getOrDefault("write", 0.0),
                heap.collections(), heap.worstMb(), imported.status(), imported.summary(), imported.postS(),
                imported.phases().getOrDefault("validate", 0.0), imported.phases().getOrDefault("write", 0.0),
                imported.phases().getOrDefault("coverage", 0.0), imported.totalS());
    }

    /** One way of 5 vertices from (lon, lat) by (dLon, dLat). */
    private static String feature(long osmId, String fclass, String ref, String name, double lon, double lat, double dLon,
            double dLat) {
        StringBuilder coords = new StringBuilder();
        for (int i = 0; i <= 4; i++) {
            coords.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,%.6f]", lon + dLon * i / 4, lat + dLat * i / 4));
        }
        return "{\"type\":\"Feature\",\"properties\":{\"osm_id\":\"" + osmId + "\",\"code\":5111,\"fclass\":\"" + fclass + "\""
                + (ref == null ? "" : ",\"ref\":\"" + ref + "\"") + ",\"name\":\"" + name + "\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coords + "]}}";
    }
}
