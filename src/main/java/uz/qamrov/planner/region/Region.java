package uz.qamrov.planner.region;

import java.util.List;

/**
 * A region (viloyat) or district (tuman/shahar).
 *
 * @param names names by BCP 47 tag: {@code uz-Latn}, {@code uz-Cyrl}, {@code ru}, {@code en}
 * @param approximate true while the boundary is derived from towns rather than an official boundary
 * @param bbox [minLon, minLat, maxLon, maxLat] in WGS84, null without a boundary
 */
public record Region(String code, String regionCode, Names names, Long population, boolean approximate, List<Double> bbox) {

    public record Names(String uzLatn, String uzCyrl, String ru, String en) {
        @com.fasterxml.jackson.annotation.JsonProperty("uz-Latn")
        public String uzLatn() {
            return uzLatn;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("uz-Cyrl")
        public String uzCyrl() {
            return uzCyrl;
        }
    }
}
