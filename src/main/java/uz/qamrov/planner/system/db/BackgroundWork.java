package uz.qamrov.planner.system.db;

/**
 * Which threads do work nobody waits for, and at what nice value: such a thread marks itself once it runs at that
 * value ({@code CoverageThreads}), and its database work then goes to backends at the same value
 * ({@link NiceBackends}).
 */
public final class BackgroundWork {

    private static final ThreadLocal<Integer> NICE = ThreadLocal.withInitial(() -> 0);

    private BackgroundWork() {
    }

    /** The calling thread now runs at nice {@code nice} (0 = a reader's thread). */
    public static void markThisThread(int nice) {
        NICE.set(Math.max(0, nice));
    }

    /** The nice value the calling thread marked itself with (0 when it did not). */
    public static int niceOfThisThread() {
        return NICE.get();
    }
}
