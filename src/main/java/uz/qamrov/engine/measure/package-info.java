/**
 * Coverage measurement: from network, settlements, lines and fiber to per-settlement service, covered line
 * stretches and indicators, for any date and operator/technology filter.
 *
 * <p>Terms:
 * <ul>
 * <li><em>covered settlement</em>: without a boundary, its point lies in an active footprint providing the service;
 * with a boundary, at least {@code settlementAreaCoveredRatio} (0.5) of its area does (sampled);</li>
 * <li><em>service</em>: mobile_any (2G+), mobile_internet (3G+), high_speed_mobile (4G+), fixed_broadband (active
 * fiber route/node within the drop distance, 2 km by default, or an operator declaration);</li>
 * <li><em>stretch</em>: maximal covered or uncovered run of a line within one region, with km marks from the line's
 * start; <em>edge</em>: a straight ≤ 2 km piece of a line, the unit of precomputation;</li>
 * <li><em>active</em> on date D: {@code validity.contains(D)}, i.e. from ≤ D &lt; to; a feature whose validity is
 * {@code Validity.NEVER} is never active and the model skips it;</li>
 * <li><em>slot</em>: the small int a cell, fiber route or node has inside the model, used by the reach lists and the
 * per-date activity vector; a removed feature leaves a <em>tombstone</em> until the slots are compacted;</li>
 * <li><em>reach</em>: the settlements (and, for the area rule, the sample bitset) and edge intervals a cell's footprint
 * covers, or the settlements within the drop distance of a fiber route or node; precomputed, date-independent;</li>
 * <li><em>prepare / commit</em>: the two phases of every change — validate and measure (may throw, changes nothing),
 * then link (cannot throw) — which make changes atomic;</li>
 * <li><em>scope</em>: national ("UZ"), region or district; settlements use their own codes, other features the
 * area containing their point (lines and fiber: the mid-point of each ≤ 2 km piece).</li>
 * </ul>
 *
 * <p>Units: ratios 0..1 ({@link uz.qamrov.engine.measure.Unit#RATIO}; percent only at the API), counts, geodesic
 * km and km². CRS: WGS84 lon/lat in and out; measurement in local tangent planes
 * ({@link uz.qamrov.engine.geodesy.LocalMetric}).
 *
 * <p>Entry points: {@link uz.qamrov.engine.measure.CoverageModelBuilder} → {@link
 * uz.qamrov.engine.measure.CoverageModel#evaluate} → {@link uz.qamrov.engine.measure.CoverageSnapshot}; {@link
 * uz.qamrov.engine.measure.CoverageUnionBuilder} for dissolved polygons; {@link
 * uz.qamrov.engine.measure.NearestFinder} for gap-list distances.
 */
package uz.qamrov.engine.measure;
