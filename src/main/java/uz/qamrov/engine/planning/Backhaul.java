package uz.qamrov.engine.planning;

/** The chosen backhaul of a candidate: kind, route length built (km, 0 for microwave), hops, and its cost (USD). */
public record Backhaul(BackhaulKind kind, double lengthKm, int hops, double costUsd) {

    public static final Backhaul EXISTING = new Backhaul(BackhaulKind.EXISTING, 0, 0, 0);
}
