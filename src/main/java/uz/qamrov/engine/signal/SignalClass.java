package uz.qamrov.engine.signal;

import java.util.Locale;

/** Quality of the best level at a place: see {@link SignalThresholds} for the boundaries. */
public enum SignalClass {
    GOOD, FAIR, BELOW_THRESHOLD;

    /** {@code good}, {@code fair}, {@code below_threshold}: the spelling stored and served. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
