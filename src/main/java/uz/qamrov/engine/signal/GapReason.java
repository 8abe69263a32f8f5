package uz.qamrov.engine.signal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a place lacks a mobile service: a {@link Code} and the numbers behind it ({@code details}: keys in snake_case,
 * values Long, Double, String or null; metres and dBm as the key says). Made by {@link GapReasonRule}.
 */
public record GapReason(Code code, Map<String, Object> details) {

    /** The reason codes, in the order {@link GapReasonRule} tries them. */
    public enum Code {
        /** A settlement judged by area: part of it lies in the footprints, less than the share the rule needs. */
        PARTLY_COVERED,
        /** No active cell of any technology within the search limit. */
        NO_SITE_WITHIN_KM,
        /** The nearest site lacks the service's technology (2G-only for mobile internet; 2G/3G for high-speed). */
        ONLY_2G_NEARBY,
        /** A cell would reach the place over flat ground; the terrain between takes it under the threshold. */
        TERRAIN_SHADOW,
        /** A sector cell would reach the place on its boresight, but the place lies outside its beam. */
        OUTSIDE_ALL_BEAMS,
        /** Cells are near, but the best of them arrives under the threshold. */
        BELOW_THRESHOLD;

        /** {@code no_site_within_km} etc.: the spelling stored and served. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GapReason {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
