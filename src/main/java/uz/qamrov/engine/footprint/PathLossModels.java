package uz.qamrov.engine.footprint;

/** Picks the path-loss model for a band: Okumura–Hata ≤ 1500 MHz, COST-231 ≤ 2000 MHz, TR 38.901 ≤ 6000 MHz. */
public final class PathLossModels {

    private PathLossModels() {
    }

    /** @throws UnsupportedBandException outside 150–6000 MHz */
    public static PathLossModel forBand(int bandMhz) {
        if (bandMhz >= 150 && bandMhz <= 1500) {
            return OkumuraHata.INSTANCE;
        }
        if (bandMhz > 1500 && bandMhz <= 2000) {
            return Cost231Hata.INSTANCE;
        }
        if (bandMhz > 2000 && bandMhz <= 6000) {
            return Tr38901.INSTANCE;
        }
        throw new UnsupportedBandException(bandMhz);
    }
}
