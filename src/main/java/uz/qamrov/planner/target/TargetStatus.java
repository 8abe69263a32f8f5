package uz.qamrov.planner.target;

/** Where an indicator stands against its target. */
public enum TargetStatus {
    /** deadline ahead: the current value already satisfies the target */
    MET,
    /** deadline ahead: not yet, but the recent trend reaches the target by the deadline */
    ON_TRACK,
    /** deadline ahead: the recent trend does not reach it by the deadline (or there is no trend yet) */
    BEHIND,
    /** deadline passed: the value on the deadline satisfied the target */
    MET_BY_DEADLINE,
    /** deadline passed: missed on the deadline, satisfied now (the report says since when) */
    MET_LATER,
    /** deadline passed and still not satisfied (the report gives today's gap and the trend) */
    MISSED;

    public String key() {
        return name().toLowerCase();
    }
}
