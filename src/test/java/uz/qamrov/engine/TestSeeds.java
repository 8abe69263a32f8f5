package uz.qamrov.engine;

/**
 * Seeds of the randomised engine tests: a fixed seed per test (and repetition) by default so that CI is repeatable;
 * {@code -Dqamrov.seed=N} replays one seed, {@code -Dqamrov.seed=random} explores new ones. The seed is printed so
 * that any failure can be replayed.
 */
public final class TestSeeds {

    private TestSeeds() {
    }

    public static long seed(String test, long fixed) {
        String configured = System.getProperty("qamrov.seed");
        long seed = configured == null ? fixed
                : "random".equals(configured) ? System.nanoTime() : Long.parseLong(configured.trim());
        System.out.println(test + " seed=" + seed + " (replay with -Dqamrov.seed=" + seed + ")");
        return seed;
    }
}
