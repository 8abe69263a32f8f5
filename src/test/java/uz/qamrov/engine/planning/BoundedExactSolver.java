package uz.qamrov.engine.planning;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Geometry;
import org.ojalgo.optimisation.ExpressionsBasedModel;

/**
 * The exact programme ({@link ExactPlanSolver}) with bounds that hold, for running beside a national plan:
 * <ul>
 * <li><b>size guard</b>: an instance with more variables or constraints than the limits is refused before anything is
 * built, with the numbers in the message;</li>
 * <li><b>memory</b>: ojAlgo runs in a child JVM with its own heap ({@code -Xmx}), so running out of it ends the child
 * (exit on OutOfMemoryError), not the caller;</li>
 * <li><b>wall clock</b>: the child is killed ({@code destroyForcibly}) at the deadline. ojAlgo's own time limit is
 * still set (soft, shorter), because when it does hold it returns the best integer solution found so far; but it is
 * only checked between branch-and-bound nodes (a 60 s limit ran 166 s), and a killed child leaves no incumbent — the
 * answer then says "not proven within N s" and carries no bound of its own (the greedy's plan is the best feasible
 * one the caller has).</li>
 * </ul>
 * Why a process and not a thread: a Java thread cannot be stopped safely from outside (ojAlgo does not look at
 * interrupts, and its branch-and-bound runs on its own worker threads), and a thread's memory is the caller's heap.
 * The child costs a JVM start (~0.5–2 s, more on a loaded machine), counted in the wall clock.
 */
public final class BoundedExactSolver {

    /**
     * @param wallMs         hard limit on the whole call, child start included
     * @param softMs         ojAlgo's own limit (0 = none), for a FEASIBLE incumbent when it holds; below wallMs
     * @param maxVariables   refuse above this many variables (candidates + demands)
     * @param maxConstraints refuse above this many constraints (demands + 1 budget row or one row per target)
     * @param heapMb         the child's heap
     */
    public record Limits(long wallMs, long softMs, int maxVariables, int maxConstraints, int heapMb) {

        /** A wall limit with ojAlgo's own at half of it, 20,000 variables / 10,000 constraints, a 2 GB heap. */
        public static Limits of(long wallMs) {
            return new Limits(wallMs, wallMs / 2, 20_000, 10_000, 2048);
        }

        public Limits withSize(int variables, int constraints) {
            return new Limits(wallMs, softMs, variables, constraints, heapMb);
        }

        public Limits withHeapMb(int mb) {
            return new Limits(wallMs, softMs, maxVariables, maxConstraints, mb);
        }

        public Limits withSoftMs(long ms) {
            return new Limits(wallMs, ms, maxVariables, maxConstraints, heapMb);
        }
    }

    public enum Outcome {
        /** proven optimal */
        OPTIMAL,
        /** ojAlgo stopped itself at its soft limit with an integer solution: a bound, not proven optimal */
        FEASIBLE,
        /** killed at the wall-clock limit: no answer from the programme */
        NOT_PROVEN_IN_TIME,
        /** above the size guard: not attempted */
        REFUSED_TOO_LARGE,
        /** the child ran out of its heap */
        OUT_OF_MEMORY,
        /** anything else (the child's stderr tail in the message) */
        FAILED
    }

    /** The outcome, the picks and objective when there is a solution (else empty / NaN), and why, in words. */
    public record Answer(Outcome outcome, List<Integer> picks, double objective, String message, long elapsedMs,
            int variables, int constraints, long nonZeros) {
    }

    private BoundedExactSolver() {
    }

    public static Answer solve(PlanningProblem p, PlanObjective objective, Limits limits) {
        return solve(ExactInstance.of(p, objective), limits);
    }

