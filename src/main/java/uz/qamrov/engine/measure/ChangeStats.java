package uz.qamrov.engine.measure;

/** What an incremental update touched: settlements and line segments whose precomputed lists changed. */
public record ChangeStats(int touchedSettlements, int touchedSegments) {
}
