package uz.qamrov.planner.gap;

import uz.qamrov.planner.coverage.RunRef;

/**
 * Filters of a gap list, already validated. {@code operator} narrows a settlement gap to "not served by this
 * operator" (covered by others or not at all); null means "not served by anyone". {@code text} searches names in
 * every script over the whole list (settlement or district name; road ref or name).
 */
record GapQuery(RunRef run, Service service, String region, String district, String operator, String ref, String text,
        Sort sort, int limit, long offset) {

    long runId() {
        return run.id();
    }
}
