package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

/**
 * Zip members are streamed to files on disk, and {@code max-unzipped-mb} is counted while they inflate, over all
 * members together: a bomb stops at the cap (413) whatever its headers say, and leaves nothing behind.
 */
class SafeUnzipTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path tmp;

    /** A zip of members given as (name, size in bytes of zeros): deflated, so their sizes are known only by inflating. */
    private Path zip(Object... nameSize) throws IOException {
        Path p = Files.createTempFile(tmp, "z", ".zip");
        byte[] block = new byte[64 * 1024];
        try (OutputStream raw = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(raw)) {
            for (int i = 0; i < nameSize.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameSize[i]));
                long left = ((Number) nameSize[i + 1]).longValue();
                while (left > 0) {
                    int n = (int) Math.min(block.length, left);
                    z.write(block, 0, n);
                    left -= n;
                }
                z.closeEntry();
            }
        }
        return p;
    }

    private static IngestProperties capMb(int mb) {
        return ReaderTestSupport.limits(1000, mb, 100_000, 10);
    }

    @Test
    void membersAreFilesOnDiskNotHeapBuffers() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        try (SafeUnzip.Shapefile shp = SafeUnzip.shapefile(zip("sites.shp", 3 * MB, "sites.dbf", 1000), capMb(16), out)) {
            assertThat(shp.parts().get("shp")).startsWith(out).hasFileName("member.shp");
            assertThat(Files.size(shp.parts().get("shp"))).isEqualTo(3L * MB);
            assertThat(Files.size(shp.parts().get("dbf"))).isEqualTo(1000);
        }
        assertThat(out).doesNotExist(); // close() deletes the members
    }

    @Test
    void aBombStopsAtTheCapWhileInflatingAndLeavesNothing() throws Exception {
        Path bomb = zip("sites.shp", 64 * MB, "sites.dbf", 10); // ~64 KB compressed
        assertThat(Files.size(bomb)).isLessThan(MB);
        Path out = Files.createDirectory(tmp.resolve("bomb"));
        assertThatThrownBy(() -> SafeUnzip.shapefile(bomb, capMb(2), out)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(413)).hasMessageContaining("zip bomb")
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "ru")).isEqualTo("Zip-архив распаковывается более"
                        + " чем в 2 МБ (qamrov.ingest.max-unzipped-mb): отклонён как возможная zip-бомба"));
        assertThat(out).doesNotExist();
    }

    @Test
    void theCapCountsAllMembersTogether() throws Exception {
        // each member alone is under the 2 MB cap; together they are over it
        Path two = zip("sites.shp", 3 * MB / 2, "sites.dbf", 3 * MB / 2);
        assertThatThrownBy(() -> SafeUnzip.shapefile(two, capMb(2), Files.createDirectory(tmp.resolve("two"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("more than 2 MB");
        try (SafeUnzip.Shapefile ok = SafeUnzip.shapefile(zip("sites.shp", MB, "sites.dbf", MB), capMb(2),
                Files.createDirectory(tmp.resolve("exact")))) {
            assertThat(Files.size(ok.parts().get("shp")) + Files.size(ok.parts().get("dbf"))).isEqualTo(2L * MB);
        }
    }
}
