/**
 * Signal classes and gap reasons, as pure functions of numbers the measure package gathers.
 *
 * <ul>
 * <li><b>level</b>: dBm on a technology's reference signal (2G RxLev, 3G RSCP, 4G RSRP, 5G SS-RSRP), the level a
 * handheld exceeds at 90% of locations ({@code engine.radio.PointLevel});</li>
 * <li><b>threshold</b>: the technology's coverage threshold of the {@code LinkBudget} (a level at or above it is
 * covered); <b>margin</b>: level − threshold;</li>
 * <li><b>signal class</b> ({@link SignalClass}): good / fair / below_threshold by {@link SignalThresholds};</li>
 * <li><b>gap reason</b> ({@link GapReason}): why a settlement or stretch lacks a mobile service, decided by
 * {@link GapReasonRule} from a {@link GapEvidence}.</li>
 * </ul>
 * No I/O, no state.
 */
package uz.qamrov.engine.signal;
