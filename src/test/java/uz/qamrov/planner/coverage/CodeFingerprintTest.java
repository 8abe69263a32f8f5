package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code's fingerprint: the same class path gives the same digest; one byte changed in a class file or in a jar,
 * a file renamed or added gives another, also behind a manifest-only jar's {@code Class-Path}.
 */
class CodeFingerprintTest {

    @TempDir
    Path tmp;

    @Test
    void anyChangeToTheClassPathsFilesGivesAnotherFingerprint() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes/uz/qamrov"));
        Files.write(classes.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        Files.write(classes.resolve("B.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 3});
        Path jar = Files.write(tmp.resolve("lib.jar"), new byte[] {'P', 'K', 3, 4, 9});
        List<Path> cp = List.of(tmp.resolve("classes"), jar);
        String before = CodeFingerprint.of(cp);
        assertThat(CodeFingerprint.of(cp)).isEqualTo(before).hasSize(64);

        Files.write(classes.resolve("B.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 4});
        String classChanged = CodeFingerprint.of(cp);
        Files.write(classes.resolve("B.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 3});
        assertThat(CodeFingerprint.of(cp)).as("changed back").isEqualTo(before);

        Files.write(jar, new byte[] {'P', 'K', 3, 4, 8});
        String jarChanged = CodeFingerprint.of(cp);
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 9});

        Files.move(classes.resolve("B.class"), classes.resolve("C.class"));
        String renamed = CodeFingerprint.of(cp);
        Files.write(classes.resolve("D.class"), new byte[0]);
        String added = CodeFingerprint.of(cp);

        assertThat(List.of(before, classChanged, jarChanged, renamed, added)).doesNotHaveDuplicates();
        assertThat(CodeFingerprint.of(List.of(jar, tmp.resolve("classes")))).as("another order").isNotEqualTo(added);
    }

    @Test
    void aManifestOnlyJarBringsInTheEntriesItsManifestNames() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("target/classes/uz"));
        Files.write(classes.resolve("A.class"), new byte[] {1});
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        // as Maven's test runner writes it: absolute file URLs, a folder's with its slash
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH,
                tmp.resolve("target/classes").toUri().toString() + " missing.jar");
        Path booter = tmp.resolve("booter.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(booter), manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("x"));
        }
        String before = CodeFingerprint.of(List.of(booter));
        Files.write(classes.resolve("A.class"), new byte[] {2});
        assertThat(CodeFingerprint.of(List.of(booter))).as("a class behind the manifest changed").isNotEqualTo(before);
        Files.write(classes.resolve("A.class"), new byte[] {1});
        assertThat(CodeFingerprint.of(List.of(booter))).isEqualTo(before);
    }

    @Test
    void thisProcessHasOne() {
        assertThat(CodeFingerprint.ofThisProcess()).hasSize(64).isEqualTo(CodeFingerprint.ofThisProcess());
    }
}
