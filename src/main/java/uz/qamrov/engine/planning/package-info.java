/**
 * Planning: what closes the coverage gaps, at what cost.
 *
 * <p>Terms:
 * <ul>
 * <li><em>goal</em> ({@link uz.qamrov.engine.planning.Goal}): a roadmap quantity a plan can raise — settlements and
 * people with mobile internet, km of international/state highway and of the Tashkent–Samarkand–Bukhara railway with
 * 4G, households where fixed broadband is possible;</li>
 * <li><em>demand</em>: one thing not served today (an uncovered settlement, a ≤ 1 km piece of uncovered road or rail,
 * a settlement without fixed broadband) with its amount per goal;</li>
 * <li><em>candidate</em>: one thing a plan may build (4G or 5G upgrade, added sector, new site with its backhaul,
 * fiber extension), its cost in USD, the demands it closes and its {@link uz.qamrov.engine.planning.NetworkDelta} on
 * the real network;</li>
 * <li><em>candidate class</em>: the rule that proposed a candidate (e.g. "upgrade to 5G", "new site: populated-grid");
 * {@link uz.qamrov.engine.planning.CandidateCensus} counts each class's candidates generated, judged by their
 * footprints and closing a demand;</li>
 * <li><em>reach bound</em>: the link budget's boresight range of a candidate's cells (+10%); a candidate with no
 * demand within it cannot close one, and its footprints are not built;</li>
 * <li><em>objective</em>: Σ over goals of weight × (amount added ÷ goal total) — weighted percentage points.</li>
 * </ul>
 *
 * <p>Entry points: {@link uz.qamrov.engine.planning.CandidateGenerator#generate} (from a
 * {@link uz.qamrov.engine.measure.CoverageModel}) → {@link uz.qamrov.engine.planning.PlanOptimizer#optimize} →
 * {@link uz.qamrov.engine.planning.Plan}. Costs: {@link uz.qamrov.engine.planning.PlanningCosts}. Units: USD, km,
 * metres; WGS84 lon/lat.
 */
package uz.qamrov.engine.planning;
