package uz.qamrov.planner.system.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which process started the cluster in a data directory: {@code qamrov-owner.pid} holds that JVM's pid and start
 * time. A postmaster whose owner is gone (the service was killed with {@code kill -9}, or the machine's OOM killer
 * took it) is an orphan: the next start stops it instead of refusing to start. The start time guards against pid
 * reuse: a recycled pid belongs to a process that started later.
 */
record ClusterOwner(long pid, Instant startedAt) {

    static final String FILE_NAME = "qamrov-owner.pid";

    static ClusterOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ClusterOwner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** True while the recorded process still runs (same pid, same start time). */
    boolean isAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant().map(startedAt::equals).orElse(true))
                .isPresent();
    }

    void writeTo(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve(FILE_NAME), pid + "\n" + startedAt + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // without the file a later start treats a running cluster as someone else's and refuses: safe side
            throw new java.io.UncheckedIOException("cannot record the owner of " + dataDir, e);
        }
    }

    static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException ignored) {
            // a stale owner file only names a dead process, which a later start handles
        }
    }

    static Optional<ClusterOwner> readFrom(Path dataDir) {
        Path f = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.US_ASCII);
            return Optional.of(new ClusterOwner(Long.parseLong(lines.get(0).strip()), Instant.parse(lines.get(1).strip())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
