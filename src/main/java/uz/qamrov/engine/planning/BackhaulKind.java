package uz.qamrov.engine.planning;

/** How a new site is connected. */
public enum BackhaulKind {
    /** Existing site or upgrade: backhaul already there. */
    EXISTING,
    /** Fiber within reach: a short lead-in. */
    FIBER_IN_REACH,
    /** A fiber extension from the nearest cable (distance × route factor × cost per km). */
    FIBER_EXTENSION,
    /** One or more microwave hops to an existing site. */
    MICROWAVE
}
