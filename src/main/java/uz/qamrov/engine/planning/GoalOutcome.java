package uz.qamrov.engine.planning;

/**
 * Where a goal stands: its total, what is served today, what the plan would serve, what all candidates together
 * could serve at most, and the target amount (NaN when the goal had no target).
 */
public record GoalOutcome(Goal goal, double total, double baseline, double planned, double reachable, double target) {

    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    public boolean met() {
        return hasTarget() && planned + 1e-9 >= target;
    }
}
