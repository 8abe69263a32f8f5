package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background threads run at the nice value asked for, read back from the kernel ({@code /proc/thread-self/stat}). */
class CoverageThreadsTest {

    @Test
    void aBackgroundThreadRunsAtItsNiceValue() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = niceOfThisThread();
        assumeTrue(before + 7 <= 19, "the tests already run at nice " + before);
        ExecutorService e = Executors.newSingleThreadExecutor(CoverageThreads.named("test-background", before + 7));
        try {
            assertThat(e.submit(CoverageThreadsTest::niceOfThisThread).get(10, TimeUnit.SECONDS)).isEqualTo(before + 7);
            assertThat(e.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("test-background-1");
        } finally {
            e.shutdownNow();
        }
        assertThat(niceOfThisThread()).as("the caller's own thread is left as it was").isEqualTo(before);
    }

    @Test
    void aPoolsWorkersRunAtItsNiceValueAndSoDoTheirParallelParts() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = niceOfThisThread();
        assumeTrue(before + 5 <= 19, "the tests already run at nice " + before);
        ForkJoinPool pool = CoverageThreads.pool("test-union", 2, before + 5);
        try {
            // a parallel stream started inside the pool runs its parts on the pool's workers
            int least = pool.submit(() -> java.util.stream.IntStream.range(0, 64).parallel()
                    .map(i -> niceOfThisThread()).min().orElseThrow()).get(10, TimeUnit.SECONDS);
            assertThat(least).as("the nice value of the thread of every part").isEqualTo(before + 5);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The precomputation's executor: a task's own thread and every part of a parallel stream it starts run at the
     * nice value (from a plain thread at that value, the parts went to the common pool at the caller's value).
     */
    @Test
    void niceWorkRunsATaskAndTheParallelPartsItStartsAtItsNiceValue() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = niceOfThisThread();
        assumeTrue(before + 6 <= 19, "the tests already run at nice " + before);
        CoverageThreads.NiceWork work = new CoverageThreads.NiceWork("test-precompute", before + 6);
        try {
            java.util.concurrent.CompletableFuture<int[]> seen = new java.util.concurrent.CompletableFuture<>();
            work.execute(() -> seen.complete(new int[] {niceOfThisThread(), java.util.stream.IntStream.range(0, 64)
                    .parallel().map(i -> niceOfThisThread()).min().orElseThrow()}));
            int[] nice = seen.get(10, TimeUnit.SECONDS);
            assertThat(nice[0]).as("the task's thread").isEqualTo(before + 6);
            assertThat(nice[1]).as("the least nice value of the threads of its parallel parts").isEqualTo(before + 6);
        } finally {
            work.shutdownNow();
        }
    }

    @Test
    void niceZeroLeavesTheThreadAsItIs() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = niceOfThisThread();
        ExecutorService e = Executors.newSingleThreadExecutor(CoverageThreads.named("test-plain", 0));
        try {
            assertThat(e.submit(CoverageThreadsTest::niceOfThisThread).get(10, TimeUnit.SECONDS)).isEqualTo(before);
        } finally {
            e.shutdownNow();
        }
    }

    /** Field 19 of the task's stat line (after the parenthesised command name, which may hold spaces). */
    static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[16]); // fields 3.. → index 0 is field 3; nice is field 19
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
