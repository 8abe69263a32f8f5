package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code's fingerprint: the same class path gives the same digest; one byte changed in a class file or in a jar,
 * a file renamed or added gives another.
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
    void thisProcessHasOne() {
        assertThat(CodeFingerprint.ofThisProcess()).hasSize(64).isEqualTo(CodeFingerprint.ofThisProcess());
    }
}
