import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Runs one benchmark test method (a package-private JUnit class) outside Surefire, on compiled classes copied aside,
 * so that two builds can be timed side by side (docs/benchmarks.md, fourth pass of the radial model):
 * {@code javac -d <dir> scripts/bench/RunBench.java; nice -n 19 java -Xmx3g -Dqamrov.bench.modes=terrain
 * -Dqamrov.bench.reps=1 -cp <dir>:<copy>/test-classes:<copy>/classes:<test classpath> RunBench
 * uz.qamrov.engine.bench.NationalRecomputeBenchmarkTest nationalRecompute}. Not a test: prints what the method prints.
 */
public final class RunBench {

    private RunBench() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName(args[0]);
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        Method m = c.getDeclaredMethod(args[1]);
        m.setAccessible(true);
        m.invoke(k.newInstance());
    }
}
