package uz.qamrov.planner.system.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The superuser password of a self-started cluster, kept in a file that only its owner can read
 * ({@code rw-------}). Whoever can read the file can already read the data directory, so the file adds no exposure;
 * every other local account, which used to connect as {@code postgres} without a password, now needs it.
 *
 * <p>The password is 32 characters of {@code [A-Za-z0-9]} (~190 bits): it is safe to write into an
 * {@code ALTER ROLE} literal, where PostgreSQL accepts no bound parameter.
 */
final class ClusterSecret {

    static final String FILE_NAME = "qamrov-superuser.secret";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterSecret() {
    }

    static String generate() {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Writes the password with owner-only permissions from the first byte on (never world-readable, not even briefly). */
    static void write(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster secret " + file, e);
        }
    }

    static java.util.Optional<String> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return java.util.Optional.empty();
            }
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.matches("[A-Za-z0-9]{16,}") ? java.util.Optional.of(s) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster secret " + file, e);
        }
    }
}
