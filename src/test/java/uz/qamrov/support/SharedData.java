package uz.qamrov.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real data for tests lives beside the repository in {@code ../shared/realdata} (never copied in). On a clone without
 * it a test that needs it is skipped with a message that says so; with {@code CI=true} it must be there, so CI can
 * never pass by skipping.
 */
public final class SharedData {

    public static final Path ROOT = Path.of("../shared/realdata");

    private SharedData() {
    }

    /** The file or folder under {@code ../shared/realdata}, or skip (fail under CI) when it is absent. */
    public static Path require(String relative) {
        Path p = ROOT.resolve(relative);
        if (!Files.exists(p)) {
            String message = "needs " + p + " (real test data beside the repository); it is absent on this clone";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " and CI=true: CI must run every test");
            }
            Assumptions.abort(message + ": skipped");
        }
        return p;
    }
}
