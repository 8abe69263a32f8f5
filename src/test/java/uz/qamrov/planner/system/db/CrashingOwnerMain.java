package uz.qamrov.planner.system.db;

import java.nio.file.Path;

/**
 * A stand-in for a Qamrov process that gets {@code kill -9}ed: starts a cluster in the given directory, says so on
 * stdout and waits forever (the test kills it). Run in its own JVM by {@link PostgisClusterIT}.
 */
public final class CrashingOwnerMain {

    private CrashingOwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        PostgisCluster c = new PostgisCluster(PostgisBinaries.locate(Path.of("/")), Path.of(args[0])).start();
        c.createDatabase("survivor");
        c.execute("survivor", "CREATE TABLE written_before_crash AS SELECT 42 AS answer");
        System.out.println("STARTED " + c.port());
        System.out.flush();
        // the condition this process waits for is its own kill -9: a latch nobody counts down
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
