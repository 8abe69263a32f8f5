package uz.qamrov.engine.footprint;

import java.util.EnumMap;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.Technology;

/**
 * Downlink link budget: allowed path loss = total EIRP + reference-signal share − threshold − fade margin − body
 * loss + mobile antenna gain (dBm/dB).
 *
 * <p>Why a reference-signal share: operators (and the ITU/Giga cell-site register) state a cell's <em>total</em>
 * EIRP — all the carrier's power through the antenna — but phones measure coverage on one reference signal: the GSM
 * BCCH carrier (all of it), the UMTS CPICH (about 10% of the carrier power) or one LTE/NR resource element (1 of
 * 1,200 subcarriers of a 20 MHz LTE carrier, 1 of 3,276 of a 100 MHz NR carrier at 30 kHz). The share turns the
 * stated EIRP into the EIRP of the signal the threshold is defined on.
 *
 * <p>Defaults ({@link #DEFAULTS}):
 * <table>
 * <caption>per technology</caption>
 * <tr><th></th><th>threshold dBm</th><th>default total EIRP dBm</th><th>reference share dB</th><th>allowed loss dB</th></tr>
 * <tr><td>2G</td><td>−102 (RxLev; GSM sensitivity −104 + 2 dB)</td><td>58 (20 W + 17 dBi − 2 dB feeder)</td><td>0 (BCCH)</td><td>149</td></tr>
 * <tr><td>3G</td><td>−97 (CPICH RSCP, good outdoor data)</td><td>59</td><td>−10 (CPICH ≈ 10%)</td><td>135</td></tr>
 * <tr><td>4G</td><td>−105 (RSRP, good outdoor data rates)</td><td>61 (40 W + 17 dBi − 2 dB)</td><td>−30.8 (1 of 1,200 REs)</td><td>124.2</td></tr>
 * <tr><td>5G</td><td>−105 (SS-RSRP, n78)</td><td>70 (200 W, massive MIMO)</td><td>−35.2 (1 of 3,276 REs)</td><td>128.8</td></tr>
 * </table>
 * fade margin 8 dB (≈ 1.28σ for σ = 6–7 dB shadowing, 90% cell-edge reliability), body loss 3 dB, mobile height
 * 1.5 m, mobile antenna gain 0 dBi. With these, a rural 800 MHz LTE cell at 30 m reaches ≈ 5.9 km, rural 1800 MHz
 * ≈ 3.6 km, an urban 1800 MHz cell ≈ 0.38 km (COST-231 extrapolated below its 1 km validity, never clamped up), a rural 900 MHz GSM cell at 40 m the Hata limit of 20 km (flagged clamped) — typical
 * planned cell radii for data, not the farthest a phone may still register. Operators' planning data (an explicit
 * {@code rangeM}) always beats these defaults.
 */
public record LinkBudget(Map<Technology, TechnologyBudget> technologies, double fadeMarginDb, double bodyLossDb,
        double mobileHeightM, double mobileAntennaGainDbi) {

    /**
     * Threshold (dBm) on the reference signal, the default total EIRP (dBm) of a cell that states none, and the
     * reference signal's share of the total (dB, ≤ 0).
     */
    public record TechnologyBudget(double thresholdDbm, double defaultEirpDbm, double referenceShareDb) {
    }

    public static final LinkBudget DEFAULTS = new LinkBudget(Map.of(
            Technology.G2, new TechnologyBudget(-102, 58, 0),
            Technology.G3, new TechnologyBudget(-97, 59, -10),
            Technology.G4, new TechnologyBudget(-105, 61, -10 * Math.log10(1200)),
            Technology.G5, new TechnologyBudget(-105, 70, -10 * Math.log10(3276))), 8, 3, 1.5, 0);

    public LinkBudget {
        EnumMap<Technology, TechnologyBudget> copy = new EnumMap<>(Technology.class);
        copy.putAll(technologies);
        for (Technology t : Technology.values()) {
            if (!copy.containsKey(t)) {
                throw InvalidInputException.of("link budget lacks a technology", "technology", t.label());
            }
        }
        if (!(mobileHeightM > 0 && mobileHeightM <= 10) || !(fadeMarginDb >= 0) || !(bodyLossDb >= 0)) {
            throw InvalidInputException.of("invalid link budget", "mobileHeightM", mobileHeightM, "fadeMarginDb",
                    fadeMarginDb, "bodyLossDb", bodyLossDb);
        }
        technologies = java.util.Collections.unmodifiableMap(copy);
    }

    public TechnologyBudget of(Technology t) {
        return technologies.get(t);
    }

    /** Allowed path loss in dB for a cell of total EIRP {@code eirpDbm} (null = technology default). */
    public double allowedPathLossDb(Technology t, Double eirpDbm) {
        TechnologyBudget b = of(t);
        double eirp = eirpDbm == null ? b.defaultEirpDbm() : eirpDbm;
        return eirp + b.referenceShareDb() + mobileAntennaGainDbi - b.thresholdDbm() - fadeMarginDb - bodyLossDb;
    }

    /** Copy with one technology's budget replaced. */
    public LinkBudget with(Technology t, TechnologyBudget budget) {
        EnumMap<Technology, TechnologyBudget> m = new EnumMap<>(technologies);
        m.put(t, budget);
        return new LinkBudget(m, fadeMarginDb, bodyLossDb, mobileHeightM, mobileAntennaGainDbi);
    }
}
