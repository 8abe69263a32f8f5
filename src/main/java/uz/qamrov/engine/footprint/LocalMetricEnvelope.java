package uz.qamrov.engine.footprint;

import org.locationtech.jts.geom.Envelope;

import uz.qamrov.engine.geodesy.LocalMetric;

/** Lon/lat envelope of a box given in a site's {@link LocalMetric} plane. */
final class LocalMetricEnvelope {

    private LocalMetricEnvelope() {
    }

    /**
     * Envelope of the plane box {xMin, xMax, yMin, yMax} (metres) around (lon, lat), converted with the radii of
     * curvature at the poleward edge (where a metre spans the most longitude) and padded by 0.5% of
     * {@code scaleM} + 1 m, which covers the plane's second-order distortion (~r²/R) with a wide margin.
     */
    static Envelope around(double lon, double lat, double[] box, double scaleM) {
        double pad = scaleM * 0.005 + 1;
        double phi0 = Math.toRadians(lat);
        double mPerDegLat = LocalMetric.meridionalRadiusM(phi0) * Math.PI / 180;
        double latLo = lat + (box[2] - pad) / mPerDegLat;
        double latHi = lat + (box[3] + pad) / mPerDegLat;
        double poleward = Math.toRadians(Math.max(Math.abs(latLo), Math.abs(latHi)));
        double mPerDegLon = LocalMetric.primeVerticalRadiusM(poleward) * Math.cos(poleward) * Math.PI / 180;
        return new Envelope(lon + (box[0] - pad) / mPerDegLon, lon + (box[1] + pad) / mPerDegLon, latLo, latHi);
    }
}
