package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Why part of a goal stays open. {@code uncoverableAmount} is covered by no candidate at all (e.g. beyond every
 * candidate's footprint); {@code budgetAmount} could be covered but the budget (or, with targets, nothing) left it.
 * {@code uncoverableRefs} lists up to 100 of the demands no candidate covers.
 */
public record Shortfall(Goal goal, double openAmount, double uncoverableAmount, double budgetAmount, String reason,
        List<String> uncoverableRefs) {

    /** In words: the part no candidate covers, the part the budget (or, with targets, no further candidate) left. */
    static String reason(double uncoverable, double budgetLeft, boolean budgetMode) {
        List<String> why = new ArrayList<>();
        if (uncoverable > 1e-6) {
            why.add("no candidate covers part of it (beyond the reach of every candidate site, upgrade and fiber extension)");
        }
        if (budgetLeft > 1e-6) {
            why.add(budgetMode ? "the budget runs out before it" : "no further candidate adds to it");
        }
        return String.join("; ", why);
    }
}

