package uz.qamrov.engine.measure;

import uz.qamrov.engine.signal.GapReason;
import uz.qamrov.engine.signal.SignalClass;

/**
 * Best level at a place (a settlement's point, a stretch's middle) for one mobile service, its cell and class, and
 * when the place lacks the service, the reason. {@code bestCellId}/{@code bestLevelDbm} are null when no active cell
 * of the service's technology lies within the search limit; {@code reason} is null when the place has the service.
 * A covered place is at least {@code FAIR} (the footprint decides coverage: between two radials, or for a settlement
 * judged by area, its point may fall a little under the threshold).
 */
public record PlaceSignal(Long bestCellId, Double bestLevelDbm, SignalClass signalClass, GapReason reason) {
}
