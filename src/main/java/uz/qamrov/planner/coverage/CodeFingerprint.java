package uz.qamrov.planner.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import uz.qamrov.planner.system.FileSha256;

/**
 * A SHA-256 of the code that runs: every file of every class-path entry, by content (a directory's files with their
 * relative paths). Launched as {@code java -jar qamrov.jar}, the class path is that jar, so any other build of the
 * service, however small its change, gives another fingerprint, and stored runs of another build are never taken as
 * this one's answers. Why not a version number raised by hand: one forgotten raise serves old answers silently (77
 * engine commits followed the last raise of {@code ENGINE_VERSION}). Cost: one read of the jar (58 MB, ~0.2 s), once
 * per process.
 */
final class CodeFingerprint {

    private static volatile String cached;

    private CodeFingerprint() {
    }

    /** This process's code: computed once. */
    static String ofThisProcess() {
        String c = cached;
        if (c == null) {
            c = of(classPath());
            cached = c;
        }
        return c;
    }

    static List<Path> classPath() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }

    /**
     * The digest of these class-path entries, in their order; an entry that does not exist counts by its name. A jar
     * whose manifest names a {@code Class-Path} (a launcher's manifest-only jar, as Maven's test runner and IDEs make
     * for long class paths) brings those entries in after it.
     */
    static String of(List<Path> entries) {
        MessageDigest sha = InputsDigest.sha();
        try {
            feed(sha, entries, new HashSet<>());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path to fingerprint the code", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void feed(MessageDigest sha, List<Path> entries, Set<Path> seen) throws IOException {
        for (Path entry : entries) {
            if (!seen.add(entry.toAbsolutePath().normalize())) {
                continue;
            }
            update(sha, "entry:" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(entry)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    update(sha, "file:" + entry.relativize(f).toString().replace('\\', '/'));
                    content(sha, f);
                }
            } else if (Files.isRegularFile(entry)) {
                content(sha, entry);
                feed(sha, manifestClassPath(entry), seen);
            }
        }
    }

    /** The entries a jar's manifest adds to the class path (URLs relative to the jar's folder), or none. */
    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            URI base = jar.toAbsolutePath().getParent().toUri();
            List<Path> out = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                URI u = base.resolve(url);
                if ("file".equals(u.getScheme())) {
                    out.add(Path.of(u));
                }
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of(); // not a jar (or no readable manifest): its bytes alone, as digested above
        }
    }

    private static void content(MessageDigest sha, Path file) {
        update(sha, "sha256:" + FileSha256.of(file));
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (b.length >>> 8), (byte) b.length});
        sha.update(b);
    }
}
