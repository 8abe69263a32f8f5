package uz.qamrov.planner.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unzips a shapefile archive into memory, defensively: no path traversal ("..") or absolute names, only the members
 * a shapefile has (.shp .shx .dbf .prj .cpg; directories and __MACOSX are skipped), at most
 * {@code max-zip-entries} members and {@code max-unzipped-mb} expanded (counted while inflating, so a zip bomb
 * stops at the cap instead of filling memory).
 */
final class SafeUnzip {

    static final Set<String> MEMBERS = Set.of("shp", "shx", "dbf", "prj", "cpg");

    /** The members of one shapefile by extension. */
    record Shapefile(String name, Map<String, byte[]> parts) {
    }

    private SafeUnzip() {
    }

    static Shapefile shapefile(byte[] zip, IngestProperties limits) {
        long cap = limits.maxUnzippedMb() * 1024L * 1024L;
        long total = 0;
        int entries = 0;
        Map<String, byte[]> parts = new HashMap<>();
        String base = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw FileProblems.invalid("the zip has more than " + limits.maxZipEntries() + " entries");
                }
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
                    throw FileProblems.invalid("unsafe path in zip: '" + e.getName() + "' (absolute or path traversal)",
                            Map.of("entry", e.getName()));
                }
                if (e.isDirectory() || name.startsWith("__MACOSX/")) {
                    continue;
                }
                String file = name.substring(name.lastIndexOf('/') + 1);
                int dot = file.lastIndexOf('.');
                String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!MEMBERS.contains(ext)) {
                    throw FileProblems.invalid("unexpected member '" + name + "' in a shapefile zip; only .shp .shx .dbf .prj .cpg",
                            Map.of("entry", name));
                }
                String stem = file.substring(0, dot);
                if (base == null) {
                    base = stem;
                } else if (!base.equalsIgnoreCase(stem)) {
                    throw FileProblems.invalid("the zip holds more than one shapefile ('" + base + "' and '" + stem
                            + "'); upload one layer per zip");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > cap) {
                        throw FileProblems.tooLarge("the zip expands to more than " + limits.maxUnzippedMb()
                                + " MB (qamrov.ingest.max-unzipped-mb): rejected as a possible zip bomb",
                                Map.of("maxUnzippedMb", limits.maxUnzippedMb()));
                    }
                    out.write(buf, 0, n);
                }
                parts.put(ext, out.toByteArray());
            }
        } catch (IOException ex) {
            throw FileProblems.invalid("not a readable zip file: " + ex.getMessage());
        }
        if (entries == 0) {
            throw FileProblems.invalid("not a zip file, or an empty one");
        }
        if (!parts.containsKey("shp") || !parts.containsKey("dbf")) {
            throw FileProblems.invalid("a shapefile zip needs at least the .shp and the .dbf member");
        }
        return new Shapefile(base, parts);
    }
}
