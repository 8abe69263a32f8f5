package uz.qamrov.planner.target;

/**
 * Published once, when today's national target report has been computed for readiness ({@link DashboardWarmup}),
 * or its computation failed: what comes after it in the start (the first page's requests) no longer competes with it.
 */
public record DashboardWarmed() {
}
