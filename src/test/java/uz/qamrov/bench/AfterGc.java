package uz.qamrov.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap used right after each garbage collection (all pools), with its time: what the JVM retained, garbage
 * a young collection leaves in the old generation included, so an upper bound on the live data at that moment.
 */
final class AfterGc implements javax.management.NotificationListener {
    private final List<long[]> events = java.util.Collections.synchronizedList(new ArrayList<>());

    static AfterGc listen() {
        AfterGc l = new AfterGc();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener(l, null, null);
        }
        return l;
    }

    @Override
    public void handleNotification(javax.management.Notification n, Object handback) {
        if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
            events.add(new long[] {System.nanoTime(), used});
        }
    }

    void stop() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // not registered on this collector
            }
        }
    }

    /** The largest after-collection use between the two times (0 when no collection ran then). */
    long max(long fromNs, long toNs) {
        synchronized (events) {
            return events.stream().filter(e -> e[0] >= fromNs && e[0] < toNs).mapToLong(e -> e[1]).max().orElse(0);
        }
    }

    long count(long fromNs, long toNs) {
        synchronized (events) {
            return events.stream().filter(e -> e[0] >= fromNs && e[0] < toNs).count();
        }
    }
}
