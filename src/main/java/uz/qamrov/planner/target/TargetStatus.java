package uz.qamrov.planner.target;

/** Where an indicator stands against its target. */
public enum TargetStatus {
    /** the current value already satisfies the target */
    MET,
    /** not yet, but the recent trend reaches the target by the deadline */
    ON_TRACK,
    /** the recent trend does not reach it by the deadline (or the deadline has passed, or there is no trend) */
    BEHIND;

    public String key() {
        return name().toLowerCase();
    }
}
