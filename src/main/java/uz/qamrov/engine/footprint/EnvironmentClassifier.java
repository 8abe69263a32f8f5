package uz.qamrov.engine.footprint;

import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Settlement;

/**
 * Classifies a WGS84 lon/lat location as URBAN, SUBURBAN or RURAL from the population of settlement points within
 * {@link EnvironmentSettings#radiusM()} (geodesic). Settlement points sit in an STRtree built once; queries are
 * thread-safe. With no settlements every location is RURAL.
 *
 * <p>Limitation: population density is a proxy for clutter; a land-cover raster would be better and can replace
 * this class behind {@link SectorFootprintModel}.
 */
public final class EnvironmentClassifier {

    private final EnvironmentSettings settings;
    private final STRtree tree = new STRtree();
    private final double latPadDeg;

    public EnvironmentClassifier(Collection<Settlement> settlements, EnvironmentSettings settings) {
        this.settings = settings;
        for (Settlement s : settlements) {
            tree.insert(new Envelope(s.lon(), s.lon(), s.lat(), s.lat()), new double[] {s.lon(), s.lat(), s.population()});
        }
        tree.build();
        // 1 degree of latitude is >= 110.5 km everywhere; pad by 1% for safety
        this.latPadDeg = settings.radiusM() / 110_500.0 * 1.01;
    }

    public EnvironmentSettings settings() {
        return settings;
    }

    /** Total population of settlement points within the radius of (lon, lat). */
    public long populationNear(double lon, double lat) {
        double lonPad = latPadDeg / Math.cos(Math.toRadians(Math.abs(lat) + latPadDeg));
        @SuppressWarnings("unchecked")
        List<double[]> hits = tree.query(new Envelope(lon - lonPad, lon + lonPad, lat - latPadDeg, lat + latPadDeg));
        long sum = 0;
        for (double[] h : hits) {
            if (LocalMetric.distanceM(lon, lat, h[0], h[1]) <= settings.radiusM()) {
                sum += (long) h[2];
            }
        }
        return sum;
    }

    public EnvironmentClass classify(double lon, double lat) {
        long pop = populationNear(lon, lat);
        if (pop >= settings.urbanPopulation()) {
            return EnvironmentClass.URBAN;
        }
        return pop >= settings.suburbanPopulation() ? EnvironmentClass.SUBURBAN : EnvironmentClass.RURAL;
    }
}
