package uz.qamrov.planner.coverage;

import java.time.Instant;

/**
 * What the coverage service is doing now, for the API and the log: a long job (full recompute) reports its phase
 * and how far it is.
 *
 * @param state idle, running or failed
 * @param phase e.g. "loading inputs", "building model", "storing results"
 * @param percent 0..100 of the whole job
 */
public record CoverageProgress(String state, String phase, int percent, Instant since, String message) {

    static CoverageProgress idle() {
        return new CoverageProgress("idle", "", 100, Instant.now(), null);
    }

    static CoverageProgress running(String phase, int percent) {
        return new CoverageProgress("running", phase, percent, Instant.now(), null);
    }
}
