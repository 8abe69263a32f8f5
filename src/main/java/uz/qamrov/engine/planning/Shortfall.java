package uz.qamrov.engine.planning;

import java.util.List;

/**
 * Why part of a goal stays open. {@code uncoverableAmount} is covered by no candidate at all (e.g. beyond every
 * candidate's footprint); {@code budgetAmount} could be covered but the budget (or, with targets, nothing) left it.
 * {@code uncoverableRefs} lists up to 100 of the demands no candidate covers.
 */
public record Shortfall(Goal goal, double openAmount, double uncoverableAmount, double budgetAmount, String reason,
        List<String> uncoverableRefs) {
}
