package uz.qamrov.engine.footprint;

import java.util.EnumMap;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.Technology;

/**
 * Downlink link budget: allowed path loss = EIRP − threshold − fade margin − body loss (dBm/dB).
 *
 * <p>Defaults ({@link #DEFAULTS}):
 * <table>
 * <caption>per technology</caption>
 * <tr><th></th><th>threshold dBm</th><th>default EIRP dBm</th><th>allowed loss dB</th></tr>
 * <tr><td>2G</td><td>−102 (RxLev; GSM sensitivity −104 + 2 dB implementation margin)</td><td>52</td><td>143</td></tr>
 * <tr><td>3G</td><td>−100 (CPICH RSCP, "fair" outdoor)</td><td>49</td><td>138</td></tr>
 * <tr><td>4G</td><td>−108 (RSRP, usable outdoor data)</td><td>44</td><td>141</td></tr>
 * <tr><td>5G</td><td>−105 (SS-RSRP, n78 outdoor)</td><td>39</td><td>133</td></tr>
 * </table>
 * fade margin 8 dB (≈ 1.28σ for σ = 6–7 dB shadowing, 90% cell-edge reliability), body loss 3 dB, mobile height
 * 1.5 m, mobile antenna gain 0 dBi.
 *
 * <p>The EIRP is the EIRP of the signal the threshold is measured on (BCCH carrier, CPICH, one LTE/NR resource
 * element) as seen by a median model, not a nameplate total. The default values are calibrated, not physical:
 * chosen with the thresholds so that the models reproduce typical planned ranges — rural 900 MHz 2G at 40 m
 * ≈ 23 km, rural 800 MHz 4G at 30–40 m ≈ 18–21 km, urban 1800 MHz at 30 m ≈ 1.1–1.4 km, urban 2600 MHz ≈ 1.1 km,
 * urban 3500 MHz 5G ≈ 0.6 km. A cell's own {@code eirpDbm} must be given on the same scale (or give
 * {@code rangeM}); operators' planning data always beats these defaults.
 */
public record LinkBudget(Map<Technology, TechnologyBudget> technologies, double fadeMarginDb, double bodyLossDb,
        double mobileHeightM, double mobileAntennaGainDbi) {

    /** Threshold (dBm) and default EIRP (dBm) of one technology. */
    public record TechnologyBudget(double thresholdDbm, double defaultEirpDbm) {
    }

    public static final LinkBudget DEFAULTS = new LinkBudget(Map.of(
            Technology.G2, new TechnologyBudget(-102, 52),
            Technology.G3, new TechnologyBudget(-100, 49),
            Technology.G4, new TechnologyBudget(-108, 44),
            Technology.G5, new TechnologyBudget(-105, 39)), 8, 3, 1.5, 0);

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

    /** Allowed path loss in dB for a transmitter of {@code eirpDbm} (null = technology default). */
    public double allowedPathLossDb(Technology t, Double eirpDbm) {
        TechnologyBudget b = of(t);
        double eirp = eirpDbm == null ? b.defaultEirpDbm() : eirpDbm;
        return eirp + mobileAntennaGainDbi - b.thresholdDbm() - fadeMarginDb - bodyLossDb;
    }

    /** Copy with one technology's budget replaced. */
    public LinkBudget with(Technology t, TechnologyBudget budget) {
        EnumMap<Technology, TechnologyBudget> m = new EnumMap<>(technologies);
        m.put(t, budget);
        return new LinkBudget(m, fadeMarginDb, bodyLossDb, mobileHeightM, mobileAntennaGainDbi);
    }
}