    static Answer solve(ExactInstance in, Limits limits) {
        long t0 = System.nanoTime();
        int vars = in.variables();
        int cons = in.constraints();
        long nz = in.nonZeros();
        if (vars > limits.maxVariables() || cons > limits.maxConstraints()) {
            return new Answer(Outcome.REFUSED_TOO_LARGE, List.of(), Double.NaN, String.format(Locale.ROOT,
                    "refused: %,d variables and %,d constraints (%,d non-zeros) exceed the limits of %,d variables "
                            + "and %,d constraints", vars, cons, nz, limits.maxVariables(), limits.maxConstraints()),
                    ms(t0), vars, cons, nz);
        }
        Path dir = null;
        Process child = null;
        try {
            dir = Files.createTempDirectory("qamrov-exact");
            Path instance = dir.resolve("instance.bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(instance)))) {
                in.write(out);
            }
            Path stdout = dir.resolve("stdout.txt");
            Path stderr = dir.resolve("stderr.txt");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // the child inherits this process's niceness; files, not pipes, so a chatty child can never block
            child = new ProcessBuilder(java, "-Xmx" + limits.heapMb() + "m", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", childClassPath(), ExactPlanChild.class.getName(), instance.toString(),
                    String.valueOf(limits.softMs()))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            long left = limits.wallMs() - ms(t0);
            if (left <= 0 || !child.waitFor(left, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                String soft = limits.softMs() > 0
                        ? String.format(Locale.ROOT, "ojAlgo's own limit of %d s did not hold", limits.softMs() / 1000)
                        : "ojAlgo's own limit was off";
                return new Answer(Outcome.NOT_PROVEN_IN_TIME, List.of(), Double.NaN, String.format(Locale.ROOT,
                        "not proven within %d s: the exact programme was stopped (%s); no bound from it — the "
                                + "greedy's plan is the best feasible one known", limits.wallMs() / 1000, soft),
                        ms(t0), vars, cons, nz);
            }
            return read(child.exitValue(), Files.readAllLines(stdout), Files.readString(stderr), limits, ms(t0), vars,
                    cons, nz);
        } catch (IOException e) {
            return new Answer(Outcome.FAILED, List.of(), Double.NaN, "could not run the exact programme: " + e, ms(t0),
                    vars, cons, nz);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.FAILED, List.of(), Double.NaN, "interrupted", ms(t0), vars, cons, nz);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            delete(dir);
        }
    }

    private static Answer read(int exit, List<String> out, String err, Limits limits, long elapsedMs, int vars,
            int cons, long nz) {
        // -XX:+ExitOnOutOfMemoryError exits with 3 (its "Terminating due to …" line may go to either stream)
        if (exit == 3 || err.contains("OutOfMemoryError") || out.stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
            return new Answer(Outcome.OUT_OF_MEMORY, List.of(), Double.NaN, String.format(Locale.ROOT,
                    "the exact programme ran out of its %d MB heap (%,d variables, %,d non-zeros)", limits.heapMb(),
                    vars, nz), elapsedMs, vars, cons, nz);
        }
        String state = value(out, "STATE ");
        if (exit != 0 || state == null) {
            String tail = err.length() > 500 ? err.substring(err.length() - 500) : err;
            return new Answer(Outcome.FAILED, List.of(), Double.NaN, "the exact programme failed (exit " + exit + "): "
                    + tail.strip(), elapsedMs, vars, cons, nz);
        }
        List<Integer> picks = new ArrayList<>();
        String p = value(out, "PICKS ");
        if (p != null && !p.isBlank()) {
            Arrays.stream(p.trim().split(" ")).map(Integer::valueOf).forEach(picks::add);
        }
        double objective = Double.parseDouble(value(out, "OBJECTIVE "));
        Outcome outcome = switch (state) {
            case "OPTIMAL", "DISTINCT" -> Outcome.OPTIMAL;
            case "FEASIBLE" -> Outcome.FEASIBLE;
            // stopped at its own limit with only a relaxed (non-integer) solution
            case "APPROXIMATE" -> Outcome.NOT_PROVEN_IN_TIME;
            default -> Outcome.FAILED;
        };
        String message = switch (outcome) {
            case OPTIMAL -> String.format(Locale.ROOT, "proven optimal in %.1f s", elapsedMs / 1000.0);
            case FEASIBLE -> String.format(Locale.ROOT, "not proven within %d s; best integer solution found: %.6g "
                    + "(ojAlgo stopped at its own limit)", limits.softMs() / 1000, objective);
            case NOT_PROVEN_IN_TIME -> String.format(Locale.ROOT, "not proven within %d s: ojAlgo stopped at its own "
                    + "limit without an integer solution", limits.softMs() / 1000);
            default -> "ojAlgo ended in state " + state;
        };
        boolean integral = outcome == Outcome.OPTIMAL || outcome == Outcome.FEASIBLE;
        return new Answer(outcome, integral ? picks : List.of(), integral ? objective : Double.NaN, message, elapsedMs,
                vars, cons, nz);
    }

    /**
     * Where the child's classes come from: this package (test classes), the engine (main classes), ojAlgo and JTS —
     * taken from the loaded classes, because java.class.path is Maven's own under {@code exec:java}.
     */
    private static String childClassPath() {
        return Stream.of(ExactPlanChild.class, Goal.class, ExpressionsBasedModel.class, Geometry.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElse(null);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp directory left behind is harmless; the answer matters more
        }
    }
}
