package uz.qamrov.planner.gap;

/**
 * Filters of a gap list, already validated. {@code operator} narrows a settlement gap to "not served by this
 * operator" (covered by others or not at all); null means "not served by anyone".
 */
record GapQuery(long runId, Service service, String region, String district, String operator, String ref, Sort sort,
        int limit, long offset) {
}
