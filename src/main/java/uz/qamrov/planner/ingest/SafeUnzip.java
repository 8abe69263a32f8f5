package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unzips a shapefile archive to a private temporary directory, defensively: no path traversal ("..") or absolute
 * names, only the members a shapefile has (.shp .shx .dbf .prj .cpg; directories and __MACOSX are skipped), each
 * member name once, at most {@code max-zip-entries} members and {@code max-unzipped-mb} expanded in all. Members are
 * streamed to disk and the limit is counted while inflating, so a zip bomb stops at the cap without filling memory
 * (the old reader held up to 1 GB of members on the heap).
 */
final class SafeUnzip {

    static final Set<String> MEMBERS = Set.of("shp", "shx", "dbf", "prj", "cpg");

    /** The members of one shapefile by extension, as files; {@link #close()} deletes them. */
    record Shapefile(String name, Map<String, Path> parts, Path dir) implements AutoCloseable {

        byte[] small(String ext, int maxBytes) {
            Path p = parts.get(ext);
            if (p == null) {
                return null;
            }
            try {
                if (Files.size(p) > maxBytes) {
                    throw FileProblems.invalid("the ." + ext + " member is larger than " + maxBytes + " bytes")
                            .withMessage("detail.zip-member-too-large", Map.of("extension", ext, "maxBytes", maxBytes));
                }
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            deleteTree(dir);
        }
    }

    private SafeUnzip() {
    }

    static Shapefile shapefile(Path zip, IngestProperties limits) {
        try {
            return shapefile(zip, limits, Files.createTempDirectory("qamrov-shp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unzips into {@code dir} (owned from now on: deleted on failure, or by {@link Shapefile#close()}). */
    static Shapefile shapefile(Path zip, IngestProperties limits, Path dir) {
        try {
            return unzip(zip, limits, dir);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static Shapefile unzip(Path zip, IngestProperties limits, Path dir) {
        long cap = limits.maxUnzippedMb() * 1024L * 1024L;
        long total = 0;
        int entries = 0;
        Map<String, Path> parts = new HashMap<>();
        String base = null;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw FileProblems.invalid("the zip has more than " + limits.maxZipEntries() + " entries")
                            .withMessage("detail.zip-too-many-entries", Map.of("max", limits.maxZipEntries()));
                }
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
                    throw FileProblems.invalid("unsafe path in zip: '" + e.getName() + "' (absolute or path traversal)",
                            Map.of("entry", e.getName())).withMessage("detail.zip-unsafe-path");
                }
                if (e.isDirectory() || name.startsWith("__MACOSX/")) {
                    continue;
                }
                String file = name.substring(name.lastIndexOf('/') + 1);
                int dot = file.lastIndexOf('.');
                String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!MEMBERS.contains(ext)) {
                    throw FileProblems.invalid("unexpected member '" + name + "' in a shapefile zip; only .shp .shx .dbf .prj .cpg",
                            Map.of("entry", name)).withMessage("detail.zip-unexpected-member");
                }
                String stem = file.substring(0, dot);
                if (base == null) {
                    base = stem;
                } else if (!base.equalsIgnoreCase(stem)) {
                    throw FileProblems.invalid("the zip holds more than one shapefile ('" + base + "' and '" + stem
                            + "'); upload one layer per zip")
                            .withMessage("detail.zip-several-shapefiles", Map.of("first", base, "second", stem));
                }
                if (parts.containsKey(ext)) {
                    // two members of one name: which one a reader takes would be arbitrary
                    throw FileProblems.invalid("the zip holds the member '" + file + "' twice", Map.of("entry", name))
                            .withMessage("detail.zip-duplicate-member", Map.of("file", file));
                }
                Path target = dir.resolve("member." + ext); // never the name from the archive
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > cap) {
                            throw FileProblems.tooLarge("the zip expands to more than " + limits.maxUnzippedMb()
                                    + " MB (qamrov.ingest.max-unzipped-mb): rejected as a possible zip bomb",
                                    Map.of("maxUnzippedMb", limits.maxUnzippedMb())).withMessage("detail.zip-bomb");
                        }
                        out.write(buf, 0, n);
                    }
                }
                parts.put(ext, target);
            }
        } catch (IOException | IllegalArgumentException ex) {
            throw FileProblems.invalid("not a readable zip file: " + ex.getMessage())
                    .withMessage("detail.zip-unreadable", Map.of("reason", String.valueOf(ex.getMessage())));
        }
        if (entries == 0) {
            throw FileProblems.invalid("not a zip file, or an empty one").withMessage("detail.zip-empty");
        }
        if (!parts.containsKey("shp") || !parts.containsKey("dbf")) {
            throw FileProblems.invalid("a shapefile zip needs at least the .shp and the .dbf member")
                    .withMessage("detail.zip-shp-dbf-required");
        }
        return new Shapefile(base, parts, dir);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
