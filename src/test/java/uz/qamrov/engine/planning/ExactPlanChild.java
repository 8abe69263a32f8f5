package uz.qamrov.engine.planning;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The child JVM of {@link BoundedExactSolver}: reads an {@link ExactInstance} file, solves it with ojAlgo (soft time
 * limit in ms, 0 = none) and prints {@code STATE}, {@code OBJECTIVE} and {@code PICKS} lines on stdout.
 *
 * <p>Usage: {@code java -cp … uz.qamrov.engine.planning.ExactPlanChild <instance file> <soft limit ms>}
 */
public final class ExactPlanChild {

    private ExactPlanChild() {
    }

    public static void main(String[] args) throws Exception {
        ExactInstance in;
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            in = ExactInstance.read(data);
        }
        ExactPlanSolver.Solution s = ExactPlanSolver.solve(in, Long.parseLong(args[1]));
        System.out.println("STATE " + s.state());
        System.out.println("OBJECTIVE " + s.objective());
        System.out.println("PICKS " + s.picks().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
    }
}
