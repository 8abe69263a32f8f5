package uz.qamrov.planner.hexagon;

import java.util.Map;

/**
 * One H3 cell of the population view.
 *
 * @param h3 the cell's H3 index as its hexadecimal string (e.g. {@code 872a1072bffffff})
 * @param populationCovered people in settlements of the cell that have the service in the run
 * @param signalClass the class holding most of the cell's people ({@link HexagonBinner#prevailing}); null without classes
 * @param populationByClass people per class ({@code good}, {@code fair}, {@code below_threshold}), 0 where none
 * @param ring the outline: closed, counter-clockwise [lon, lat] pairs (WGS84)
 */
public record Hexagon(String h3, int resolution, long population, long populationCovered, long settlements,
        long settlementsCovered, String signalClass, Map<String, Long> populationByClass, double[][] ring) {

    /**
     * Covered share of the people in percent, 2 decimals, never rounded onto 0 or 100 unless it is exactly that (a cell
     * with 3 people uncovered out of 80,000 reads 99.99, not 100); null for a cell of uninhabited settlements.
     */
    public Double coveredPct() {
        if (population == 0) {
            return null;
        }
        double pct = Math.round(10_000.0 * populationCovered / population) / 100.0;
        if (populationCovered < population) {
            pct = Math.min(pct, 99.99);
        }
        return populationCovered > 0 ? Math.max(pct, 0.01) : pct;
    }
}
